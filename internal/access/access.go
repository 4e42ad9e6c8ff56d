// Package access holds who may do what in Lotse: roles, the caller of a
// request, API tokens and audit entries.
package access

import (
	"time"

	"github.com/lotse-kim/lotse/internal/directory"
)

// Role is what a caller may do.
type Role string

const (
	RoleAdmin       Role = "ADMIN"
	RoleSteering    Role = "STEERING"
	RoleCaseManager Role = "CASE_MANAGER"
	RolePartner     Role = "PARTNER"
	RolePublic      Role = "PUBLIC"
)

// Roles lists every role, most powerful first.
var Roles = []Role{RoleAdmin, RoleSteering, RoleCaseManager, RolePartner, RolePublic}

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	for _, x := range Roles {
		if x == r {
			return true
		}
	}
	return false
}

// Token is a stored API token. The secret itself is never stored, only its hash.
type Token struct {
	ID             string     `json:"id"`
	Name           string     `json:"name"`
	Role           Role       `json:"role"`
	OrganisationID string     `json:"organisationId,omitempty"` // set for PARTNER
	Hash           string     `json:"-"`                        // hex SHA-256 of the secret
	CreatedAt      time.Time  `json:"createdAt"`
	RevokedAt      *time.Time `json:"revokedAt,omitempty"`
}

// FieldChange is one changed field of an audited mutation; values are JSON.
type FieldChange struct {
	Field string `json:"field"`
	Old   string `json:"old,omitempty"`
	New   string `json:"new,omitempty"`
}

// AuditEntry records one mutation: who, when, what, and which fields changed how.
type AuditEntry struct {
	ID         string        `json:"id"`
	At         time.Time     `json:"at"`
	ActorID    string        `json:"actorId"` // token id, or "cli"/"system"
	ActorName  string        `json:"actorName"`
	Role       Role          `json:"role"`
	Action     string        `json:"action"` // the mutation, e.g. "updateOffer"
	EntityType string        `json:"entityType"`
	EntityID   string        `json:"entityId"`
	Changes    []FieldChange `json:"changes,omitempty"`
}

// Validate checks what every store requires of a token before storing it.
func (t Token) Validate() error {
	p := directory.NewProblems()
	p.ID("id", t.ID, true)
	if t.Name == "" {
		p.Add("name", "must not be empty")
	}
	if !t.Role.Valid() {
		p.Add("role", "%q is not a known role", t.Role)
	}
	if t.Hash == "" {
		p.Add("hash", "must not be empty")
	}
	return p.Err()
}

// OldOrNil is the value before the change, nil when absent (GraphQL null).
func (c *FieldChange) OldOrNil() *string { return orNil(c.Old) }

// NewOrNil is the value after the change, nil when absent (GraphQL null).
func (c *FieldChange) NewOrNil() *string { return orNil(c.New) }

func orNil(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
