package neo4j

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// proposalParams are the parameters of proposal_upsert.
func proposalParams(c directory.Cooperation, by string) map[string]any {
	n := c.Normalized()
	p := props{"proposedBy": by}
	p.str("since", n.Since)
	p.list("topics", n.Topics)
	return map[string]any{"a": n.A, "b": n.B, "props": map[string]any(p)}
}

// ProposeCooperation records a proposed cooperation (store.Store).
func (s *Store) ProposeCooperation(ctx context.Context, c directory.Cooperation, by string) error {
	return s.write(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		if err := checkNewCooperation(ctx, tx, c); err != nil {
			return err
		}
		_, err := run(ctx, tx, stProposalUpsert, proposalParams(c, by))
		return err
	})
}

// CooperationProposals returns the proposals touching one of ids (store.Store).
func (s *Store) CooperationProposals(ctx context.Context, ids []string) ([]store.Proposal, error) {
	out := []store.Proposal{}
	if len(ids) == 0 {
		return out, nil
	}
	err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		if len(ids) > manyProposalIDs {
			// Proposals are few: reading them all beats seeking every id
			// (the network report of all NRW asks for 25,852 organisations).
			recs, err := run(ctx, tx, stExportProposals, noParams())
			if err != nil {
				return err
			}
			out = []store.Proposal{} // afresh: the driver may retry
			in := make(map[string]bool, len(ids))
			for _, id := range ids {
				in[id] = true
			}
			for _, p := range readProposals(recs) {
				if in[p.A] || in[p.B] {
					out = append(out, p)
				}
			}
			return nil
		}
		recs, err := run(ctx, tx, stProposalsOf, idsParam(ids))
		if err != nil {
			return err
		}
		out = readProposals(recs)
		return nil
	})
	return out, err
}

// manyProposalIDs is where CooperationProposals stops seeking each id.
const manyProposalIDs = 1000

// readProposals decodes rows of proposals_of and export_proposals.
func readProposals(recs []*neo4j.Record) []store.Proposal {
	cs := readCooperations(recs)
	out := make([]store.Proposal, len(recs))
	for i, r := range recs {
		by, _ := get(r, "proposedBy").(string)
		out[i] = store.Proposal{Cooperation: cs[i], ProposedBy: by}
	}
	return out
}

// putProposals stores the proposals of an import, each for a pair whose
// sides exist and that does not cooperate; path names the list.
func putProposals(ctx context.Context, tx neo4j.ManagedTransaction, ps []store.Proposal, path string) error {
	for i, p := range ps {
		if err := checkNewCooperation(ctx, tx, p.Normalized()); err != nil {
			return store.Under(fmt.Sprintf("%s[%d]", path, i), err)
		}
		if _, err := run(ctx, tx, stProposalUpsert, proposalParams(p.Cooperation, p.ProposedBy)); err != nil {
			return err
		}
	}
	return nil
}

// ConfirmCooperation turns a proposal into a cooperation (store.Store).
func (s *Store) ConfirmCooperation(ctx context.Context, a, b string) (directory.Cooperation, error) {
	n := directory.Cooperation{A: a, B: b}.Normalized()
	var out directory.Cooperation
	err := s.write(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		recs, err := run(ctx, tx, stProposalConfirm, pairParams(n.A, n.B))
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return &store.NotFound{Entity: "cooperation proposal", ID: n.A + "/" + n.B}
		}
		out = readCooperations(recs)[0]
		return nil
	})
	return out, err
}
