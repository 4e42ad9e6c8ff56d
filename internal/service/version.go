package service

import "context"

// DirectoryVersion is the number of the directory's latest write
// (store.ChangeLog): every write of districts, organisations or offers,
// by this process, another one on the same SQLite file or another replica
// on the same Neo4j, increments it in its own transaction. An answer
// computed from the directory stays current exactly while this number does
// not change (internal/respcache relies on that). Anyone may ask: the
// number tells how often the directory changed, nothing of what.
func (s *Service) DirectoryVersion(ctx context.Context) (int64, error) {
	return s.store.DirectoryVersion(ctx)
}
