package bench

import (
	"context"
	"fmt"
	"testing"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/demo"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/referral"
	"github.com/lotse-kim/lotse/internal/service"
	"github.com/lotse-kim/lotse/internal/store"
	"github.com/lotse-kim/lotse/internal/store/neo4j"
	"github.com/lotse-kim/lotse/internal/store/neo4j/neo4jtest"
	"github.com/lotse-kim/lotse/internal/store/sqlite"
)

// Referrals on the embedded store. Budgets: a provider's inbox (the first
// 20 of its 10,000 referrals) p50 ≤ 5 ms; referralStats of one
// municipality ≤ 100 ms and of all NRW ≤ 2 s over 200,000 referrals. Run
//
//	go test -run '^$' -bench Referral -benchtime 50x ./internal/bench/

// inboxReferrals is how many referrals one provider receives in the inbox database.
const inboxReferrals = 10_000

// inboxStore is the demo network with 12,000 referrals, 10,000 of them to
// the offers of one provider (the always-full course's).
func inboxStore(b *testing.B) (*sqlite.Store, string) {
	var provider string
	snap := demo.Demo()
	_, ten := demo.DemoReferrals(snap)
	var offers []directory.Offer
	for _, o := range snap.Offers {
		if o.ID == ten.AlwaysFullCourse {
			provider = o.ProviderID
		}
	}
	for _, o := range snap.Offers {
		if o.ProviderID == provider && o.DistrictID != "" {
			offers = append(offers, o)
		}
	}
	st := cachedStoreWith(b, "inbox", func() directory.Snapshot { return snap }, func(s directory.Snapshot) []referral.Referral {
		rs, _ := demo.Referrals(s, benchSeed, inboxReferrals+2000)
		n := 0
		for i := range rs {
			if rs[i].ToOrganisationID == provider {
				n++
			}
		}
		for i := range rs {
			if n >= inboxReferrals {
				break
			}
			if rs[i].ToOrganisationID != provider && rs[i].FromOrganisationID != provider {
				o := offers[i%len(offers)]
				rs[i].OfferID, rs[i].ToOrganisationID, rs[i].DistrictID, rs[i].Category = o.ID, o.ProviderID, o.DistrictID, o.Category
				n++
			}
		}
		return rs
	})
	return st, provider
}

func BenchmarkReferralInbox(b *testing.B) {
	st, provider := inboxStore(b)
	svc := service.New(st)
	ctx := access.WithPrincipal(context.Background(), access.Principal{Role: access.RolePartner, OrganisationID: provider, TokenID: "bench", Name: "bench"})
	page, err := svc.Referrals(ctx, service.ReferralFilter{}, store.Page{First: 20})
	if err != nil || page.TotalCount < inboxReferrals || len(page.Referrals) != 20 {
		b.Fatalf("inbox: %d of %d, %v", len(page.Referrals), page.TotalCount, err)
	}
	measure(b, func() error {
		_, err := svc.Referrals(ctx, service.ReferralFilter{}, store.Page{First: 20})
		return err
	})
}

func nrwReferralStore(b *testing.B) *sqlite.Store {
	return cachedStoreWith(b, fmt.Sprintf("nrw-referrals-%d", benchSeed), func() directory.Snapshot { return demo.NRW(benchSeed) },
		func(s directory.Snapshot) []referral.Referral {
			rs, _ := demo.Referrals(s, benchSeed, demo.NRWReferralCount)
			return rs
		})
}

func benchmarkReferralStats(b *testing.B, municipality string, g store.ReferralGroup) {
	benchmarkReferralStatsOn(b, nrwReferralStore(b), municipality, g)
}

func benchmarkReferralStatsOn(b *testing.B, st store.Store, municipality string, g store.ReferralGroup) {
	svc := service.New(st)
	if municipality == "largest" {
		municipality = largestMunicipality(b, svc)
	}
	ctx := access.WithPrincipal(context.Background(), steeringReader)
	s, err := svc.ReferralStats(ctx, municipality, "", "", g)
	if err != nil || s.Total.Sent.Suppressed || *s.Total.Sent.Value == 0 {
		b.Fatalf("stats: %+v, %v", s.Total.Sent, err)
	}
	b.Logf("%s by %s: %d referrals in %d groups", municipality, g, *s.Total.Sent.Value, len(s.Groups))
	measure(b, func() error {
		_, err := svc.ReferralStats(ctx, municipality, "", "", g)
		return err
	})
}

