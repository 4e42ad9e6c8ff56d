package sqlite

import (
	"context"
	"database/sql"
	_ "embed"
	"errors"
	"fmt"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// ProposeCooperation records a proposed cooperation (store.Store).
func (s *Store) ProposeCooperation(ctx context.Context, c directory.Cooperation, by string) error {
	n := c.Normalized()
	return s.write(ctx, func(tx *sql.Tx) error {
		return s.putProposal(ctx, tx, n, by)
	})
}

// putProposal stores a proposal for a pair whose sides exist and that does
// not cooperate yet.
func (s *Store) putProposal(ctx context.Context, tx *sql.Tx, c directory.Cooperation, by string) error {
	if err := s.checkNewCooperation(ctx, tx, c); err != nil {
		return err
	}
	n := c.Normalized()
	_, err := exec(ctx, tx, stProposalUpsert, sql.Named("a", n.A), sql.Named("b", n.B),
		sql.Named("since", n.Since), sql.Named("topics", jsonArray(n.Topics)), sql.Named("proposed_by", by))
	return translate(err, "cooperation", n.A+"/"+n.B)
}

// proposals reads the proposals a statement selects (columns of proposals_of.sql).
func proposals(ctx context.Context, q queryer, st *statement, args ...any) ([]store.Proposal, error) {
	out := []store.Proposal{}
	rows, err := query(ctx, q, st, args...)
	if err != nil {
		return nil, fmt.Errorf("cooperation proposals: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var p store.Proposal
		var topics string
		if err := rows.Scan(&p.A, &p.B, &p.Since, &topics, &p.ProposedBy); err != nil {
			return nil, fmt.Errorf("cooperation proposals: %w", err)
		}
		if p.Topics, err = decodeList[string]("topics", topics, false); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// CooperationProposals returns the proposals touching one of ids (store.Store).
func (s *Store) CooperationProposals(ctx context.Context, ids []string) ([]store.Proposal, error) {
	if len(ids) == 0 {
		return []store.Proposal{}, nil
	}
	return proposals(ctx, s.r, stProposalsOf, sql.Named("ids", jsonArray(ids)))
}

// ConfirmCooperation turns a proposal into a cooperation (store.Store).
func (s *Store) ConfirmCooperation(ctx context.Context, a, b string) (directory.Cooperation, error) {
	n := directory.Cooperation{A: a, B: b}.Normalized()
	var out directory.Cooperation
	err := s.write(ctx, func(tx *sql.Tx) error {
		var topics, by string
		err := queryRow(ctx, tx, stProposalGet, sql.Named("a", n.A), sql.Named("b", n.B)).Scan(&n.Since, &topics, &by)
		if errors.Is(err, sql.ErrNoRows) {
			return &store.NotFound{Entity: "cooperation proposal", ID: n.A + "/" + n.B}
		}
		if err != nil {
			return fmt.Errorf("cooperation proposal: %w", err)
		}
		if n.Topics, err = decodeList[string]("topics", topics, false); err != nil {
			return err
		}
		out = n
		return putCooperation(ctx, tx, n) // which drops the proposal
	})
	return out, err
}
