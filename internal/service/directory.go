package service

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// audited attaches the audit entry of a mutation to ctx; the store writes it
// in the same transaction as the change.
func (s *Service) audited(ctx context.Context, action, entityType, id string, old, new any) context.Context {
	e := s.auditEntry(ctx, action, entityType, id)
	e.Changes = access.Diff(old, new)
	return store.WithPendingAudit(ctx, e)
}

// auditEntry starts the audit entry of a mutation by the caller in ctx.
func (s *Service) auditEntry(ctx context.Context, action, entityType, id string) *access.AuditEntry {
	p := access.FromContext(ctx)
	actor, name := p.TokenID, p.Name
	if actor == "" {
		actor, name = "anonymous", "anonymous"
	}
	return &access.AuditEntry{
		ID: NewID("aud-"), At: s.Now(), ActorID: actor, ActorName: name, Role: p.Role,
		Action: action, EntityType: entityType, EntityID: id,
	}
}

func first[T any](list []T, err error) (*T, error) {
	if err != nil || len(list) == 0 {
		return nil, err
	}
	return &list[0], nil
}

// Organisation returns the organisation with id, or nil.
func (s *Service) Organisation(ctx context.Context, id string) (*directory.Organisation, error) {
	return first(s.OrganisationsByID(ctx, []string{id}))
}

// Organisations lists organisations.
func (s *Service) Organisations(ctx context.Context, f store.OrganisationFilter, p store.Page) (store.OrganisationPage, error) {
	if _, err := p.Window(store.OrderingOrganisations); err != nil {
		return store.OrganisationPage{}, err
	}
	if err := f.Validate(); err != nil {
		return store.OrganisationPage{}, err
	}
	var err error
	if f.Municipality, err = s.municipality(ctx, "filter.municipality", f.Municipality); err != nil {
		return store.OrganisationPage{}, err
	}
	if f.ParentID != "" {
		// The parts of a hidden organisation would betray that it exists.
		parent, err := s.Organisation(ctx, f.ParentID)
		if err != nil {
			return store.OrganisationPage{}, err
		}
		if parent == nil {
			return store.OrganisationPage{Organisations: []directory.Organisation{}}, nil
		}
	}
	restrictOrganisations(ctx, &f)
	page, err := s.store.Organisations(ctx, f, p)
	page.Organisations = visibleOrganisations(ctx, page.Organisations)
	return page, err
}

// Offer returns the offer with id, or nil.
func (s *Service) Offer(ctx context.Context, id string) (*directory.Offer, error) {
	return first(s.OffersByID(ctx, []string{id}))
}

// SearchOffers runs an offer search.
func (s *Service) SearchOffers(ctx context.Context, q store.OfferQuery) (store.OfferPage, error) {
	if err := q.Validate(); err != nil {
		return store.OfferPage{}, err
	}
	var err error
	if q.Filter.Municipality, err = s.municipality(ctx, "filter.municipality", q.Filter.Municipality); err != nil {
		return store.OfferPage{}, err
	}
	restrict(ctx, &q.Filter)
	page, err := s.store.SearchOffers(ctx, q)
	page.Hits = visibleHits(ctx, page.Hits)
	return page, err
}

// Districts lists the districts of a municipality ("" = all).
func (s *Service) Districts(ctx context.Context, municipality string) ([]directory.District, error) {
	m, err := s.municipality(ctx, "municipality", municipality)
	if err != nil {
		return nil, err
	}
	return s.store.Districts(ctx, m)
}

// CreateOrganisation validates and stores a new organisation.
func (s *Service) CreateOrganisation(ctx context.Context, o directory.Organisation) (directory.Organisation, error) {
	if err := access.Require(access.FromContext(ctx), "createOrganisation", access.DirectoryEditor...); err != nil {
		return o, err
	}
	if o.ID == "" {
		o.ID = NewID("org-")
	}
	o.UpdatedAt = s.Now()
	if err := o.Validate(); err != nil {
		return o, err
	}
	if err := s.store.CreateOrganisation(s.audited(ctx, "createOrganisation", "Organisation", o.ID, nil, o), o); err != nil {
		return o, err
	}
	return o, nil
}

