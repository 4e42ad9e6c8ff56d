package neo4j

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"syscall"
	"testing"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// TestMapError checks the one mapping from driver errors to store errors
// with constructed driver error values; no server needed.
func TestMapError(t *testing.T) {
	type want int
	const (
		unavailable want = iota
		conflict
		other
	)
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: &net.AddrError{Err: "refused"}}
	for _, c := range []struct {
		name string
		err  error
		want want
	}{
		{"constraint violation", &neo4j.Neo4jError{Code: codeConstraint,
			Msg: "Node(7) already exists with label `Offer` and property `id` = 'off-1'"}, conflict},
		{"wrapped constraint violation", fmt.Errorf("x: %w", &neo4j.Neo4jError{Code: codeConstraint}), conflict},
		{"database unavailable", &neo4j.Neo4jError{Code: "Neo.TransientError.General.DatabaseUnavailable"}, unavailable},
		{"deadlock (after retries)", &neo4j.Neo4jError{Code: "Neo.TransientError.Transaction.DeadlockDetected"}, unavailable},
		{"not a leader", &neo4j.Neo4jError{Code: "Neo.ClientError.Cluster.NotALeader"}, unavailable},
		{"transaction timed out", &neo4j.Neo4jError{Code: "Neo.ClientError.Transaction.TransactionTimedOut"}, unavailable},
		{"transaction timed out, client's timeout", &neo4j.Neo4jError{Code: "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration"}, unavailable},
		{"connectivity", &neo4j.ConnectivityError{Inner: errors.New("dial tcp 10.0.0.1:7687: i/o timeout")}, unavailable},
		{"connectivity, pool timeout text", &neo4j.ConnectivityError{Inner: errors.New("Timeout while waiting for connection to any of [db:7687]")}, unavailable},
		{"pool acquisition timeout, unwrapped", errors.New("Timeout while waiting for connection to any of [db:7687]: context deadline exceeded"), unavailable},
		{"service unavailable text", errors.New("ServiceUnavailable: no routing servers"), unavailable},
		{"deadline", context.DeadlineExceeded, unavailable},
		{"wrapped deadline", fmt.Errorf("run: %w", context.DeadlineExceeded), unavailable},
		{"retries exhausted on connectivity", &neo4j.TransactionExecutionLimit{Cause: "timeout (exceeded max retry time: 10s)",
			Errors: []error{&neo4j.ConnectivityError{Inner: io.EOF}, &neo4j.ConnectivityError{Inner: io.EOF}}}, unavailable},
		{"retries exhausted, no errors", &neo4j.TransactionExecutionLimit{Cause: "context deadline exceeded"}, unavailable},
		{"net error", refused, unavailable},
		{"connection refused", fmt.Errorf("dial: %w", syscall.ECONNREFUSED), unavailable},
		{"connection reset", syscall.ECONNRESET, unavailable},
		{"eof", io.EOF, unavailable},
		{"token expired", &neo4j.TokenExpiredError{Code: "Neo.ClientError.Security.TokenExpired"}, unavailable},
		{"syntax error", &neo4j.Neo4jError{Code: "Neo.ClientError.Statement.SyntaxError", Msg: "Invalid input"}, other},
		{"unauthorized", &neo4j.Neo4jError{Code: "Neo.ClientError.Security.Unauthorized"}, other},
		{"database not found", &neo4j.Neo4jError{Code: "Neo.ClientError.Database.DatabaseNotFound"}, other},
		{"usage", &neo4j.UsageError{Message: "Trying to create session on closed driver"}, other},
		{"canceled by the caller", context.Canceled, other},
	} {
		got := mapError(c.err)
		isU, isC := errors.Is(got, store.ErrUnavailable), errors.Is(got, store.ErrConflict)
		switch c.want {
		case unavailable:
			if !isU || isC {
				t.Errorf("%s: %v → %v, want ErrUnavailable", c.name, c.err, got)
			}
		case conflict:
			if !isC || isU {
				t.Errorf("%s: %v → %v, want ErrConflict", c.name, c.err, got)
			}
		case other:
			if isU || isC || errors.Is(got, store.ErrNotFound) {
				t.Errorf("%s: %v → %v, want neither unavailable nor conflict", c.name, c.err, got)
			}
			if !errors.Is(got, c.err) {
				t.Errorf("%s: %v does not wrap %v", c.name, got, c.err)
			}
		}
	}

	var cf *store.Conflict
	if err := mapError(&neo4j.Neo4jError{Code: codeConstraint,
		Msg: "Node(7) already exists with label `Token` and property `hash` = 'h'"}); !errors.As(err, &cf) || cf.Field != "hash" {
		t.Errorf("constraint on hash: %#v, want a *store.Conflict on hash", err)
	}
	if mapError(nil) != nil {
		t.Error("mapError(nil) != nil")
	}
}

