package neo4j

import (
	"bufio"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/demo"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
	"github.com/lotse-kim/lotse/internal/store/neo4j/neo4jtest"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Tests of the Neo4j store that need a server and are not part of the
// shared conformance suite: locks, timeouts, memory limits and the settings
// of docker-compose.yml.

// openTestStore opens the store of LOTSE_TEST_NEO4J_URI on an emptied
// database, or skips.
func openTestStore(t *testing.T, cfg func(*Config)) *Store {
	t.Helper()
	c, ok := testConfig()
	if !ok {
		t.Skip(neo4jtest.SkipReason)
	}
	if cfg != nil {
		cfg(&c)
	}
	s, err := Open(context.Background(), c)
	if err != nil {
		t.Fatalf("Open(%s): %v", c.URI, err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.wipe(context.Background()); err != nil {
		t.Fatalf("wipe: %v", err)
	}
	return s
}

// launcher is tools/neo4j/run.sh as with-neo4j.sh exports it, or skip.
func launcher(t *testing.T) string {
	t.Helper()
	l := os.Getenv("LOTSE_TEST_NEO4J_LAUNCHER")
	if l == "" {
		t.Skip("LOTSE_TEST_NEO4J_LAUNCHER not set: test starts its own Neo4j with tools/neo4j/run.sh (with-neo4j.sh sets it)")
	}
	return l
}

// launch runs the launcher with args and returns its exit error and output;
// with --check-config it ends by itself.
func launch(t *testing.T, args ...string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, launcher(t), args...).CombinedOutput()
	return string(out), err
}

// startServer starts a Neo4j of its own with the given settings on a free
// port and returns its bolt URI; it is stopped with SIGTERM at cleanup.
func startServer(t *testing.T, settings ...string) string {
	t.Helper()
	args := []string{"--port", "0"}
	for _, s := range settings {
		args = append(args, "--setting", s)
	}
	uri, stop := startLauncher(t, "", nil, args...)
	t.Cleanup(func() { stop() })
	return uri
}

// startLauncher starts the launcher in dir (the test's working directory
// when "") with env added to the environment, waits for its READY line and
// returns the URI it names and a function that stops it with SIGTERM and
// returns everything it printed to stdout (at most once; later calls return
// the same).
func startLauncher(t *testing.T, dir string, env []string, args ...string) (string, func() string) {
	t.Helper()
	cmd := exec.Command(launcher(t), args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var (
		done sync.WaitGroup
		out  strings.Builder
	)
	done.Add(1)
	ready := make(chan string, 1)
	go func() {
		defer done.Done()
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			out.WriteString(sc.Text() + "\n")
			if f := strings.Fields(sc.Text()); len(f) > 1 && f[0] == "READY" {
				ready <- sc.Text()
			}
		}
		close(ready)
	}()
	stop := sync.OnceValue(func() string {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		done.Wait()
		// 143 = 128 + SIGTERM: how a JVM exits after its shutdown hooks ran.
		if err := cmd.Wait(); err != nil && cmd.ProcessState.ExitCode() != 143 {
			t.Errorf("launcher after SIGTERM: %v", err)
		}
		return out.String()
	})
	select {
	case line, ok := <-ready:
		if !ok {
			stop()
			t.Fatal("Neo4j exited before READY")
		}
		t.Logf("%s", line)
		return strings.Fields(line)[1], stop
	case <-time.After(3 * time.Minute):
		stop()
		t.Fatal("no READY line from Neo4j within 3 minutes")
	}
	return "", stop
}

// TestLauncher runs tools/neo4j/run.sh as the README does: --data given as
// a relative path (Neo4j used to refuse "./neo4j-data" as "not a normalized
// path"), authentication on with the password from NEO4J_PASSWORD (a wrong
// or missing password is an *AuthError, not store.ErrUnavailable), a clean
// stop on SIGTERM (STOPPED), and the data still there when it starts again
// on the same directory with the same password (that start used to die
// before READY: Neo4j refuses to set a password to the one it has).
func TestLauncher(t *testing.T) {
	launcher(t)
	dir := t.TempDir()
	ctx := context.Background()
	const password = "launcher-test-4711"
	uri, stop := startLauncher(t, dir, []string{"NEO4J_PASSWORD=" + password}, "--port", "0", "--data", "./neo4j-data", "--auth")
	t.Cleanup(func() { stop() })
	s, err := Open(ctx, Config{URI: uri, Username: "neo4j", Password: password})
	if err != nil {
		t.Fatalf("Open with NEO4J_PASSWORD: %v", err)
	}
	putOrg(t, s, "org-kept")
	s.Close()
	// Two refusals only: from the third in a row Neo4j locks the user out for a while.
	for _, pw := range []string{"wrong-password", ""} {
		_, err := Open(ctx, Config{URI: uri, Username: "neo4j", Password: pw})
		var ae *AuthError
		if !errors.As(err, &ae) || errors.Is(err, store.ErrUnavailable) {
			t.Errorf("Open with password %q = %v, want an *AuthError that is not unavailable", pw, err)
		}
	}
	out := stop()
	home := filepath.Join(dir, "neo4j-data")
	if !strings.Contains(out, " data="+home+" auth=on") || !strings.Contains(out, "\nSTOPPED\n") {
		t.Errorf("launcher printed %q, want a READY line naming data=%s auth=on and STOPPED", out, home)
	}
	if _, err := os.Stat(filepath.Join(home, "data")); err != nil {
		t.Errorf("no database under --data: %v", err)
	}

	uri, stop = startLauncher(t, dir, []string{"NEO4J_PASSWORD=" + password}, "--port", "0", "--data", "./neo4j-data", "--auth")
	t.Cleanup(func() { stop() })
	s, err = Open(ctx, Config{URI: uri, Username: "neo4j", Password: password})
	if err != nil {
		t.Fatalf("Open after a restart: %v", err)
	}
	defer s.Close()
	got, err := s.OrganisationsByID(ctx, []string{"org-kept"})
	if err != nil || len(got) != 1 {
		t.Errorf("after a restart on the same --data: %+v, %v; want org-kept", got, err)
	}
}

func putOrg(t *testing.T, s *Store, id string) {
	t.Helper()
	if err := s.PutDistricts(context.Background(), []directory.District{{ID: "d1", Name: "Mitte", Municipality: "Solingen"}}); err != nil {
		t.Fatal(err)
	}
	o := directory.Organisation{ID: id, Name: "AWO", Kind: directory.KindWelfareAssociation, DistrictID: "d1", Municipality: "Solingen"}
	if err := s.CreateOrganisation(context.Background(), o); err != nil {
		t.Fatal(err)
	}
}

// TestDeleteOrganisationLocksBeforeCheck: an offer linked to the organisation
// by a transaction still open while DeleteOrganisation checks must not be
// orphaned: the delete waits for it and then refuses.
func TestDeleteOrganisationLocksBeforeCheck(t *testing.T) {
	s := openTestStore(t, nil)
	ctx := context.Background()
	putOrg(t, s, "org-1")

	sess := s.driver.NewSession(ctx, neo4jSessionConfig(s))
	defer sess.Close(ctx)
	tx, err := sess.BeginTransaction(ctx)
	if err != nil {
		t.Fatal(err)
	}
	res, err := tx.Run(ctx, "MATCH (g:Organisation {id: 'org-1'}) CREATE (g)-[:PROVIDES]->(:Offer {id: 'late'})", nil)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		t.Fatal(err)
	}

	deleted := make(chan error, 1)
	go func() { deleted <- s.DeleteOrganisation(ctx, "org-1") }()
	select {
	case err := <-deleted:
		t.Fatalf("DeleteOrganisation did not wait for the open transaction: %v", err)
	case <-time.After(700 * time.Millisecond):
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	err = <-deleted
	if !errors.Is(err, store.ErrConflict) {
		t.Errorf("DeleteOrganisation = %v, want a conflict (it provides an offer now)", err)
	}
	got, err := s.OffersByID(ctx, []string{"late"})
	if err != nil || len(got) != 1 || got[0].ProviderID != "org-1" {
		t.Errorf("offer late = %+v, %v; want it kept with provider org-1", got, err)
	}
}

// TestTransactionTimeoutIsUnavailable: a statement that outlives the
// transaction timeout the driver sends is reported as ErrUnavailable, both
// with the server's own code and through the store, and without a retry
// loop beyond the timeout.
func TestTransactionTimeoutIsUnavailable(t *testing.T) {
	const slow = "UNWIND range(1, 1000000000) AS i WITH i WHERE i < 0 RETURN count(*) AS n"
	s := openTestStore(t, func(c *Config) { c.Timeout = 2 * time.Second })
	ctx := context.Background()

	// The server's side: a timeout shorter than the caller's deadline.
	sess := s.driver.NewSession(ctx, neo4jSessionConfig(s))
	defer sess.Close(ctx)
	_, err := sess.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, slow, nil)
		if err != nil {
			return nil, err
		}
		return res.Consume(ctx)
	}, neo4j.WithTxTimeout(300*time.Millisecond))
	t.Logf("server's timeout: %v", err)
	var n4 *neo4j.Neo4jError
	if !errors.As(err, &n4) || !unavailableCodes[n4.Code] {
		t.Errorf("server's timeout error %v: code not among unavailableCodes", err)
	}
	if got := mapError(err); !errors.Is(got, store.ErrUnavailable) {
		t.Errorf("mapError(%v) = %v, want ErrUnavailable", err, got)
	}

	// Through the store, with its own timeout.
	start := time.Now()
	err = s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		res, err := tx.Run(ctx, slow, nil)
		if err != nil {
			return err
		}
		_, err = res.Consume(ctx)
		return err
	})
	if !errors.Is(err, store.ErrUnavailable) {
		t.Errorf("slow read = %v, want ErrUnavailable", err)
	}
	// The statement alone runs for minutes; a generous bound tells the 2 s
	// timeout from no timeout without timing the machine.
	if d := time.Since(start); d > 60*time.Second {
		t.Errorf("slow read took %v: the 2 s timeout did not end it", d)
	}
}

