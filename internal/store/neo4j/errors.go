package neo4j

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"regexp"
	"strings"
	"syscall"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// codeConstraint is Neo4j's code for a write that breaks a constraint (here:
// a uniqueness constraint on id, hash or code).
const codeConstraint = "Neo.ClientError.Schema.ConstraintValidationFailed"

// Neo4j's codes that mean "this server cannot serve the request right now",
// though they are not classified as transient.
var unavailableCodes = map[string]bool{
	"Neo.ClientError.Cluster.NotALeader":                  true,
	"Neo.ClientError.General.ForbiddenOnReadOnlyDatabase": true,
	"Neo.ClientError.Transaction.TransactionTimedOut":     true,
	// A transaction that outlived the timeout the driver sent with it
	// (neo4j.WithTxTimeout, --neo4j-timeout).
	"Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration": true,
	"Neo.ClientError.Transaction.LockClientStopped":                      true,
	"Neo.ClientError.Transaction.Terminated":                             true,
	"Neo.ClientError.Security.AuthorizationExpired":                      true,
	"Neo.ClientError.Database.DatabaseUnavailable":                       true,
}

// codeMemoryPool is Neo4j's code for a transaction that hit a memory limit:
// db.memory.transaction.max (one transaction), db.memory.transaction.total.max
// (all of one database's, unlimited by default) or
// dbms.memory.transaction.total.max (all of the server's, 70 % of the heap by
// default: the one a large import meets). Neo4j classifies it as transient,
// but retrying the same transaction hits the same limit: it needs a larger
// setting.
const codeMemoryPool = "Neo.TransientError.General.MemoryPoolOutOfMemoryError"

// MemoryLimitError is a transaction that needed more memory than Neo4j
// allows one transaction, or all of them together. It does not unwrap to
// the server's error on purpose: the driver would retry that one.
type MemoryLimitError struct {
	Setting string // the setting Neo4j names, or "" when it names none
	Err     error  // the server's error, for its message
}

func (e *MemoryLimitError) Error() string {
	what := ": raise db.memory.transaction.max (one transaction) and dbms.memory.transaction.total.max " +
		"(all transactions together) in neo4j.conf (Docker: NEO4J_db_memory_transaction_max, " +
		"NEO4J_dbms_memory_transaction_total_max)"
	if e.Setting != "" {
		what = " (" + e.Setting + " reached): raise it in neo4j.conf (Docker: " + dockerSetting(e.Setting) +
			"), with a heap large enough to hold it"
	}
	return "neo4j: the transaction needs more memory than Neo4j allows" + what + "; the server said: " + e.Err.Error()
}

// dockerSetting is the environment variable of the neo4j image for a
// setting (a.b_c → NEO4J_a_b__c).
func dockerSetting(name string) string {
	return "NEO4J_" + strings.ReplaceAll(strings.ReplaceAll(name, "_", "__"), ".", "_")
}

// AuthError is Neo4j refusing the user name or password: retrying with the
// same credentials cannot help (and Neo4j locks the user out for a while
// after a few attempts), so it is no store.ErrUnavailable.
type AuthError struct {
	Username string
	Err      error // the server's error
}

func (e *AuthError) Error() string {
	if e.Username == "" {
		return fmt.Sprintf("the Neo4j server refused the user name or password: %v", e.Err)
	}
	return fmt.Sprintf("the server refused user %q and its password: %v", e.Username, e.Err)
}

func (e *AuthError) Unwrap() error { return e.Err }

// Neo4j's codes for credentials it refuses.
var authCodes = map[string]bool{
	"Neo.ClientError.Security.Unauthorized":            true,
	"Neo.ClientError.Security.AuthenticationRateLimit": true,
	"Neo.ClientError.Security.CredentialsExpired":      true,
}

// authError returns err as an *AuthError when Neo4j refused the credentials.
func authError(err error, username string) (*AuthError, bool) {
	var n4 *neo4j.Neo4jError
	if errors.As(err, &n4) && n4 != nil && authCodes[n4.Code] {
		return &AuthError{Username: username, Err: n4}, true
	}
	return nil, false
}

// ErrURI is a URI the driver cannot use (an unknown scheme, no host).
var ErrURI = errors.New("not a Neo4j URI (bolt://, neo4j://, neo4j+s:// …)")

// IsDatabaseNotFound reports whether Neo4j has no database of the
// configured name.
func IsDatabaseNotFound(err error) bool {
	var n4 *neo4j.Neo4jError
	return errors.As(err, &n4) && n4 != nil && n4.Code == "Neo.ClientError.Database.DatabaseNotFound"
}