// UpdateOrganisation applies a partial change to an organisation. Read,
// patch and write run in one store transaction, and the audit entry's old
// values come from that same read.
func (s *Service) UpdateOrganisation(ctx context.Context, id string, apply func(*directory.Organisation)) (directory.Organisation, error) {
	p := access.FromContext(ctx)
	if err := access.RequireOrganisation(p, "updateOrganisation", id); err != nil {
		return directory.Organisation{}, err
	}
	entry := s.auditEntry(ctx, "updateOrganisation", "Organisation", id)
	var out directory.Organisation
	err := s.store.UpdateOrganisation(store.WithPendingAudit(ctx, entry), id, func(o *directory.Organisation) error {
		old := o.Clone()
		apply(o)
		o.ID, o.UpdatedAt = id, s.Now()
		if p.Role == access.RolePartner {
			if f := directory.PartnerFixedField(old, *o); f != "" {
				return &access.Denied{Action: "updateOrganisation", Reason: "a partner organisation may change its descriptive fields, not " + f}
			}
		}
		if err := o.Validate(); err != nil {
			return err
		}
		if o.ParentID != "" && o.ParentID != old.ParentID {
			if err := s.refuseParentCycle(ctx, id, o.ParentID); err != nil {
				return err
			}
		}
		entry.Changes, out = access.Diff(old, *o), *o
		return nil
	})
	return out, err
}

// maxParentChain bounds the walk up the parents of an organisation.
const maxParentChain = 1000

// refuseParentCycle refuses parent as the parent of id when id is parent
// or one of parent's ancestors: a cycle would make each organisation part
// of the other, and neither could then be deleted.
func (s *Service) refuseParentCycle(ctx context.Context, id, parent string) error {
	for cur, n := parent, 0; cur != "" && n < maxParentChain; n++ {
		if cur == id {
			p := directory.NewProblems()
			p.Add("parentId", "%q is %s or one of its parts: an organisation cannot be part of itself", parent, id)
			return p.Err()
		}
		o, err := s.Organisation(ctx, cur)
		if err != nil || o == nil {
			return err // an unknown parent is the store's NotFound
		}
		cur = o.ParentID
	}
	return nil
}

// DeleteOrganisation removes an organisation that provides no offers.
func (s *Service) DeleteOrganisation(ctx context.Context, id string) error {
	if err := access.Require(access.FromContext(ctx), "deleteOrganisation", access.DirectoryEditor...); err != nil {
		return err
	}
	old, err := s.Organisation(ctx, id)
	if err != nil {
		return err
	}
	if old == nil {
		return &store.NotFound{Field: "id", Entity: "organisation", ID: id}
	}
	return s.store.DeleteOrganisation(s.audited(ctx, "deleteOrganisation", "Organisation", id, *old, nil), id)
}

// CreateOffer validates and stores a new offer.
func (s *Service) CreateOffer(ctx context.Context, o directory.Offer) (directory.Offer, error) {
	if err := access.RequireOrganisation(access.FromContext(ctx), "createOffer", o.ProviderID); err != nil {
		return o, err
	}
	if o.ID == "" {
		o.ID = NewID("off-")
	}
	o.UpdatedAt = s.Now()
	if err := o.Validate(); err != nil {
		return o, err
	}
	if err := s.store.CreateOffer(s.audited(ctx, "createOffer", "Offer", o.ID, nil, o), o); err != nil {
		return o, err
	}
	return o, nil
}

