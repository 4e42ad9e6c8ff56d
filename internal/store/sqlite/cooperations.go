package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// AddCooperation records a cooperation, normalized; an existing one between
// the same pair is a *Conflict, an unknown organisation a *NotFound on "a" or "b".
func (s *Store) AddCooperation(ctx context.Context, c directory.Cooperation) error {
	n := c.Normalized()
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.checkNewCooperation(ctx, tx, c); err != nil {
			return err
		}
		return putCooperation(ctx, tx, n)
	})
}

// putCooperation stores a cooperation, replacing a proposal of its pair
// (as cooperation_upsert.cypher does).
func putCooperation(ctx context.Context, tx *sql.Tx, n directory.Cooperation) error {
	_, err := exec(ctx, tx, stCooperationUpsert, sql.Named("a", n.A), sql.Named("b", n.B),
		sql.Named("since", n.Since), sql.Named("topics", jsonArray(n.Topics)))
	if err != nil {
		return translate(err, "cooperation", n.A+"/"+n.B)
	}
	_, err = exec(ctx, tx, stProposalDelete, sql.Named("a", n.A), sql.Named("b", n.B))
	return translate(err, "cooperation", n.A+"/"+n.B)
}

// RemoveCooperation deletes the cooperation between a and b, in either order.
func (s *Store) RemoveCooperation(ctx context.Context, a, b string) error {
	n := directory.Cooperation{A: a, B: b}.Normalized()
	return s.write(ctx, func(tx *sql.Tx) error {
		res, err := exec(ctx, tx, stCooperationDelete, sql.Named("a", n.A), sql.Named("b", n.B))
		if err != nil {
			return fmt.Errorf("cooperation: %w", err)
		}
		if k, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("cooperation: %w", err)
		} else if k == 0 {
			return &store.NotFound{Entity: "cooperation", ID: n.A + "/" + n.B}
		}
		return nil
	})
}

// CooperationsOf returns every cooperation that touches one of ids, normalized, by A then B.
func (s *Store) CooperationsOf(ctx context.Context, ids []string) ([]directory.Cooperation, error) {
	if len(ids) == 0 {
		return []directory.Cooperation{}, nil
	}
	return s.cooperations(ctx, s.r, jsonArray(ids))
}

func (s *Store) cooperations(ctx context.Context, q queryer, ids any) ([]directory.Cooperation, error) {
	// One statement per access path, as in offers.
	var rows *sql.Rows
	var err error
	if ids != nil {
		rows, err = query(ctx, q, stCooperationsOf, sql.Named("ids", ids))
	} else {
		rows, err = query(ctx, q, stExportCooperations)
	}
	if err != nil {
		return nil, fmt.Errorf("cooperations: %w", err)
	}
	defer rows.Close()
	out := []directory.Cooperation{}
	for rows.Next() {
		var c directory.Cooperation
		var topics string
		if err := rows.Scan(&c.A, &c.B, &c.Since, &topics); err != nil {
			return nil, fmt.Errorf("cooperations: %w", err)
		}
		if c.Topics, err = decodeList[string]("topics", topics, false); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("cooperations: %w", err)
	}
	return out, nil
}

// checkNewCooperation refuses a cooperation (or proposal) whose sides do
// not both exist or that already exists.
func (s *Store) checkNewCooperation(ctx context.Context, tx *sql.Tx, c directory.Cooperation) error {
	n := c.Normalized()
	// Name the fields as the caller gave them.
	if err := s.mustExist(ctx, tx, "a", "organisation", c.A); err != nil {
		return err
	}
	if err := s.mustExist(ctx, tx, "b", "organisation", c.B); err != nil {
		return err
	}
	var ok bool
	if err := queryRow(ctx, tx, stExists, sql.Named("entity", "cooperation"), sql.Named("id", n.A), sql.Named("other", n.B)).Scan(&ok); err != nil {
		return fmt.Errorf("cooperation: %w", err)
	}
	if ok {
		return store.Cooperating(n.A, n.B)
	}
	return nil
}
