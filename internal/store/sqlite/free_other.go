//go:build !unix

package sqlite

// freeBytes cannot tell here: the next successful write clears the state.
func freeBytes(string) (uint64, bool) { return 0, false }
