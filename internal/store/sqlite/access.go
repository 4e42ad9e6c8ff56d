package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/store"
)

// CreateToken stores a token; a taken id or hash is a *Conflict on that field.
func (s *Store) CreateToken(ctx context.Context, t access.Token) error {
	var revoked any
	if t.RevokedAt != nil {
		revoked = store.TimeText(*t.RevokedAt)
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		var field string
		switch err := queryRow(ctx, tx, stTokenTaken, t.ID, t.Hash).Scan(&field); {
		case err == nil:
			return &store.Conflict{Field: field, Reason: "a token with this " + field + " exists"}
		case !errors.Is(err, sql.ErrNoRows):
			return fmt.Errorf("token %q: %w", t.ID, err)
		}
		if _, err := exec(ctx, tx, stTokenCreate, t.ID, t.Name, string(t.Role), t.OrganisationID, t.Hash,
			store.TimeText(t.CreatedAt), revoked); err != nil {
			return fmt.Errorf("token %q: %w", t.ID, err)
		}
		return nil
	})
}

func scanToken(r rowScanner) (access.Token, error) {
	var (
		t        access.Token
		role     string
		created  string
		revokedS sql.NullString
	)
	if err := r.Scan(&t.ID, &t.Name, &role, &t.OrganisationID, &t.Hash, &created, &revokedS); err != nil {
		return access.Token{}, err
	}
	t.Role = access.Role(role)
	var err error
	if t.CreatedAt, err = store.ParseTime(created); err != nil {
		return access.Token{}, err
	}
	if revokedS.Valid {
		at, err := store.ParseTime(revokedS.String)
		if err != nil {
			return access.Token{}, err
		}
		t.RevokedAt = &at
	}
	return t, nil
}

// TokenByHash finds a token by the hash of its secret, revoked or not.
func (s *Store) TokenByHash(ctx context.Context, hash string) (access.Token, error) {
	t, err := scanToken(queryRow(ctx, s.r, stTokenByHash, hash))
	if errors.Is(err, sql.ErrNoRows) {
		// The hash is a credential: it is not repeated in the error.
		return access.Token{}, &store.NotFound{Entity: "token", ID: "(by hash)"}
	}
	if err != nil {
		return access.Token{}, fmt.Errorf("token by hash: %w", err)
	}
	return t, nil
}

// Tokens lists every token by creation time then id.
func (s *Store) Tokens(ctx context.Context) ([]access.Token, error) {
	rows, err := query(ctx, s.r, stTokens)
	if err != nil {
		return nil, fmt.Errorf("tokens: %w", err)
	}
	defer rows.Close()
	ts := []access.Token{}
	for rows.Next() {
		t, err := scanToken(rows)
		if err != nil {
			return nil, fmt.Errorf("tokens: %w", err)
		}
		ts = append(ts, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("tokens: %w", err)
	}
	return ts, nil
}

// RevokeToken marks a token revoked at the given time. Revoking a revoked
// token again succeeds and keeps the first revocation time.
func (s *Store) RevokeToken(ctx context.Context, id string, at time.Time) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		res, err := exec(ctx, tx, stTokenRevoke, id, store.TimeText(at))
		if err != nil {
			return fmt.Errorf("revoke token %q: %w", id, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return fmt.Errorf("revoke token %q: %w", id, err)
		}
		if n == 0 {
			return &store.NotFound{Field: "id", Entity: "token", ID: id}
		}
		return nil
	})
}

// AuditLog lists audit entries matching f, newest (last written) first, by
// keyset (store.OrderingAudit).
func (s *Store) AuditLog(ctx context.Context, f store.AuditFilter, p store.Page) (store.AuditPage, error) {
	w, err := p.Window(store.OrderingAudit)
	if err != nil {
		return store.AuditPage{}, err
	}
	// Count and page in one read transaction, so that they agree.
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return store.AuditPage{}, fmt.Errorf("audit log: %w", err)
	}
	defer tx.Rollback()
	win := windowArgs(w, true)
	args := []any{sql.Named("actor_id", f.ActorID), sql.Named("entity_type", f.EntityType), sql.Named("entity_id", f.EntityID),
		sql.Named("action", f.Action), sql.Named("id", f.ID), win[0]}
	var edges store.Edges
	if err := queryRow(ctx, tx, stAuditCount, args...).Scan(&edges.Total, &edges.UpToAfter, &edges.FromBefore); err != nil {
		return store.AuditPage{}, fmt.Errorf("audit log: %w", err)
	}
	rows, err := query(ctx, tx, stAuditPage, append(args, win[1], sql.Named("limit", w.Fetch()))...)
	if err != nil {
		return store.AuditPage{}, fmt.Errorf("audit log: %w", err)
	}
	defer rows.Close()
	var entries []store.AuditRow
	for rows.Next() {
		var (
			e       access.AuditEntry
			seq     int64
			at      string
			role    string
			changes string
		)
		if err := rows.Scan(&seq, &e.ID, &at, &e.ActorID, &e.ActorName, &role, &e.Action, &e.EntityType, &e.EntityID, &changes); err != nil {
			return store.AuditPage{}, fmt.Errorf("audit log: %w", err)
		}
		e.Role = access.Role(role)
		if e.At, err = store.ParseTime(at); err != nil {
			return store.AuditPage{}, fmt.Errorf("audit log: %w", err)
		}
		if err := json.Unmarshal([]byte(changes), &e.Changes); err != nil {
			return store.AuditPage{}, fmt.Errorf("audit log %q changes: %w", e.ID, err)
		}
		entries = append(entries, store.AuditRow{Seq: seq, Entry: e})
	}
	if err := rows.Err(); err != nil {
		return store.AuditPage{}, fmt.Errorf("audit log: %w", err)
	}
	return store.AuditPageOf(w, entries, edges), nil
}
