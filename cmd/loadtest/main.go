// Command loadtest puts a running Lotse server under concurrent load: many
// clients mixing offer searches and nested organisation reads with offer
// updates and creations. Afterwards it checks through the API that no write
// was lost and reports throughput and latency per kind of request.
//
// It starts nothing itself and refuses every host but loopback: point it at
// a throwaway server, e.g.
//
//	go run ./cmd/lotse serve --demo --data /tmp/load.db --addr 127.0.0.1:18080 --rate-limit 0 --rate-limit-address 0
//	go run ./cmd/loadtest --url http://127.0.0.1:18080/graphql --token <ADMIN token> --duration 60s
//
// It writes: it creates a test organisation with offers, and changes the
// free places and the schedule of the offers of one existing organisation.
// Each offer's two fields have different owners among the clients, so that
// partial updates of one offer meet while each field's last acknowledged
// value stays known.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

const maxDuration = 10 * time.Minute

// testOrgPrefix names the organisations loadtest creates.
const testOrgPrefix = "Lasttest "

func main() {
	var (
		target   = flag.String("url", "http://127.0.0.1:8080/graphql", "GraphQL endpoint of a running Lotse server (loopback only)")
		token    = flag.String("token", os.Getenv("LOTSE_TOKEN"), "bearer token with ADMIN or STEERING rights (or env LOTSE_TOKEN)")
		clients  = flag.Int("clients", 50, "concurrent clients")
		duration = flag.Duration("duration", 60*time.Second, "how long to run (at most 10m)")
		writes   = flag.Float64("writes", 0.3, "share of requests that write (updates twice as often as creations)")
		seed     = flag.Uint64("seed", 1, "seed of the request mix")
	)
	flag.Parse()
	if err := run(*target, *token, *clients, *duration, *writes, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

func run(target, token string, clients int, duration time.Duration, writes float64, seed uint64) error {
	switch {
	case token == "":
		return errors.New("--token: give an ADMIN or STEERING token (lotse serve --demo prints one)")
	case clients < 1 || clients > 1000:
		return errors.New("--clients: must be between 1 and 1000")
	case duration <= 0 || duration > maxDuration:
		return fmt.Errorf("--duration: must be between 0 and %s", maxDuration)
	case writes < 0 || writes > 1:
		return errors.New("--writes: must be between 0 and 1")
	}
	if err := loopbackOnly(target); err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	c := &client{url: target, token: token, http: &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{MaxIdleConns: clients * 2, MaxIdleConnsPerHost: clients * 2, IdleConnTimeout: time.Minute},
	}}

	fx, err := setUp(ctx, c)
	if err != nil {
		return fmt.Errorf("setting up: %w", err)
	}
	fmt.Printf("target %s: %d clients for %s; test organisation %s; updating %d offers of %s\n",
		target, clients, duration, fx.testOrg, len(fx.updateOffers), fx.updateOrg)

	l := &load{c: c, fx: fx, st: newStats(), last: newLastWrites(len(fx.updateOffers)),
		owned: ownedFields(clients, len(fx.updateOffers)), writes: writes, seed: seed}
	runCtx, cancel := context.WithTimeout(ctx, duration)
	defer cancel()
	start := time.Now()
	var wg sync.WaitGroup
	for i := range clients {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			l.client(ctx, runCtx, i)
		}(i)
	}
	wg.Wait()
	elapsed := time.Since(start)
	if ctx.Err() != nil {
		return errors.New("interrupted")
	}

	st := l.st
	st.report(os.Stdout, elapsed)
	lost, err := verify(ctx, c, fx, &l.created, int(l.createdN.Load()), l.last)
	if err != nil {
		return fmt.Errorf("verifying: %w", err)
	}
	fmt.Printf("writes acknowledged: %d creations, %d updates; lost: %d\n", l.createdN.Load(), st.ok("updateOffer"), lost)
	if lost > 0 || st.failures() > 0 {
		return fmt.Errorf("%d lost writes, %d failed requests", lost, st.failures())
	}
	return nil
}

