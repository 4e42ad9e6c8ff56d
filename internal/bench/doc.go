// Package bench holds Lotse's NRW-scale benchmarks: matching, care plans and
// the steering reports through the service layer over the embedded SQLite
// store filled with demo.NRW. It has no code of its own; run
//
//	go test -run '^$' -bench . -benchtime 300x ./internal/bench/
//
// The first run imports the NRW network into a SQLite file under
// os.TempDir() (lotse-bench-nrw-<seed>-<hash>.db, the hash over the SQLite
// migrations and the generator's sources) and reuses it afterwards; set
// LOTSE_BENCH_REBUILD=1 to build it again anyway.
package bench