// TestImportMemoryLimit: an import larger than Neo4j's transaction memory
// fails at once with an error naming the setting to raise, instead of
// being retried until it ends as "unavailable"; nothing is stored. Both
// limits an import can meet: one transaction's, and the server's for all
// transactions together (70 % of the heap by default: the one the NRW
// import meets, at commit or before).
func TestImportMemoryLimit(t *testing.T) {
	for setting, limit := range map[string]string{"db.memory.transaction.max": "4m", "dbms.memory.transaction.total.max": "10m"} {
		t.Run(setting, func(t *testing.T) {
			uri := startServer(t, setting+"="+limit) // (10 MiB is the server-wide limit's least)
			ctx := context.Background()
			s, err := Open(ctx, Config{URI: uri, Timeout: 20 * time.Second})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			// A retried import would end as ErrUnavailable after the timeout; the
			// error's kind, not the time taken, says it was not retried.
			err = s.Import(ctx, demo.Demo())
			var ml *MemoryLimitError
			if !errors.As(err, &ml) {
				t.Fatalf("Import = %v, want a *MemoryLimitError", err)
			}
			if errors.Is(err, store.ErrUnavailable) {
				t.Errorf("Import error %v says unavailable; retrying will not help", err)
			}
			if ml.Setting != setting {
				t.Errorf("Setting = %q, want %s", ml.Setting, setting)
			}
			if docker := dockerSetting(setting); !strings.Contains(err.Error(), docker) {
				t.Errorf("Import error %q does not name %s", err, docker)
			}
			if c, err := s.Counts(ctx); err != nil || c.Offers != 0 || c.Organisations != 0 {
				t.Errorf("after the failed import Counts = %+v, %v; want nothing stored", c, err)
			}
		})
	}
}