// UpdateOffer applies a partial change to an offer in one store transaction,
// as UpdateOrganisation does. A PARTNER must own the offer both before and
// after the change.
func (s *Service) UpdateOffer(ctx context.Context, id string, apply func(*directory.Offer)) (directory.Offer, error) {
	p := access.FromContext(ctx)
	if err := access.RequireOrganisation(p, "updateOffer"); err != nil && p.Role != access.RolePartner {
		return directory.Offer{}, err
	}
	entry := s.auditEntry(ctx, "updateOffer", "Offer", id)
	var out directory.Offer
	err := s.store.UpdateOffer(store.WithPendingAudit(ctx, entry), id, func(o *directory.Offer) error {
		old := o.Clone()
		apply(o)
		o.ID, o.UpdatedAt = id, s.Now()
		if p.Role == access.RolePartner && old.ProviderID != p.OrganisationID {
			return notOwnOffer(p, "updateOffer")
		}
		if err := access.RequireOrganisation(p, "updateOffer", old.ProviderID, o.ProviderID); err != nil {
			return err
		}
		if err := o.Validate(); err != nil {
			return err
		}
		entry.Changes, out = access.Diff(old, *o), *o
		return nil
	})
	var nf *store.NotFound
	if p.Role == access.RolePartner && errors.As(err, &nf) && nf.Field == "id" {
		return directory.Offer{}, notOwnOffer(p, "updateOffer")
	}
	return out, err
}

// notOwnOffer refuses a partner an offer that is not its organisation's,
// in the same words whether the offer exists elsewhere or not at all, so
// that the refusal tells neither its existence nor its provider.
func notOwnOffer(p access.Principal, action string) error {
	return access.Deny(p, action, "a PARTNER may only change the offers of its own organisation %q", p.OrganisationID)
}

// DeleteOffer removes an offer.
func (s *Service) DeleteOffer(ctx context.Context, id string) error {
	p := access.FromContext(ctx)
	if err := access.RequireOrganisation(p, "deleteOffer"); err != nil && p.Role != access.RolePartner {
		return err
	}
	old, err := s.Offer(ctx, id)
	if err != nil {
		return err
	}
	if p.Role == access.RolePartner && (old == nil || old.ProviderID != p.OrganisationID) {
		return notOwnOffer(p, "deleteOffer")
	}
	if old == nil {
		return &store.NotFound{Field: "id", Entity: "offer", ID: id}
	}
	if err := access.RequireOrganisation(p, "deleteOffer", old.ProviderID); err != nil {
		return err
	}
	return s.store.DeleteOffer(s.audited(ctx, "deleteOffer", "Offer", id, *old, nil), id)
}

// AddCooperation records a cooperation between two organisations.
func (s *Service) AddCooperation(ctx context.Context, c directory.Cooperation) (directory.Cooperation, error) {
	if err := access.RequireAnyOrganisation(access.FromContext(ctx), "addCooperation", c.A, c.B); err != nil {
		return c, err
	}
	if err := c.Validate(); err != nil {
		return c, err
	}
	c = c.Normalized()
	switch side, err := s.hiddenSide(ctx, c.A, c.B); {
	case err != nil:
		return c, err
	case side == "a":
		return c, &store.NotFound{Field: "a", Entity: "organisation", ID: c.A}
	case side == "b":
		return c, &store.NotFound{Field: "b", Entity: "organisation", ID: c.B}
	}
	p := access.FromContext(ctx)
	actx := s.audited(ctx, "addCooperation", "Cooperation", c.A+"|"+c.B, nil, c)
	pending, err := s.proposal(ctx, c.A, c.B)
	if err != nil {
		return c, err
	}
	switch {
	case pending != nil && (p.Role != access.RolePartner || pending.ProposedBy != p.OrganisationID):
		// The other side (or steering) adds what was proposed: that confirms it.
		c.Status = directory.CooperationConfirmed
		_, err := s.store.ConfirmCooperation(actx, c.A, c.B)
		return c, err
	case p.Role == access.RolePartner:
		// A partner's word alone does not make a cooperation: it is
		// PROPOSED until the other side's partner or steering confirms.
		c.Status = directory.CooperationProposed
		return c, s.store.ProposeCooperation(actx, c, p.OrganisationID)
	}
	c.Status = directory.CooperationConfirmed
	return c, s.store.AddCooperation(actx, c)
}

