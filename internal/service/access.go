package service

import (
	"context"
	"errors"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// Me describes the caller of a request.
type Me struct {
	Role         access.Role
	Organisation *directory.Organisation // a PARTNER's or CASE_MANAGER's own organisation
	Name         string                  // the token's name; "" for anonymous callers
}

// Me tells the caller who it is; everyone may ask.
func (s *Service) Me(ctx context.Context) (Me, error) {
	p := access.FromContext(ctx)
	me := Me{Role: p.Role, Name: p.Name}
	if !p.Authenticated() {
		me.Role, me.Name = access.RolePublic, ""
	}
	if (p.Role == access.RolePartner || p.Role == access.RoleCaseManager) && p.OrganisationID != "" {
		o, err := s.Organisation(ctx, p.OrganisationID)
		if err != nil {
			return me, err
		}
		me.Organisation = o
	}
	return me, nil
}

// AuditLog lists audit entries, newest first; only ADMIN may read it.
func (s *Service) AuditLog(ctx context.Context, f store.AuditFilter, p store.Page) (store.AuditPage, error) {
	if err := access.Require(access.FromContext(ctx), "auditLog", access.AuditReaders...); err != nil {
		return store.AuditPage{}, err
	}
	if _, err := p.Window(store.OrderingAudit); err != nil {
		return store.AuditPage{}, err
	}
	page, err := s.store.AuditLog(ctx, f, p)
	if !access.SeesSmallCounts(access.FromContext(ctx)) {
		for i, e := range page.Entries {
			if e.EntityType == "UnmetNeed" {
				// An entry per record with its need, district, language
				// and target group would let a reader who may not see
				// small counts count them: the entry keeps who and when.
				page.Entries[i].Changes = nil
				page.Entries[i].EntityID = ""
			}
		}
	}
	return page, err
}

// TokenRequest asks for a new token.
type TokenRequest struct {
	Name           string
	Role           access.Role
	OrganisationID string // required for PARTNER, optional for CASE_MANAGER (needed to refer), refused for other roles
}

// CreateToken issues a token and returns it with its secret, which is shown
// this once: only its hash is stored.
func (s *Service) CreateToken(ctx context.Context, in TokenRequest) (access.Token, string, error) {
	if err := access.Require(access.FromContext(ctx), "createToken", access.TokenAdmins...); err != nil {
		return access.Token{}, "", err
	}
	p := directory.NewProblems()
	if in.Name == "" {
		p.Add("name", "must not be empty")
	} else if len(in.Name) > 200 {
		p.Add("name", "must be at most 200 characters")
	}
	switch {
	case !in.Role.Valid():
		p.Add("role", "%q is not a known role", in.Role)
	case in.Role == access.RolePublic:
		p.Add("role", "PUBLIC is the caller without a token; a token needs another role")
	case in.Role == access.RolePartner && in.OrganisationID == "":
		p.Add("organisation", "a PARTNER token needs the organisation it belongs to")
	case in.Role != access.RolePartner && in.Role != access.RoleCaseManager && in.OrganisationID != "":
		p.Add("organisation", "only PARTNER and CASE_MANAGER tokens belong to an organisation, not %s tokens", in.Role)
	}
	if err := p.Err(); err != nil {
		return access.Token{}, "", err
	}
	if in.OrganisationID != "" {
		o, err := s.Organisation(ctx, in.OrganisationID)
		if err != nil {
			return access.Token{}, "", err
		}
		if o == nil {
			return access.Token{}, "", &store.NotFound{Field: "organisation", Entity: "organisation", ID: in.OrganisationID}
		}
	}
	secret := access.NewSecret()
	t := access.Token{ID: NewID("tok-"), Name: in.Name, Role: in.Role, OrganisationID: in.OrganisationID,
		Hash: access.HashSecret(secret), CreatedAt: s.Now()}
	if err := t.Validate(); err != nil {
		return access.Token{}, "", err
	}
	if err := s.store.CreateToken(s.audited(ctx, "createToken", "Token", t.ID, nil, t), t); err != nil {
		return access.Token{}, "", err
	}
	return t, secret, nil
}

// Tokens lists every token, revoked ones too.
func (s *Service) Tokens(ctx context.Context) ([]access.Token, error) {
	if err := access.Require(access.FromContext(ctx), "tokens", access.TokenAdmins...); err != nil {
		return nil, err
	}
	return s.store.Tokens(ctx)
}

// RevokeToken revokes a token at once; its secret is refused from then on.
func (s *Service) RevokeToken(ctx context.Context, id string) error {
	if err := access.Require(access.FromContext(ctx), "revokeToken", access.TokenAdmins...); err != nil {
		return err
	}
	now := s.Now()
	change := struct {
		RevokedAt any `json:"revokedAt"`
	}{now}
	return s.store.RevokeToken(s.audited(ctx, "revokeToken", "Token", id, nil, change), id, now)
}

// The reasons Authenticate refuses a secret.
var (
	ErrUnknownToken = errors.New("unknown token")
	ErrRevokedToken = errors.New("this token has been revoked")
)

// Authenticate returns the caller a bearer secret stands for: ErrUnknownToken
// or ErrRevokedToken when it stands for none, another error when the store
// cannot tell.
func (s *Service) Authenticate(ctx context.Context, secret string) (access.Principal, error) {
	t, err := s.store.TokenByHash(ctx, access.HashSecret(secret))
	switch {
	case errors.Is(err, store.ErrNotFound):
		return access.Principal{}, ErrUnknownToken
	case err != nil:
		return access.Principal{}, err
	case t.RevokedAt != nil:
		return access.Principal{}, ErrRevokedToken
	}
	return access.Principal{Role: t.Role, OrganisationID: t.OrganisationID, TokenID: t.ID, Name: t.Name}, nil
}