// load is one run's shared state: the fixture, the statistics and what the
// clients' writes acknowledged.
type load struct {
	c        *client
	fx       *fixture
	st       *stats
	last     lastWrites
	owned    [][]ownedField
	writes   float64
	seed     uint64
	created  sync.Map // offer id → true
	createdN atomic.Int64
}

// client is client i's request loop. Requests run under ctx, not runCtx:
// one in flight at the end completes, so that every write is either
// acknowledged or was never made.
func (l *load) client(ctx, runCtx context.Context, i int) {
	rnd := rand.New(rand.NewPCG(l.seed, uint64(i)))
	for n := 0; runCtx.Err() == nil && ctx.Err() == nil; n++ {
		p := rnd.Float64()
		switch {
		case p < l.writes/3:
			var out struct{ CreateOffer struct{ ID string } }
			in := l.fx.offerInput(fmt.Sprintf("Lasttest %d-%d", i, n), rnd)
			if l.st.do(ctx, l.c, "createOffer", createOfferMutation, map[string]any{"in": in}, &out) {
				l.created.Store(out.CreateOffer.ID, true)
				l.createdN.Add(1)
			}
		case p < l.writes && len(l.owned[i]) > 0:
			l.update(ctx, rnd, i, n)
		case p < l.writes+(1-l.writes)/2:
			l.st.do(ctx, l.c, "offers", offersQuery, map[string]any{"f": l.fx.randomFilter(rnd), "first": 20}, nil)
		default:
			l.st.do(ctx, l.c, "organisation", organisationQuery, map[string]any{"id": l.fx.orgs[rnd.IntN(len(l.fx.orgs))]}, nil)
		}
	}
}

// update patches one of the fields client i owns (its n-th request).
func (l *load) update(ctx context.Context, rnd *rand.Rand, i, n int) {
	f := l.owned[i][rnd.IntN(len(l.owned[i]))]
	id := l.fx.updateOffers[f.offer]
	if f.schedule {
		v := fmt.Sprintf("Lasttest %d-%d", i, n)
		if l.st.do(ctx, l.c, "updateOffer", updateScheduleMutation, map[string]any{"id": id, "s": v}, nil) {
			l.last.schedule[f.offer] = v
		}
		return
	}
	v := rnd.IntN(50)
	if c := l.fx.capacity[f.offer]; c >= 0 {
		v = rnd.IntN(c + 1) // free places never exceed capacity
	}
	if l.st.do(ctx, l.c, "updateOffer", updateOfferMutation, map[string]any{"id": id, "n": v}, nil) {
		l.last.freePlaces[f.offer] = v
	}
}

// loopbackOnly refuses every target but this machine: a load test against
// somebody's server is an attack.
func loopbackOnly(target string) error {
	u, err := url.Parse(target)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("--url: %q is not an http(s) URL", target)
	}
	host := u.Hostname()
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("--url: %s is not a loopback address; loadtest runs only against a server on this machine (127.0.0.1, ::1, localhost)", host)
}

type client struct {
	url, token string
	http       *http.Client
}

type gqlError struct {
	Message    string         `json:"message"`
	Extensions map[string]any `json:"extensions"`
}

// call posts one operation; it fails on transport errors, non-200 answers
// and GraphQL errors.
func (c *client) call(ctx context.Context, query string, vars map[string]any, out any) error {
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+c.token)
	res, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		return err
	}
	var r struct {
		Data   json.RawMessage `json:"data"`
		Errors []gqlError      `json:"errors"`
	}
	if err := json.Unmarshal(b, &r); err != nil {
		return fmt.Errorf("HTTP %d: %.200s", res.StatusCode, b)
	}
	if len(r.Errors) > 0 {
		code, _ := r.Errors[0].Extensions["code"].(string)
		msg := fmt.Sprintf("HTTP %d %s: %s", res.StatusCode, code, r.Errors[0].Message)
		if code == "RATE_LIMITED" {
			msg += " (start the server with --rate-limit 0 --rate-limit-address 0)"
		}
		return errors.New(msg)
	}
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("HTTP %d", res.StatusCode)
	}
	if out != nil {
		return json.Unmarshal(r.Data, out)
	}
	return nil
}