// proposal returns the pending proposal between a and b, or nil.
func (s *Service) proposal(ctx context.Context, a, b string) (*store.Proposal, error) {
	n := directory.Cooperation{A: a, B: b}.Normalized()
	props, err := s.store.CooperationProposals(ctx, []string{n.A})
	if err != nil {
		return nil, err
	}
	for i := range props {
		if props[i].A == n.A && props[i].B == n.B {
			return &props[i], nil
		}
	}
	return nil, nil
}

// ConfirmCooperation confirms the cooperation the organisation a or b
// proposed: steering, admin or the partner of the other side may.
// A partner who may not confirm learns nothing about the proposal.
func (s *Service) ConfirmCooperation(ctx context.Context, a, b string) (directory.Cooperation, error) {
	p := access.FromContext(ctx)
	if err := access.RequireAnyOrganisation(p, "confirmCooperation", a, b); err != nil {
		return directory.Cooperation{}, err
	}
	n := directory.Cooperation{A: a, B: b}.Normalized()
	side, err := s.hiddenSide(ctx, a, b)
	if err != nil {
		return directory.Cooperation{}, err
	}
	found, err := s.proposal(ctx, a, b)
	if err != nil {
		return directory.Cooperation{}, err
	}
	if found == nil || side != "" { // a hidden side's proposal is for steering to confirm
		return directory.Cooperation{}, &store.NotFound{Field: "b", Entity: "cooperation proposal", ID: n.A + "/" + n.B}
	}
	if p.Role == access.RolePartner && found.ProposedBy == p.OrganisationID {
		return directory.Cooperation{}, access.Deny(p, "confirmCooperation", "the other side or steering confirms a proposal, not its proposer")
	}
	c, err := s.store.ConfirmCooperation(s.audited(ctx, "confirmCooperation", "Cooperation", n.A+"|"+n.B, found.Cooperation, found.Cooperation), n.A, n.B)
	c.Status = directory.CooperationConfirmed
	return c, err
}

// proposedAmong returns the proposals among the given organisations (both
// sides among them), normalized: the network report shows them apart.
func (s *Service) proposedAmong(ctx context.Context, ids []string) ([]directory.Cooperation, error) {
	props, err := s.store.CooperationProposals(ctx, ids)
	if err != nil {
		return nil, err
	}
	in := make(map[string]bool, len(ids))
	for _, id := range ids {
		in[id] = true
	}
	out := []directory.Cooperation{}
	for _, pr := range props {
		if in[pr.A] && in[pr.B] {
			c := pr.Cooperation.Normalized()
			c.Status = directory.CooperationProposed
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(a, b directory.Cooperation) int {
		return cmp.Or(strings.Compare(a.A, b.A), strings.Compare(a.B, b.B))
	})
	return out, nil
}

// RemoveCooperation deletes the cooperation between a and b.
func (s *Service) RemoveCooperation(ctx context.Context, a, b string) error {
	if err := access.RequireAnyOrganisation(access.FromContext(ctx), "removeCooperation", a, b); err != nil {
		return err
	}
	c := directory.Cooperation{A: a, B: b}.Normalized()
	if side, err := s.hiddenSide(ctx, a, b); err != nil || side != "" {
		if err == nil { // as for a pair that does not cooperate
			err = &store.NotFound{Field: "b", Entity: "cooperation", ID: c.A + "/" + c.B}
		}
		return err
	}
	err := s.store.RemoveCooperation(s.audited(ctx, "removeCooperation", "Cooperation", c.A+"|"+c.B, c, nil), a, b)
	var nf *store.NotFound
	if errors.As(err, &nf) && nf.Field == "" {
		nf.Field = "b"
	}
	return err
}