// The setting Neo4j names in the message ("… dbms.memory.transaction.total.max
// threshold reached"): three limits, each a setting of its own.
var memorySettingRE = regexp.MustCompile(`\b(?:dbms|db)\.memory\.transaction(?:\.total)?\.max\b`)

// final turns the errors that a retry cannot cure into ones the driver
// does not retry: a transaction function returns its error through it.
func final(err error) error {
	var n4 *neo4j.Neo4jError
	if errors.As(err, &n4) && n4 != nil && n4.Code == codeMemoryPool {
		m := &MemoryLimitError{Err: err}
		m.Setting = memorySettingRE.FindString(n4.Msg)
		return m
	}
	return err
}

// mapError turns what the driver reports into the store's errors, in this
// one place: the store's own errors pass unchanged; a server that cannot be
// reached, is unavailable or busy, a full pool and a passed deadline wrap
// store.ErrUnavailable; a constraint violation is a *store.Conflict.
// Anything else is returned wrapped with "neo4j:".
func mapError(err error) error {
	if err == nil {
		return nil
	}
	var (
		nf *store.NotFound
		cf *store.Conflict
		ve *directory.ValidationError
		ml *MemoryLimitError
		ae *AuthError
	)
	if errors.As(err, &nf) || errors.As(err, &cf) || errors.As(err, &ve) || errors.As(err, &ml) || errors.As(err, &ae) ||
		errors.Is(err, store.ErrUnavailable) || errors.Is(err, store.ErrNotFound) || errors.Is(err, store.ErrConflict) {
		return err
	}
	// The driver gives up on a retried transaction with the errors of
	// every attempt; the last one says why.
	var limit *neo4j.TransactionExecutionLimit
	if errors.As(err, &limit) {
		// (A memory limit met at commit, outside the transaction function,
		// comes here as the server's transient error.)
		if len(limit.Errors) > 0 {
			last := mapError(limit.Errors[len(limit.Errors)-1])
			if errors.Is(last, store.ErrUnavailable) || errors.Is(last, store.ErrConflict) ||
				errors.Is(last, store.ErrNotFound) || errors.As(last, &ml) || errors.As(last, &ae) {
				return last
			}
		}
		// Retrying stopped on time or connection attempts: the database is
		// not answering in time.
		return unavailable(err)
	}
	var n4 *neo4j.Neo4jError
	// (A TokenExpiredError unwraps to its cause, which may be a nil *Neo4jError.)
	if errors.As(err, &n4) && n4 != nil {
		switch {
		case n4.Code == codeMemoryPool:
			return final(n4)
		case authCodes[n4.Code]:
			return &AuthError{Err: n4}
		case n4.Code == codeConstraint:
			return &store.Conflict{Field: constraintField(n4.Msg), Reason: "already exists (" + n4.Msg + ")"}
		case strings.HasPrefix(n4.Code, "Neo.TransientError."), unavailableCodes[n4.Code]:
			return unavailable(err)
		}
		return fmt.Errorf("neo4j: %w", err)
	}
	if isUnavailable(err) {
		return unavailable(err)
	}
	return fmt.Errorf("neo4j: %w", err)
}

// isUnavailable reports whether err says that the server could not be
// reached in time.
func isUnavailable(err error) bool {
	var (
		conn  *neo4j.ConnectivityError
		netE  net.Error
		token *neo4j.TokenExpiredError
	)
	switch {
	case errors.As(err, &conn), errors.As(err, &netE), errors.As(err, &token):
		return true
	case errors.Is(err, context.DeadlineExceeded),
		errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET),
		errors.Is(err, syscall.EPIPE), errors.Is(err, net.ErrClosed):
		return true
	}
	// The driver's pool errors are internal types; their messages are stable.
	msg := err.Error()
	return strings.Contains(msg, "Timeout while waiting for connection") ||
		strings.Contains(msg, "No idle connections") ||
		strings.Contains(msg, "ServiceUnavailable")
}

// unavailable wraps err with store.ErrUnavailable.
func unavailable(err error) error {
	return fmt.Errorf("%w: %v", store.ErrUnavailable, err)
}

// isConstraintViolation reports whether err is Neo4j's refusal of a write
// that breaks a constraint.
func isConstraintViolation(err error) bool {
	var n4 *neo4j.Neo4jError
	return errors.As(err, &n4) && n4 != nil && n4.Code == codeConstraint
}

var constraintPropRE = regexp.MustCompile("property `([^`]+)`")

// constraintField names the property of a violated uniqueness constraint
// ("Node(12) already exists with label `Offer` and property `id` = 'o1'").
func constraintField(msg string) string {
	if m := constraintPropRE.FindStringSubmatch(msg); m != nil {
		return m[1]
	}
	return ""
}