const (
	offersQuery = `query($f: OfferFilter, $first: Int) { offers(filter: $f, first: $first) {
  totalCount edges { node { id title category freePlaces languages provider { id name } district { id name } } } } }`
	organisationQuery = `query($id: ID!) { organisation(id: $id) {
  id name kind district { id name } parent { id name } workingGroups { id name }
  offers { id title freePlaces } partners { since topics organisation { id name kind } } } }`
	updateOfferMutation    = `mutation($id: ID!, $n: Int) { updateOffer(id: $id, input: {freePlaces: $n}) { id freePlaces } }`
	updateScheduleMutation = `mutation($id: ID!, $s: String) { updateOffer(id: $id, input: {schedule: $s}) { id schedule } }`
	createOfferMutation    = `mutation($in: CreateOfferInput!) { createOffer(input: $in) { id } }`
)

// fixture is what the load runs over.
type fixture struct {
	districts    []string
	orgs         []string // organisations to read
	updateOrg    string   // whose offers are updated
	updateOffers []string
	capacity     []int  // of updateOffers; -1: unknown
	testOrg      string // where offers are created
}

func setUp(ctx context.Context, c *client) (*fixture, error) {
	fx := &fixture{}
	var ds struct{ Districts []struct{ ID string } }
	if err := c.call(ctx, `{ districts { id } }`, nil, &ds); err != nil {
		return nil, err
	}
	for _, d := range ds.Districts {
		fx.districts = append(fx.districts, d.ID)
	}
	if len(fx.districts) == 0 {
		return nil, errors.New("the server has no districts; start it with --demo")
	}
	var orgs struct {
		Organisations struct {
			Edges []struct {
				Node struct {
					ID     string
					Name   string
					Offers []struct {
						ID       string
						Capacity *int
					}
				}
			}
		}
	}
	if err := c.call(ctx, `{ organisations(first: 200) { edges { node { id name offers { id capacity } } } } }`, nil, &orgs); err != nil {
		return nil, err
	}
	for _, e := range orgs.Organisations.Edges {
		if strings.HasPrefix(e.Node.Name, testOrgPrefix) {
			continue // left by an earlier run
		}
		fx.orgs = append(fx.orgs, e.Node.ID)
		if len(e.Node.Offers) > len(fx.updateOffers) {
			fx.updateOrg = e.Node.ID
			fx.updateOffers, fx.capacity = nil, nil
			for _, o := range e.Node.Offers {
				c := -1
				if o.Capacity != nil {
					c = *o.Capacity
				}
				fx.updateOffers = append(fx.updateOffers, o.ID)
				fx.capacity = append(fx.capacity, c)
			}
		}
	}
	if len(fx.updateOffers) == 0 {
		return nil, errors.New("no organisation has offers; start the server with --demo")
	}
	var org struct{ CreateOrganisation struct{ ID string } }
	if err := c.call(ctx, `mutation($in: CreateOrganisationInput!) { createOrganisation(input: $in) { id } }`, map[string]any{"in": map[string]any{
		"name": testOrgPrefix + time.Now().UTC().Format(time.RFC3339), "kind": "OTHER", "districtId": fx.districts[0],
	}}, &org); err != nil {
		return nil, fmt.Errorf("creating the test organisation (does the token have ADMIN or STEERING rights?): %w", err)
	}
	fx.testOrg = org.CreateOrganisation.ID
	return fx, nil
}