func BenchmarkReferralStatsMunicipalityNRW(b *testing.B) {
	for _, g := range store.ReferralGroups {
		b.Run(string(g), func(b *testing.B) { benchmarkReferralStats(b, "largest", g) })
	}
}

func BenchmarkReferralStatsAllNRW(b *testing.B) {
	for _, g := range store.ReferralGroups {
		b.Run(string(g), func(b *testing.B) { benchmarkReferralStats(b, "", g) })
	}
}

// BenchmarkReferralStatsNeo4j is BenchmarkReferralStatsMunicipalityNRW and
// BenchmarkReferralStatsAllNRW on the Neo4j of LOTSE_TEST_NEO4J_URI, filled
// with the same NRW network and referrals unless it holds them already (the
// import needs a large transaction memory: see neo4jBenchStore).
func BenchmarkReferralStatsNeo4j(b *testing.B) {
	snap := demo.NRW(benchSeed)
	st := neo4jBenchStore(b, snap)
	ctx := context.Background()
	rs, _ := demo.Referrals(snap, benchSeed, demo.NRWReferralCount)
	stored, err := st.ReferralCounts(ctx, store.ReferralCountQuery{GroupBy: store.ReferralGroups[0]})
	if err != nil {
		b.Fatal(err)
	}
	if n := sentTotal(stored); n != len(rs) {
		b.Logf("Neo4j holds %d referrals, storing the %d of the NRW benchmark", n, len(rs))
		if n != 0 {
			b.Fatalf("Neo4j holds other referrals (%d): wipe it first", n)
		}
		if err := st.PutReferrals(ctx, rs); err != nil {
			b.Fatal(err)
		}
	}
	for _, scope := range []struct{ name, municipality string }{{"municipality", "largest"}, {"all", ""}} {
		for _, g := range store.ReferralGroups {
			b.Run(scope.name+"/"+string(g), func(b *testing.B) { benchmarkReferralStatsOn(b, st, scope.municipality, g) })
		}
	}
}

// sentTotal is how many referrals the rows of a ReferralCounts answer count.
func sentTotal(rows []store.ReferralCount) int {
	n := 0
	for _, r := range rows {
		n += r.Count
	}
	return n
}

// BenchmarkReferralInboxNeo4j is BenchmarkReferralInbox on the Neo4j of
// LOTSE_TEST_NEO4J_URI (tools/neo4j/with-neo4j.sh); the database is wiped.
func BenchmarkReferralInboxNeo4j(b *testing.B) {
	srv, ok := neo4jtest.FromEnv()
	if !ok {
		b.Skip("LOTSE_TEST_NEO4J_URI not set")
	}
	ctx := context.Background()
	if err := srv.Wipe(ctx); err != nil {
		b.Fatal(err)
	}
	st, err := neo4j.Open(ctx, neo4j.Config{URI: srv.URI, Username: srv.Username, Password: srv.Password, Database: srv.Database})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	sq, provider := inboxStore(b)
	snap, err := sq.Export(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if err := st.Import(ctx, snap); err != nil {
		b.Fatal(err)
	}
	var rs []referral.Referral
	for p := (store.Page{First: store.MaxPageSize}); ; {
		page, err := sq.Referrals(ctx, store.ReferralFilter{}, p)
		if err != nil {
			b.Fatal(err)
		}
		rs = append(rs, page.Referrals...)
		if !page.HasNextPage {
			break
		}
		p.After = page.Cursors[len(page.Cursors)-1]
	}
	if err := st.PutReferrals(ctx, rs); err != nil {
		b.Fatal(err)
	}
	svc := service.New(st)
	pctx := access.WithPrincipal(ctx, access.Principal{Role: access.RolePartner, OrganisationID: provider, TokenID: "bench", Name: "bench"})
	measure(b, func() error {
		_, err := svc.Referrals(pctx, service.ReferralFilter{}, store.Page{First: 20})
		return err
	})
}