// composeSettings reads the Neo4j settings of docker-compose.yml's neo4j
// service, translated as the neo4j image does (NEO4J_a_b__c → a.b_c).
func composeSettings(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "docker-compose.yml"))
	if err != nil {
		t.Fatal(err)
	}
	service := regexp.MustCompile(`^  ([a-z0-9_-]+):\s*$`)
	env := regexp.MustCompile(`^\s+NEO4J_([A-Za-z0-9_]+):\s*(\S+)`)
	var out []string
	current := ""
	for _, line := range strings.Split(string(b), "\n") {
		if m := service.FindStringSubmatch(line); m != nil {
			current = m[1]
			continue
		}
		m := env.FindStringSubmatch(line)
		// NEO4J_AUTH is the image's own variable, not a setting.
		if current != "neo4j" || m == nil || m[1] == "AUTH" {
			continue
		}
		name := strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(m[1], "__", "\x00"), "_", "."), "\x00", "_")
		out = append(out, name+"="+strings.Trim(m[2], `"'`))
	}
	if len(out) == 0 {
		t.Fatal("no NEO4J_* settings found in docker-compose.yml's neo4j service")
	}
	return out
}

// TestComposeSettingsStartNeo4j starts Neo4j with exactly the settings of
// docker-compose.yml, under Neo4j's strict configuration check, so that a
// misspelt setting fails here and not on the first docker compose up.
func TestComposeSettingsStartNeo4j(t *testing.T) {
	launcher(t)
	settings := composeSettings(t)
	t.Logf("docker-compose.yml settings: %v", settings)
	args := []string{"--check-config"}
	for _, s := range settings {
		args = append(args, "--setting", s)
	}
	out, err := launch(t, args...)
	if err != nil || !strings.Contains(out, "CONFIG OK") {
		t.Errorf("Neo4j with docker-compose.yml's settings: %v\n%s", err, out)
	}
	// The check is real: the name the compose file once had is refused.
	out, err = launch(t, "--check-config", "--setting", "db.transaction.total.max=4G")
	if err == nil || !strings.Contains(out, "db.transaction.total.max") {
		t.Errorf("Neo4j accepted db.transaction.total.max (err %v):\n%s", err, out)
	}
}