var (
	needs      = []string{"LANGUAGE", "WORK", "EDUCATION", "HOUSING", "HEALTH", "FAMILY_CHILDCARE", "RESIDENCE", "SOCIAL_PARTICIPATION"}
	categories = []string{"INTEGRATION_COURSE", "LANGUAGE_COURSE", "MIGRATION_COUNSELLING", "SOCIAL_COUNSELLING", "EMPLOYMENT_SUPPORT", "MEETING_PLACE"}
	languages  = []string{"de", "ar", "tr", "uk", "ru", "fa", "en", "fr"}
	words      = []string{"sprache", "beratung", "frauen", "kinder", "arbeit", "café", "integration"}
)

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

func (fx *fixture) randomFilter(r *rand.Rand) map[string]any {
	f := map[string]any{}
	if r.IntN(2) == 0 {
		f["needs"] = []string{pick(r, needs)}
	}
	if r.IntN(3) == 0 {
		f["categories"] = []string{pick(r, categories)}
	}
	if r.IntN(3) == 0 {
		f["languages"] = []string{pick(r, languages)}
	}
	if r.IntN(3) == 0 {
		f["districtIds"] = []string{pick(r, fx.districts), pick(r, fx.districts)}
	}
	if r.IntN(4) == 0 {
		f["text"] = pick(r, words)
	}
	if r.IntN(4) == 0 {
		f["freePlacesOnly"] = true
	}
	if r.IntN(5) == 0 {
		f["near"] = map[string]any{"lat": 51.17 + r.Float64()*0.1, "lon": 7.05 + r.Float64()*0.1, "radiusKm": 3.0}
	}
	return f
}

func (fx *fixture) offerInput(title string, r *rand.Rand) map[string]any {
	return map[string]any{
		"providerId": fx.testOrg, "title": title, "category": pick(r, categories),
		"needs": []string{pick(r, needs)}, "languages": []string{"de", pick(r, languages[1:])},
		"districtId": pick(r, fx.districts), "capacity": 20, "freePlaces": r.IntN(21),
	}
}

// verify reads back every write: every acknowledged creation must exist in
// the test organisation, and every updated offer must hold the value of its
// last acknowledged update.
func verify(ctx context.Context, c *client, fx *fixture, created *sync.Map, n int, last lastWrites) (int, error) {
	found := map[string]bool{}
	after := ""
	total := 0
	for {
		var page struct {
			Offers struct {
				TotalCount int
				PageInfo   struct {
					HasNextPage bool
					EndCursor   string
				}
				Edges []struct{ Node struct{ ID string } }
			}
		}
		vars := map[string]any{"f": map[string]any{"organisationIds": []string{fx.testOrg}}, "first": 500}
		if after != "" {
			vars["after"] = after
		}
		if err := c.call(ctx, `query($f: OfferFilter, $first: Int, $after: String) { offers(filter: $f, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`, vars, &page); err != nil {
			return 0, err
		}
		total = page.Offers.TotalCount
		for _, e := range page.Offers.Edges {
			found[e.Node.ID] = true
		}
		if !page.Offers.PageInfo.HasNextPage {
			break
		}
		after = page.Offers.PageInfo.EndCursor
	}
	lost := 0
	created.Range(func(k, _ any) bool {
		if !found[k.(string)] {
			lost++
			if lost <= 5 {
				fmt.Printf("  lost creation: offer %s\n", k)
			}
		}
		return true
	})
	if total != n {
		fmt.Printf("  the test organisation has %d offers, but %d creations were acknowledged\n", total, n)
		if lost == 0 {
			lost = max(n-total, total-n)
		}
	}
	for k, id := range fx.updateOffers {
		var o struct {
			Offer *struct {
				FreePlaces *int
				Schedule   *string
			}
		}
		if err := c.call(ctx, `query($id: ID!) { offer(id: $id) { freePlaces schedule } }`, map[string]any{"id": id}, &o); err != nil {
			return 0, err
		}
		if o.Offer == nil {
			lost++
			fmt.Printf("  lost offer %s\n", id)
			continue
		}
		if want := last.freePlaces[k]; want >= 0 && (o.Offer.FreePlaces == nil || *o.Offer.FreePlaces != want) {
			lost++
			fmt.Printf("  lost update: offer %s has %v free places, the last acknowledged update set %d\n", id, o.Offer.FreePlaces, want)
		}
		if want := last.schedule[k]; want != "" && (o.Offer.Schedule == nil || *o.Offer.Schedule != want) {
			lost++
			fmt.Printf("  lost update: offer %s has schedule %v, the last acknowledged update set %q\n", id, o.Offer.Schedule, want)
		}
	}
	return lost, nil
}

