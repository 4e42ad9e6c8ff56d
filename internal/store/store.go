// Package store is the one seam between Lotse's domain and its databases.
// Every backend implements Store and passes the conformance suite in
// storetest. Methods are coarse: each answers one request in one round trip.
//
// Inputs are valid: internal/service validates every record, filter and page
// before it calls a Store method, once for all backends. A backend checks
// only what needs the database: references (*NotFound) and uniqueness
// (*Conflict). Only a page's cursor is decoded (and refused) by the backend.
package store

import (
	"context"
	"time"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
)

// Store is everything Lotse keeps.
type Store interface {
	Directory
	Steering
	Access
	Referrals
	ChangeLog
	// Ping reports whether the database answers.
	Ping(ctx context.Context) error
	Close() error
}

// Directory is the partner directory: districts, organisations, offers,
// cooperations, working groups.
//
// Writes check references: an unknown providerId, parentId, districtId or
// working group yields a *NotFound naming the field. Writes never change
// UpdatedAt themselves; the caller sets it, so export → import is lossless.
// Every write also stores the audit entry carried by ctx (WithAudit), in the
// same transaction.
type Directory interface {
	// PutDistricts inserts or replaces districts by id.
	PutDistricts(ctx context.Context, ds []directory.District) error
	// Districts lists the districts of a municipality ("" = all), by municipality then name.
	Districts(ctx context.Context, municipality string) ([]directory.District, error)
	// DistrictsByID returns the districts that exist among ids, in any order.
	DistrictsByID(ctx context.Context, ids []string) ([]directory.District, error)

	// PutWorkingGroups inserts or replaces working groups by id.
	PutWorkingGroups(ctx context.Context, ws []directory.WorkingGroup) error
	// WorkingGroupsByID returns the working groups that exist among ids.
	WorkingGroupsByID(ctx context.Context, ids []string) ([]directory.WorkingGroup, error)

	// CreateOrganisation stores a new organisation; a taken id is a *Conflict on "id".
	CreateOrganisation(ctx context.Context, o directory.Organisation) error
	// UpdateOrganisation reads the organisation with id, lets update patch it
	// and writes the result, all in one transaction: concurrent partial
	// updates of one organisation run one after the other and never lose a
	// field. An unknown id is a *NotFound on "id"; an error from update aborts
	// the transaction and is returned as it is. update may run more than once
	// (a backend may retry the transaction), each time on a fresh read.
	UpdateOrganisation(ctx context.Context, id string, update func(*directory.Organisation) error) error
	// DeleteOrganisation removes an organisation and its cooperations. It is a
	// *Conflict while the organisation still provides offers or has parts.
	DeleteOrganisation(ctx context.Context, id string) error
	// OrganisationsByID returns the organisations that exist among ids.
	OrganisationsByID(ctx context.Context, ids []string) ([]directory.Organisation, error)
	// Organisations lists organisations matching f, ordered by name then id.
	Organisations(ctx context.Context, f OrganisationFilter, p Page) (OrganisationPage, error)

	// CreateOffer stores a new offer; a taken id is a *Conflict on "id".
	CreateOffer(ctx context.Context, o directory.Offer) error
	// UpdateOffer reads, patches and writes an offer in one transaction, as
	// UpdateOrganisation does.
	UpdateOffer(ctx context.Context, id string, update func(*directory.Offer) error) error
	// DeleteOffer removes an offer.
	DeleteOffer(ctx context.Context, id string) error
	// OffersByID returns the offers that exist among ids.
	OffersByID(ctx context.Context, ids []string) ([]directory.Offer, error)
	// OffersByProvider returns every offer of the given providers, by title then id.
	OffersByProvider(ctx context.Context, providerIDs []string) ([]directory.Offer, error)
	// SearchOffers filters, orders and pages offers; see OfferQuery.
	SearchOffers(ctx context.Context, q OfferQuery) (OfferPage, error)

	// AddCooperation records a cooperation; an existing one between the same
	// pair is a *Conflict. It replaces a proposal of the pair.
	AddCooperation(ctx context.Context, c directory.Cooperation) error
	// RemoveCooperation deletes the cooperation between a and b, in either order.
	RemoveCooperation(ctx context.Context, a, b string) error
	// CooperationsOf returns every cooperation that touches one of ids, normalized (A < B).
	CooperationsOf(ctx context.Context, ids []string) ([]directory.Cooperation, error)
	// ProposeCooperation records c as proposed by the organisation by, one of
	// its sides, until ConfirmCooperation; a proposal between the same two
	// replaces the previous one. An unknown side is a *NotFound on "a"/"b",
	// a pair that already cooperates a *Conflict. Proposals are not
	// cooperations: no other read returns them.
	ProposeCooperation(ctx context.Context, c directory.Cooperation, by string) error
	// CooperationProposals returns the proposals touching one of ids,
	// normalized (A < B), by A then B.
	CooperationProposals(ctx context.Context, ids []string) ([]Proposal, error)
	// ConfirmCooperation turns the proposal between a and b (either order)
	// into a cooperation, in one transaction; no proposal is a *NotFound.
	ConfirmCooperation(ctx context.Context, a, b string) (directory.Cooperation, error)

	// Import upserts a whole snapshot in one transaction: all of it or nothing.
	// An imported cooperation replaces a stored proposal of its pair; an
	// imported proposal replaces a stored one of its pair, and is a *Conflict
	// for a pair that cooperates in the store.
	Import(ctx context.Context, s directory.Snapshot) error
	// Export returns everything, each list ordered by id (cooperations and
	// proposals by A, B), so that two exports of the same data are byte-identical.
	Export(ctx context.Context) (directory.Snapshot, error)
	// OffersAfter returns up to limit offers whose ids sort after after
	// ("" = from the first), by id: the offers page by page, for a reader
	// that must not hold them all at once (the read index's build).
	OffersAfter(ctx context.Context, after string, limit int) ([]directory.Offer, error)
	// OrganisationsAfter is OffersAfter for organisations.
	OrganisationsAfter(ctx context.Context, after string, limit int) ([]directory.Organisation, error)
	// Counts says how much is stored.
	Counts(ctx context.Context) (Counts, error)
}

