package access

import (
	"context"
	"errors"
	"fmt"
)

// Principal is the caller of a request.
type Principal struct {
	Role           Role
	OrganisationID string // the PARTNER's own organisation
	TokenID        string // "" for anonymous callers
	Name           string
}

// Anonymous is the caller without a token.
var Anonymous = Principal{Role: RolePublic}

// Authenticated reports whether the caller presented a valid token.
func (p Principal) Authenticated() bool { return p.TokenID != "" }

type principalKey struct{}

// WithPrincipal attaches the caller to ctx.
func WithPrincipal(ctx context.Context, p Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// FromContext returns the caller attached to ctx, or Anonymous.
func FromContext(ctx context.Context) Principal {
	if p, ok := ctx.Value(principalKey{}).(Principal); ok {
		return p
	}
	return Anonymous
}

var (
	// ErrUnauthenticated: no valid token, and the operation needs one.
	ErrUnauthenticated = errors.New("unauthenticated")
	// ErrForbidden: the caller's role may not do this.
	ErrForbidden = errors.New("forbidden")
)

// Denied explains a refusal; it unwraps to ErrUnauthenticated or ErrForbidden.
type Denied struct {
	Action string
	Reason string
	anon   bool
}

func (d *Denied) Error() string { return d.Action + ": " + d.Reason }

// Unwrap tells anonymous callers to authenticate and others that they may not.
func (d *Denied) Unwrap() error {
	if d.anon {
		return ErrUnauthenticated
	}
	return ErrForbidden
}

func deny(p Principal, action, format string, args ...any) error {
	if !p.Authenticated() {
		return &Denied{Action: action, Reason: "needs a bearer token (Authorization: Bearer …)", anon: true}
	}
	return &Denied{Action: action, Reason: fmt.Sprintf(format, args...)}
}

// Require allows the action when the caller has one of roles.
func Require(p Principal, action string, roles ...Role) error {
	for _, r := range roles {
		if p.Role == r {
			return nil
		}
	}
	return deny(p, action, "role %s may not do this", p.Role)
}

// RequireOrganisation allows ADMIN and STEERING everything the action touches,
// and a PARTNER only when every organisation it touches is its own.
func RequireOrganisation(p Principal, action string, orgIDs ...string) error {
	switch p.Role {
	case RoleAdmin, RoleSteering:
		return nil
	case RolePartner:
		for _, id := range orgIDs {
			if id != p.OrganisationID {
				return deny(p, action, "a PARTNER may only change its own organisation %q, not %q", p.OrganisationID, id)
			}
		}
		return nil
	}
	return deny(p, action, "role %s may not change the directory", p.Role)
}

// RequireAnyOrganisation allows ADMIN and STEERING, and a PARTNER when one of
// orgIDs is its own (a cooperation touches two organisations).
func RequireAnyOrganisation(p Principal, action string, orgIDs ...string) error {
	if p.Role == RolePartner {
		for _, id := range orgIDs {
			if id == p.OrganisationID {
				return nil
			}
		}
		return deny(p, action, "a PARTNER may only change cooperations of its own organisation %q", p.OrganisationID)
	}
	return RequireOrganisation(p, action)
}

// The roles that may read case-management and steering data (unmet needs,
// reports) and see their small counts unsuppressed.
var (
	ReportReaders   = []Role{RoleAdmin, RoleSteering, RoleCaseManager}
	CaseWorkers     = []Role{RoleAdmin, RoleSteering, RoleCaseManager}
	DirectoryEditor = []Role{RoleAdmin, RoleSteering}
)

// SeesSmallCounts reports whether counts below 5 may be shown to the caller:
// only case management and steering see them (§ 35 SGB I; DESIGN.md §2).
func SeesSmallCounts(p Principal) bool {
	return p.Role == RoleSteering || p.Role == RoleCaseManager
}

// Deny refuses an action for a reason of the caller's own (UNAUTHENTICATED
// for an anonymous caller, FORBIDDEN otherwise).
func Deny(p Principal, action, format string, args ...any) error {
	return deny(p, action, format, args...)
}