// lastWrites holds, per updated offer, the last acknowledged value of each
// field (-1 and "": none). Each slot has one writer, its field's owner.
type lastWrites struct {
	freePlaces []int
	schedule   []string
}

func newLastWrites(n int) lastWrites {
	l := lastWrites{freePlaces: make([]int, n), schedule: make([]string, n)}
	for k := range l.freePlaces {
		l.freePlaces[k] = -1
	}
	return l
}

// ownedField is one field of one updated offer.
type ownedField struct {
	offer    int
	schedule bool // else freePlaces
}

// ownedFields gives each field of each updated offer one owning client,
// spreading the two fields of an offer over two clients where there are
// two, so that their partial updates of the same offer run concurrently.
func ownedFields(clients, offers int) [][]ownedField {
	out := make([][]ownedField, clients)
	for k := range offers {
		out[(2*k)%clients] = append(out[(2*k)%clients], ownedField{offer: k})
		out[(2*k+1)%clients] = append(out[(2*k+1)%clients], ownedField{offer: k, schedule: true})
	}
	return out
}

// stats collects latencies and failures per kind of request.
type stats struct {
	mu      sync.Mutex
	latency map[string][]time.Duration
	failed  map[string]int
	sample  map[string]string
}

func newStats() *stats {
	return &stats{latency: map[string][]time.Duration{}, failed: map[string]int{}, sample: map[string]string{}}
}

// do runs one request and records its latency or failure.
func (s *stats) do(ctx context.Context, c *client, kind, query string, vars map[string]any, out any) bool {
	t0 := time.Now()
	err := c.call(ctx, query, vars, out)
	d := time.Since(t0)
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		s.failed[kind]++
		if s.sample[kind] == "" {
			s.sample[kind] = err.Error()
		}
		return false
	}
	s.latency[kind] = append(s.latency[kind], d)
	return true
}

func (s *stats) ok(kind string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.latency[kind])
}

func (s *stats) failures() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, f := range s.failed {
		n += f
	}
	return n
}

func (s *stats) report(w io.Writer, elapsed time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	kinds := make([]string, 0, len(s.latency))
	for k := range s.latency {
		kinds = append(kinds, k)
	}
	for k := range s.failed {
		if !slices.Contains(kinds, k) {
			kinds = append(kinds, k)
		}
	}
	sort.Strings(kinds)
	total := 0
	fmt.Fprintf(w, "%-14s %8s %9s %9s %9s %9s %7s\n", "kind", "ok", "req/s", "p50", "p99", "max", "failed")
	for _, k := range kinds {
		l := s.latency[k]
		slices.Sort(l)
		total += len(l)
		fmt.Fprintf(w, "%-14s %8d %9.1f %9s %9s %9s %7d\n", k, len(l), float64(len(l))/elapsed.Seconds(),
			quantile(l, 0.50), quantile(l, 0.99), quantile(l, 1), s.failed[k])
	}
	fmt.Fprintf(w, "%-14s %8d %9.1f   (%s)\n", "all", total, float64(total)/elapsed.Seconds(), elapsed.Round(time.Millisecond))
	for _, k := range kinds {
		if s.sample[k] != "" {
			fmt.Fprintf(w, "  first %s failure: %s\n", k, strings.TrimSpace(s.sample[k]))
		}
	}
}

func quantile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(q*float64(len(sorted))+0.5) - 1
	i = max(0, min(i, len(sorted)-1))
	return sorted[i].Round(100 * time.Microsecond)
}
