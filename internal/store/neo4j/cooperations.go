package neo4j

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// AddCooperation records a cooperation; one between the same pair (in
// either order) is a *Conflict.
func (s *Store) AddCooperation(ctx context.Context, c directory.Cooperation) error {
	return s.write(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		if err := checkNewCooperation(ctx, tx, c); err != nil {
			return err
		}
		return putCooperations(ctx, tx, []directory.Cooperation{c}, "")
	})
}

// putCooperations upserts cooperations, each stored once from the lower id
// to the higher.
func putCooperations(ctx context.Context, tx neo4j.ManagedTransaction, cs []directory.Cooperation, path string) error {
	rows := make([]any, len(cs))
	index := map[[2]string]int{}
	for i, c := range cs {
		rows[i] = cooperationRow(c)
		n := c.Normalized()
		index[[2]string{n.A, n.B}] = i
	}
	for _, chunk := range chunks(rows) {
		recs, err := run(ctx, tx, stCooperationUpsert, rowsParam(chunk))
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			continue
		}
		a, _ := get(recs[0], "a").(string)
		b, _ := get(recs[0], "b").(string)
		c := cs[index[[2]string{a, b}]]
		prefix := ""
		if path != "" {
			prefix = fmt.Sprintf("%s[%d].", path, index[[2]string{a, b}])
		}
		if foundA, _ := get(recs[0], "foundA").(bool); !foundA {
			id := a
			f := "a"
			if c.B == a {
				f = "b"
			}
			return &store.NotFound{Field: prefix + f, Entity: "organisation", ID: id}
		}
		f := "b"
		if c.A == b {
			f = "a"
		}
		return &store.NotFound{Field: prefix + f, Entity: "organisation", ID: b}
	}
	return nil
}

// RemoveCooperation deletes the cooperation between a and b, in either order.
func (s *Store) RemoveCooperation(ctx context.Context, a, b string) error {
	return s.write(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		rec, err := single(ctx, tx, stCooperationDelete, pairParams(a, b))
		if err != nil {
			return err
		}
		if n, _ := get(rec, "deleted").(int64); n == 0 {
			n := directory.Cooperation{A: a, B: b}.Normalized()
			return &store.NotFound{Entity: "cooperation", ID: n.A + "/" + n.B}
		}
		return nil
	})
}

func readCooperations(recs []*neo4j.Record) []directory.Cooperation {
	out := make([]directory.Cooperation, 0, len(recs))
	for _, rec := range recs {
		out = append(out, decodeCooperation(rec))
	}
	return out
}

// CooperationsOf returns every cooperation that touches one of ids, normalized (A < B).
func (s *Store) CooperationsOf(ctx context.Context, ids []string) ([]directory.Cooperation, error) {
	var out []directory.Cooperation
	err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		recs, err := run(ctx, tx, stCooperationsOf, idsParam(ids))
		if err != nil {
			return err
		}
		out = readCooperations(recs)
		return nil
	})
	return out, err
}

// checkNewCooperation refuses a cooperation (or proposal) whose sides do
// not both exist or that already exists.
func checkNewCooperation(ctx context.Context, tx neo4j.ManagedTransaction, c directory.Cooperation) error {
	rec, err := single(ctx, tx, stCooperationCheck, pairParams(c.A, c.B))
	if err != nil {
		return err
	}
	foundA, _ := get(rec, "foundA").(bool)
	foundB, _ := get(rec, "foundB").(bool)
	taken, _ := get(rec, "taken").(bool)
	switch {
	case !foundA:
		return &store.NotFound{Field: "a", Entity: "organisation", ID: c.A}
	case !foundB:
		return &store.NotFound{Field: "b", Entity: "organisation", ID: c.B}
	case taken:
		n := c.Normalized()
		return store.Cooperating(n.A, n.B)
	}
	return nil
}