// TestAuthErrorIsNotUnavailable: refused credentials are an *AuthError, not
// store.ErrUnavailable, so that lotse serve stops with a message naming the
// password instead of waiting for a Neo4j that is there (it used to retry
// "store not reachable yet" for ever on a wrong password).
func TestAuthErrorIsNotUnavailable(t *testing.T) {
	for code := range authCodes {
		err := fmt.Errorf("connect: %w", &neo4j.Neo4jError{Code: code, Msg: "refused"})
		ae, ok := authError(err, "neo4j")
		if !ok || ae.Username != "neo4j" || !strings.Contains(ae.Error(), `user "neo4j"`) {
			t.Errorf("authError(%s) = %v, %v", code, ae, ok)
		}
		got := mapError(err)
		if !errors.As(got, &ae) || errors.Is(got, store.ErrUnavailable) {
			t.Errorf("mapError(%s) = %v, want an *AuthError that is not unavailable", code, got)
		}
	}
	if _, ok := authError(&neo4j.ConnectivityError{Inner: io.EOF}, "neo4j"); ok {
		t.Error("a connectivity error taken for refused credentials")
	}
}

// TestMapErrorKeepsStoreErrors: the store's own errors, returned from inside
// a transaction function, come out as they went in.
func TestMapErrorKeepsStoreErrors(t *testing.T) {
	nf := &store.NotFound{Field: "providerId", Entity: "organisation", ID: "org-x"}
	cf := &store.Conflict{Field: "id", Reason: "exists"}
	ve := &directory.ValidationError{Problems: []directory.FieldError{{Field: "title", Message: "must not be empty"}}}
	for _, err := range []error{nf, cf, ve} {
		if got := mapError(err); got != err {
			t.Errorf("mapError(%#v) = %#v, want it unchanged", err, got)
		}
	}
	wrapped := fmt.Errorf("import: %w", nf)
	if got := mapError(wrapped); got != wrapped {
		t.Errorf("mapError(wrapped NotFound) = %v", got)
	}
	// A refused write inside a retried transaction surfaces as itself.
	limit := &neo4j.TransactionExecutionLimit{Cause: "x", Errors: []error{cf}}
	var c *store.Conflict
	if got := mapError(limit); !errors.As(got, &c) || c != cf {
		t.Errorf("mapError(limit with conflict) = %v", got)
	}
}

// TestMemoryLimitError: the memory limit is not "unavailable" (a retry hits
// it again), names the setting and does not unwrap to the transient server
// error, which the driver would retry.
func TestMemoryLimitError(t *testing.T) {
	// As Neo4j 5.26.30 words it when an NRW-scale import hits the total limit.
	server := &neo4j.Neo4jError{Code: codeMemoryPool, Msg: "The allocation of an extra 2.0 MiB would use more than the limit 2.1 GiB. Currently using 2.1 GiB. dbms.memory.transaction.total.max threshold reached"}
	// Met at commit, outside the transaction function, the driver gives up
	// retrying with the server's error as the last of its attempts.
	atCommit := &neo4j.TransactionExecutionLimit{Cause: "timeout (exceeded max retry time: 10s)", Errors: []error{server}}
	for _, err := range []error{final(server), mapError(server), mapError(fmt.Errorf("x: %w", server)), mapError(atCommit)} {
		var ml *MemoryLimitError
		// The server-wide limit (70 % of the heap by default), not the
		// database's db.memory.transaction.total.max (unlimited by default).
		if !errors.As(err, &ml) || ml.Setting != "dbms.memory.transaction.total.max" {
			t.Errorf("%v: want a *MemoryLimitError naming dbms.memory.transaction.total.max", err)
			continue
		}
		if !strings.Contains(err.Error(), "NEO4J_dbms_memory_transaction_total_max") {
			t.Errorf("%v: does not name the Docker variable NEO4J_dbms_memory_transaction_total_max", err)
		}
		var n4 *neo4j.Neo4jError
		if errors.Is(err, store.ErrUnavailable) || errors.As(err, &n4) {
			t.Errorf("%v: must be neither unavailable nor a Neo4jError", err)
		}
	}
	if other := (&neo4j.Neo4jError{Code: "Neo.TransientError.Transaction.DeadlockDetected"}); final(other) != other {
		t.Errorf("final changed a deadlock, which the driver should retry")
	}
}
