package service

import (
	"context"
	"strings"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// Import validates a whole snapshot and upserts it in one transaction: all of
// it or nothing. The audit entry records how much was imported.
func (s *Service) Import(ctx context.Context, snap directory.Snapshot) error {
	if err := access.Require(access.FromContext(ctx), "import", access.DirectoryOperators...); err != nil {
		return err
	}
	if err := snap.Validate(); err != nil {
		return err
	}
	summary := store.Counts{Districts: len(snap.Districts), WorkingGroups: len(snap.WorkingGroups),
		Organisations: len(snap.Organisations), Offers: len(snap.Offers), Cooperations: len(snap.Cooperations),
		UnmetNeeds: len(snap.UnmetNeeds)}
	return s.store.Import(s.audited(ctx, "import", "Snapshot", "", nil, summary), snap)
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
		if err := s.Import(ctx, snap); err != nil {
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
		t, secret, err := s.CreateToken(ctx, req)
		if err != nil {
			return seed, err
		}
		seed.Tokens = append(seed.Tokens, DemoToken{Token: t, Secret: secret})
	}
	return seed, nil
}