// TestComposeSettingsParse needs no server: the translation of the image's
// variable names.
func TestComposeSettingsParse(t *testing.T) {
	got := strings.Join(composeSettings(t), " ")
	for _, want := range []string{"server.memory.heap.max_size=", "server.memory.pagecache.size=", "dbms.memory.transaction.total.max="} {
		if !strings.Contains(got, want) {
			t.Errorf("compose settings %q lack %s", got, want)
		}
	}
}

// TestBrowserQueries runs the Cypher queries of tools/neo4j/browser (the
// README's queries for Neo4j Browser) on the demo network: each must run and
// return rows.
func TestBrowserQueries(t *testing.T) {
	s := openTestStore(t, nil)
	ctx := context.Background()
	if err := s.Import(ctx, demo.Demo()); err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join("..", "..", "..", "tools", "neo4j", "browser", "*.cypher"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no queries in tools/neo4j/browser: %v", err)
	}
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var rows int
		err = s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
			res, err := tx.Run(ctx, string(text), nil)
			if err != nil {
				return err
			}
			recs, err := res.Collect(ctx)
			rows = len(recs)
			return err
		})
		if err != nil || rows == 0 {
			t.Errorf("%s: %d rows, %v", filepath.Base(f), rows, err)
		}
		t.Logf("%s: %d rows", filepath.Base(f), rows)
	}
}
