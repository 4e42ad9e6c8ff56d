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

// demoTestStore is the test store holding the demo network.
func demoTestStore(t *testing.T) *Store {
	t.Helper()
	s := openTestStore(t, nil)
	if err := s.Import(context.Background(), demo.Demo()); err != nil {
		t.Fatal(err)
	}
	return s
}

// firstGapFacts returns the gap facts of qs from a store opened anew, which
// keeps no gap base yet: each is read from gap_base, as in a first report.
func firstGapFacts(t *testing.T, qs ...store.GapQuery) []store.GapFacts {
	t.Helper()
	ctx := context.Background()
	cfg, _ := testConfig()
	fresh, err := Open(ctx, cfg)
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

// TestGapFactsOfOffersWithoutGapKey: offers written without a gapKey, or
// with one of another version (by another Lotse), give the same gap facts
// as with it.
func TestGapFactsOfOffersWithoutGapKey(t *testing.T) {
	s := demoTestStore(t)
	ctx := context.Background()
	qs := []store.GapQuery{{Municipality: "Solingen", ChildcareRadiusKm: 1}, {Municipality: "Wuppertal", ChildcareRadiusKm: 3}}
	want := firstGapFacts(t, qs...)
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
	if got := firstGapFacts(t, qs...); !reflect.DeepEqual(got, want) {
		t.Fatalf("with %d offers without a gapKey:\n%+v\nwith it:\n%+v", stripped, got, want)
	}
}

// TestGapWholeFields: gap_base's whole offers hold every property
// offer_upsert writes but the search and gap keys (a field left out would be
// missing from every listed offer of a first report).
func TestGapWholeFields(t *testing.T) {
	one := 1
	o := directory.Offer{ID: "o", ProviderID: "p", DistrictID: "d", Title: "t", Description: "x", CourseType: "c",
		Needs: []directory.NeedArea{"n"}, TargetGroups: []directory.TargetGroup{"g"}, Languages: []string{"de"},
		LegalCircuits: []directory.LegalCircuit{"l"}, Capacity: &one, FreePlaces: &one, Schedule: "s", AgeMin: &one,
		AgeMax: &one, Address: "a", Location: &directory.GeoPoint{Lat: 1, Lon: 2}, Contact: "c", Visibility: "v",
		ConfidentialAddress: true}
	props, _ := offerRow(o)["props"].(map[string]any)
	for k := range props {
		if k != "searchText" && k != "searchKeys" && k != "gapKey" && !slices.Contains(gapWholeFields, k) {
			t.Errorf("offer property %s is not among gapWholeFields", k)
		}
	}
}

// TestGapBaseWholeOffers: the listed offers a first report reads from
// gap_base, as lists of values, equal the same offers read by id.
func TestGapBaseWholeOffers(t *testing.T) {
	s := demoTestStore(t)
	ctx := context.Background()
	listed := 0
	for _, m := range []string{"Solingen", "Wuppertal"} {
		f := firstGapFacts(t, store.GapQuery{Municipality: m, ChildcareRadiusKm: 1})[0]
		got := slices.Concat(f.AlwaysFull, f.Unfunded)
		var ids []string
		for _, o := range got {
			ids = append(ids, o.ID)
		}
		var want []directory.Offer
		if err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
			var err error
			want, err = offersByID(ctx, tx, ids)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		slices.SortFunc(got, func(a, b directory.Offer) int { return strings.Compare(a.ID, b.ID) })
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: listed offers from gap_base\n%+v\nread by id\n%+v", m, got, want)
		}
		listed += len(got)
	}
	if listed == 0 {
		t.Fatal("no offer listed as always full or unfunded: the test checks nothing")
	}
}

// TestGapBaseInRecords: gap_base's lists come in records of gapBaseBatch
// (gapBaseWholeBatch); in records of a few each, the same facts.
func TestGapBaseInRecords(t *testing.T) {
	s := demoTestStore(t)
	ctx := context.Background()
	q := store.GapQuery{Municipality: "Solingen", ChildcareRadiusKm: 1}
	// The records of gap_base, and the keyed and whole offers in them.
	count := func() (recs, keyed, whole int) {
		t.Helper()
		if err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
			rs, err := run(ctx, tx, stGapBase, gapBaseParams("Solingen"))
			recs, keyed, whole = len(rs), 0, 0
			for _, r := range rs {
				k, _ := get(r, "keys").([]any)
				w, _ := get(r, "whole").([]any)
				keyed, whole = keyed+len(k), whole+len(w)
			}
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return recs, keyed, whole
	}
	want := firstGapFacts(t, q)
	_, wantKeyed, wantWhole := count()
	defer func(b, w int64) { gapBaseBatch, gapBaseWholeBatch = b, w }(gapBaseBatch, gapBaseWholeBatch)
	gapBaseBatch, gapBaseWholeBatch = 7, 3
	recs, keyed, whole := count()
	if recs < 2 || wantWhole < 4 || wantKeyed < 8 {
		t.Fatalf("%d records, %d keyed and %d whole offers: the test checks nothing", recs, wantKeyed, wantWhole)
	}
	if keyed != wantKeyed || whole != wantWhole {
		t.Errorf("in records of 7 and 3: %d keyed and %d whole offers, in one: %d and %d", keyed, whole, wantKeyed, wantWhole)
	}
	if got := firstGapFacts(t, q); !reflect.DeepEqual(got, want) {
		gv, wv := reflect.ValueOf(got[0]), reflect.ValueOf(want[0])
		for i := range gv.NumField() {
			if !reflect.DeepEqual(gv.Field(i).Interface(), wv.Field(i).Interface()) {
				t.Errorf("in records of 7 and 3, %s differs:\n%+v\nin one:\n%+v", gv.Type().Field(i).Name,
					gv.Field(i).Interface(), wv.Field(i).Interface())
			}
		}
	}
}
