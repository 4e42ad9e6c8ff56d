package neo4j

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/store"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func tokenTakenParams(t access.Token) map[string]any {
	return map[string]any{"id": t.ID, "hash": t.Hash}
}

func tokenCreateParams(t access.Token) map[string]any {
	p := props{"id": t.ID, "name": t.Name, "role": string(t.Role), "hash": t.Hash, "createdAt": store.TimeText(t.CreatedAt)}
	p.str("organisationId", t.OrganisationID)
	if t.RevokedAt != nil {
		p["revokedAt"] = store.TimeText(*t.RevokedAt)
	}
	return map[string]any{"props": map[string]any(p)}
}

func hashParam(hash string) map[string]any { return map[string]any{"hash": hash} }

func revokeParams(id string, at time.Time) map[string]any {
	return map[string]any{"id": id, "at": store.TimeText(at)}
}

// CreateToken stores a token; a taken id or hash is a *Conflict on that field.
func (s *Store) CreateToken(ctx context.Context, t access.Token) error {
	return s.write(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		rec, err := single(ctx, tx, stTokenTaken, tokenTakenParams(t))
		if err != nil {
			return err
		}
		for _, f := range []string{"id", "hash"} {
			if taken, _ := get(rec, f+"Taken").(bool); taken {
				return &store.Conflict{Field: f, Reason: "a token with this " + f + " exists"}
			}
		}
		_, err = run(ctx, tx, stTokenCreate, tokenCreateParams(t))
		return err
	})
}

func decodeToken(r row) (access.Token, error) {
	t := access.Token{
		ID: r.str("id"), Name: r.str("name"), Role: access.Role(r.str("role")),
		OrganisationID: r.str("organisationId"), Hash: r.str("hash"),
	}
	var err error
	if t.CreatedAt, err = store.ParseTime(r.str("createdAt")); err != nil {
		return access.Token{}, err
	}
	if s := r.str("revokedAt"); s != "" {
		at, err := store.ParseTime(s)
		if err != nil {
			return access.Token{}, err
		}
		t.RevokedAt = &at
	}
	return t, nil
}

// TokenByHash finds a token by the hash of its secret, revoked or not.
func (s *Store) TokenByHash(ctx context.Context, hash string) (access.Token, error) {
	var t access.Token
	err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		recs, err := run(ctx, tx, stTokenByHash, hashParam(hash))
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			// The hash is a credential: it is not repeated in the error.
			return &store.NotFound{Entity: "token", ID: "(by hash)"}
		}
		t, err = decodeToken(asRow(recs[0], "token"))
		return err
	})
	return t, err
}

// Tokens lists every token by creation time then id.
func (s *Store) Tokens(ctx context.Context) ([]access.Token, error) {
	var ts []access.Token
	err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		recs, err := run(ctx, tx, stTokens, noParams())
		if err != nil {
			return err
		}
		ts = make([]access.Token, 0, len(recs))
		for _, rec := range recs {
			t, err := decodeToken(asRow(rec, "token"))
			if err != nil {
				return err
			}
			ts = append(ts, t)
		}
		return nil
	})
	return ts, err
}

// RevokeToken marks a token revoked at the given time. Revoking a revoked
// token again succeeds and keeps the first revocation time.
func (s *Store) RevokeToken(ctx context.Context, id string, at time.Time) error {
	return s.write(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		rec, err := single(ctx, tx, stTokenRevoke, revokeParams(id, at))
		if err != nil {
			return err
		}
		if n, _ := get(rec, "revoked").(int64); n == 0 {
			return &store.NotFound{Field: "id", Entity: "token", ID: id}
		}
		return nil
	})
}

func auditFilterParams(f store.AuditFilter) map[string]any {
	return map[string]any{
		"actorId": orNil(f.ActorID), "entityType": orNil(f.EntityType),
		"entityId": orNil(f.EntityID), "action": orNil(f.Action), "id": orNil(f.ID),
	}
}

// auditInsertParams is the entry that audited stores with every audited write.
func auditInsertParams(e access.AuditEntry) (map[string]any, error) {
	changes, err := json.Marshal(e.Changes)
	if err != nil {
		return nil, fmt.Errorf("audit: %w", err)
	}
	return map[string]any{"entry": map[string]any{
		"id": e.ID, "at": store.TimeText(e.At), "actorId": e.ActorID, "actorName": e.ActorName,
		"role": string(e.Role), "action": e.Action, "entityType": e.EntityType, "entityId": e.EntityID,
		"changes": string(changes),
	}}, nil
}

// AuditLog lists audit entries matching f, newest (last written) first, one
// keyset page of store.OrderingAudit; the count and the page are read in
// the same transaction.
func (s *Store) AuditLog(ctx context.Context, f store.AuditFilter, p store.Page) (store.AuditPage, error) {
	w, err := p.Window(store.OrderingAudit)
	if err != nil {
		return store.AuditPage{}, err
	}
	var page store.AuditPage
	err = s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		params := windowParams(auditFilterParams(f), w, "Seq")
		rec, err := single(ctx, tx, stAuditCount, params)
		if err != nil {
			return err
		}
		recs, err := run(ctx, tx, stAuditPage, params)
		if err != nil {
			return err
		}
		rows := make([]store.AuditRow, 0, len(recs))
		for _, rec := range recs {
			r := asRow(rec, "entry")
			e := access.AuditEntry{
				ID: r.str("id"), ActorID: r.str("actorId"), ActorName: r.str("actorName"), Role: access.Role(r.str("role")),
				Action: r.str("action"), EntityType: r.str("entityType"), EntityID: r.str("entityId"),
			}
			if e.At, err = store.ParseTime(r.str("at")); err != nil {
				return err
			}
			if err := json.Unmarshal([]byte(r.str("changes")), &e.Changes); err != nil {
				return fmt.Errorf("audit entry %q changes: %w", e.ID, err)
			}
			seq, _ := r["seq"].(int64)
			rows = append(rows, store.AuditRow{Seq: seq, Entry: e})
		}
		page = store.AuditPageOf(w, rows, edges(rec))
		return nil
	})
	return page, err
}
