package neo4j

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lotse-kim/lotse/internal/demo"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// gapFields is what the gap rules read of an offer, as gapKey holds it.
func gapFields(o directory.Offer) directory.Offer {
	g := directory.Offer{ID: o.ID, DistrictID: o.DistrictID, Location: o.Location, Status: o.Status, Category: o.Category,
		Needs: slices.Clip(o.Needs), Languages: slices.Clip(o.Languages), FreePlaces: o.FreePlaces, Capacity: o.Capacity,
		Funding: o.Funding, Childcare: o.Childcare}
	if len(g.Needs) == 0 {
		g.Needs = nil
	}
	if len(g.Languages) == 0 {
		g.Languages = nil
	}
	return g
}

// TestGapKeyRoundTrip: every demo offer, and one with nothing known, reads
// back from its gapKey with the fields the rules read, positions exactly.
func TestGapKeyRoundTrip(t *testing.T) {
	offers := append(demo.Demo().Offers, directory.Offer{ID: "bare", Status: directory.StatusPlanned})
	wholes := 0
	for _, o := range offers {
		got, err := decodeGapKey(offerGapKey(o))
		if err != nil {
			t.Fatal(err)
		}
		if want := gapFields(o); !reflect.DeepEqual(got, want) {
			t.Fatalf("offer %s: gapKey %q reads back as %+v, want %+v", o.ID, offerGapKey(o), got, want)
		}
		full, unfunded, _ := store.GapListing(o)
		if full || unfunded {
			if !gapWhole(o) || !strings.HasPrefix(offerGapKey(o), gapKeyWhole) {
				t.Errorf("offer %s is listed but would not come whole", o.ID)
			}
			wholes++
		}
	}
	if wholes == 0 {
		t.Fatal("no demo offer is listed: the test checks nothing")
	}
	for _, bad := range []string{"ACTIVE|COUNSELLING", "g1|" + strings.TrimPrefix(offerGapKey(offers[0]), gapKeyVersion)} {
		if _, err := decodeGapKey(bad); err == nil {
			t.Errorf("gapKey %q decoded without an error", bad)
		}
	}
}

// TestGapFactsOfOffersWithoutGapKey: offers written without a gapKey, or
// with one of another version (by another Lotse), give the same gap facts
// as with it.
func TestGapFactsOfOffersWithoutGapKey(t *testing.T) {
	s := openTestStore(t, nil)
	ctx := context.Background()
	if err := s.Import(ctx, demo.Demo()); err != nil {
		t.Fatal(err)
	}
	qs := []store.GapQuery{{Municipality: "Solingen", ChildcareRadiusKm: 1}, {Municipality: "Wuppertal", ChildcareRadiusKm: 3}}
	facts := func() []store.GapFacts {
		t.Helper()
		cfg, _ := testConfig()
		fresh, err := Open(ctx, cfg) // no kept gap base
		if err != nil {
			t.Fatal(err)
		}
		defer fresh.Close()
		var out []store.GapFacts
		for _, q := range qs {
			f, err := fresh.GapFacts(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, f)
		}
		return out
	}
	want := facts()
	// Some offers lose their key, some have one of an older version.
	strip := &statement{name: "strip", text: `MATCH (o:Offer) WHERE o.id ENDS WITH '1' OR o.id ENDS WITH '4'
		SET o.gapKey = CASE WHEN o.id ENDS WITH '1' THEN null ELSE 'ACTIVE|COUNSELLING||de|1|2|FUNDED|false|' END
		RETURN count(o) AS n`}
	var stripped int64
	if err := s.write(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		rec, err := single(ctx, tx, strip, nil)
		stripped, _ = get(rec, "n").(int64)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if stripped == 0 {
		t.Fatal("no offer lost its gapKey: the test checks nothing")
	}
	if got := facts(); !reflect.DeepEqual(got, want) {
		t.Fatalf("with %d offers without a gapKey:\n%+v\nwith it:\n%+v", stripped, got, want)
	}
}
