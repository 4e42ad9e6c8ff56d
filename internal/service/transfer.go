package service

import (
	"context"
	"strconv"
	"strings"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// Import validates a whole snapshot and upserts it in one transaction: all of
// it or nothing. Records with an id of the document are replaced, the
// others stay. The audit entry says, per kind, how many records the store
// held before (old) and how many the document brings (new), changed or
// not; Import returns what the store held.
func (s *Service) Import(ctx context.Context, snap directory.Snapshot) (store.Counts, error) {
	if err := access.Require(access.FromContext(ctx), "import", access.DirectoryOperators...); err != nil {
		return store.Counts{}, err
	}
	if err := snap.Validate(); err != nil {
		return store.Counts{}, err
	}
	before, err := s.store.Counts(ctx)
	if err != nil {
		return store.Counts{}, err
	}
	e := s.auditEntry(ctx, "import", "Snapshot", "")
	for _, k := range []struct {
		field    string
		old, new int
	}{
		{"districts", before.Districts, len(snap.Districts)}, {"workingGroups", before.WorkingGroups, len(snap.WorkingGroups)},
		{"organisations", before.Organisations, len(snap.Organisations)}, {"offers", before.Offers, len(snap.Offers)},
		{"cooperations", before.Cooperations, len(snap.Cooperations)}, {"unmetNeeds", before.UnmetNeeds, len(snap.UnmetNeeds)},
		{"cooperationProposals", before.CooperationProposals, len(snap.CooperationProposals)},
	} {
		e.Changes = append(e.Changes, access.FieldChange{Field: k.field, Old: strconv.Itoa(k.old), New: strconv.Itoa(k.new)})
	}
	return before, s.store.Import(store.WithPendingAudit(ctx, e), snap)
}

// Export returns the whole directory, each list ordered by id.
func (s *Service) Export(ctx context.Context) (directory.Snapshot, error) {
	if err := access.Require(access.FromContext(ctx), "export", access.DirectoryOperators...); err != nil {
		return directory.Snapshot{}, err
	}
	return s.store.Export(ctx)
}

// DemoSeed is what SeedDemo did.
type DemoSeed struct {
	Loaded bool         // the store was empty and got the demo data
	Before store.Counts // what the store held before
	Tokens []DemoToken  // one fresh token per role
}

// DemoToken is a demo token and its secret, shown this once.
type DemoToken struct {
	access.Token
	Secret string
}

// demoTokenPrefix names the demo tokens, so that the next seeding revokes them.
const demoTokenPrefix = "demo-"

// SeedDemo imports snap into an empty store (never overwriting data) and
// issues one fresh demo token per role, revoking the previous ones; the
// PARTNER token belongs to the first migrant organisation. It imports,
// revokes and issues through Import, RevokeToken and CreateToken, so every
// step is authorized and audited like its command-line twin.
func (s *Service) SeedDemo(ctx context.Context, snap directory.Snapshot) (DemoSeed, error) {
	var seed DemoSeed
	if err := access.Require(access.FromContext(ctx), "seedDemo", access.DirectoryOperators...); err != nil {
		return seed, err
	}
	var err error
	if seed.Before, err = s.store.Counts(ctx); err != nil {
		return seed, err
	}
	if seed.Before.Empty() {
		if _, err := s.Import(ctx, snap); err != nil {
			return seed, err
		}
		seed.Loaded = true
	}
	tokens, err := s.Tokens(ctx)
	if err != nil {
		return seed, err
	}
	for _, t := range tokens {
		if strings.HasPrefix(t.Name, demoTokenPrefix) && t.RevokedAt == nil {
			if err := s.RevokeToken(ctx, t.ID); err != nil {
				return seed, err
			}
		}
	}
	orgs, err := s.store.Organisations(ctx, store.OrganisationFilter{Kinds: []directory.OrganisationKind{directory.KindMigrantOrganisation}}, store.Page{First: 1})
	if err != nil {
		return seed, err
	}
	for _, role := range []access.Role{access.RoleAdmin, access.RoleSteering, access.RoleCaseManager, access.RolePartner} {
		req := TokenRequest{Name: demoTokenPrefix + strings.ToLower(string(role)), Role: role}
		if role == access.RolePartner {
			if len(orgs.Organisations) == 0 {
				continue // no organisation for a partner to belong to
			}
			req.OrganisationID = orgs.Organisations[0].ID
		}
		if role == access.RoleCaseManager {
			// The case manager works for an integration centre, which sends referrals.
			ki, err := s.store.Organisations(ctx, store.OrganisationFilter{Kinds: []directory.OrganisationKind{directory.KindIntegrationCentre}}, store.Page{First: 1})
			if err != nil {
				return seed, err
			}
			if len(ki.Organisations) > 0 {
				req.OrganisationID = ki.Organisations[0].ID
			}
		}
		t, secret, err := s.CreateToken(ctx, req)
		if err != nil {
			return seed, err
		}
		seed.Tokens = append(seed.Tokens, DemoToken{Token: t, Secret: secret})
	}
	return seed, nil
}