// Steering is what case management records and strategic steering reads.
type Steering interface {
	// RecordUnmetNeeds stores unmet needs; an unknown district is a *NotFound on "districtId".
	RecordUnmetNeeds(ctx context.Context, us []directory.UnmetNeed) error
	// UnmetNeedCounts counts unmet needs grouped by district, need, language and target group.
	UnmetNeedCounts(ctx context.Context, f UnmetNeedFilter) ([]UnmetNeedCount, error)
	// GapFacts gathers, in one call, what the gap rules of internal/gaps need.
	GapFacts(ctx context.Context, q GapQuery) (GapFacts, error)
	// CooperationGraph returns the organisations of a municipality ("" = all)
	// and the cooperations among them.
	CooperationGraph(ctx context.Context, municipality string) (Graph, error)
	// Neighbourhood returns the organisations within depth cooperation hops of
	// id (including it) and the cooperations among them. Unknown id: *NotFound.
	Neighbourhood(ctx context.Context, id string, depth int) (Graph, error)
}

// Access keeps API tokens and the audit log.
type Access interface {
	// CreateToken stores a token (its hash, never the secret).
	CreateToken(ctx context.Context, t access.Token) error
	// TokenByHash finds a token, revoked or not; unknown: ErrNotFound.
	TokenByHash(ctx context.Context, hash string) (access.Token, error)
	// Tokens lists every token by creation time then id.
	Tokens(ctx context.Context) ([]access.Token, error)
	// RevokeToken marks a token revoked at the given time.
	RevokeToken(ctx context.Context, id string, at time.Time) error
	// AuditLog lists audit entries matching f, newest first.
	AuditLog(ctx context.Context, f AuditFilter, p Page) (AuditPage, error)
}

type auditKey struct{}

// WithAudit attaches an audit entry to ctx; the next store write made with
// that ctx stores it in the same transaction, so no change goes unrecorded.
func WithAudit(ctx context.Context, e access.AuditEntry) context.Context {
	return WithPendingAudit(ctx, &e)
}

// WithPendingAudit attaches an audit entry its caller may still complete: a
// store reads *e only when it writes it, after an update function ran, so
// that function can set e.Changes from the very record it patched.
func WithPendingAudit(ctx context.Context, e *access.AuditEntry) context.Context {
	return context.WithValue(ctx, auditKey{}, e)
}

// AuditFrom returns the audit entry attached to ctx, if any.
func AuditFrom(ctx context.Context) (access.AuditEntry, bool) {
	e, ok := ctx.Value(auditKey{}).(*access.AuditEntry)
	if !ok {
		return access.AuditEntry{}, false
	}
	return *e, true
}

// Proposal is a cooperation one side proposed and the other side (or
// steering) has not confirmed yet.
type Proposal = directory.CooperationProposal

// ChangeLog numbers the directory's writes, so that a read index over the
// store (internal/store/readindex) learns of writes it did not make itself:
// another process on the same SQLite file, another replica on the same
// Neo4j. Every write of districts, organisations or offers, Import included,
// appends one change in its own transaction; numbers follow commit order
// without gaps, so a reader that has seen the latest number has seen every
// change up to it.
type ChangeLog interface {
	// DirectoryVersion is the number of the latest change (0: none yet).
	DirectoryVersion(ctx context.Context) (int64, error)
	// DirectoryChanges returns up to limit changes after the change numbered
	// after, oldest first. ok is false when the log no longer reaches back
	// that far (it keeps the latest ChangeLogKeep): read everything again.
	DirectoryChanges(ctx context.Context, after int64, limit int) (changes []DirectoryChange, ok bool, err error)
}

// ChangeLogKeep is how many changes a store keeps at least.
const ChangeLogKeep = 10000

// ChangeKind names what a logged write changed.
type ChangeKind string

const (
	ChangeDistricts     ChangeKind = "district"
	ChangeOrganisations ChangeKind = "organisation"
	ChangeOffers        ChangeKind = "offer"
	ChangeAll           ChangeKind = "all" // an Import: anything may have changed
)

// DirectoryChange is one logged write: the records of one kind it wrote
// (created, updated or deleted).
type DirectoryChange struct {
	Seq  int64
	Kind ChangeKind
	IDs  []string
}

// ChangesReachBack reports whether changes read after the change numbered
// after, from a log whose oldest kept number is first, miss none.
func ChangesReachBack(after, first int64, changes []DirectoryChange) bool {
	return len(changes) == 0 || first <= after+1
}

// PruneChangesBefore says, after change seq was logged, whether to prune
// the log and up to which number: every 1,000th change, keeping ChangeLogKeep.
func PruneChangesBefore(seq int64) (before int64, prune bool) {
	return seq - ChangeLogKeep, seq%1000 == 0 && seq > ChangeLogKeep
}

// DistrictIDs lists the ids of ds, for the change log.
func DistrictIDs(ds []directory.District) []string {
	ids := make([]string, len(ds))
	for i, d := range ds {
		ids[i] = d.ID
	}
	return ids
}
