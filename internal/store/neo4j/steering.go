package neo4j

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// maxNeighbourhoodDepth is the deepest Neighbourhood (the API's limit too);
// there is one statement per depth.
const maxNeighbourhoodDepth = 3

// RecordUnmetNeeds stores unmet needs; an unknown district is a *NotFound on
// "districtId", an id already recorded a *Conflict on "id".
func (s *Store) RecordUnmetNeeds(ctx context.Context, us []directory.UnmetNeed) error {
	if len(us) == 0 {
		return nil
	}
	ids := make([]string, len(us))
	for i, u := range us {
		ids[i] = u.ID
	}
	return s.write(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		recs, err := run(ctx, tx, stUnmetNeedsTaken, idsParam(ids))
		if err != nil {
			return err
		}
		if len(recs) > 0 {
			id, _ := get(recs[0], "id").(string)
			return &store.Conflict{Field: "id", Reason: fmt.Sprintf("an unmet need with id %q is recorded", id)}
		}
		return putUnmetNeeds(ctx, tx, us, "")
	})
}

// putUnmetNeeds upserts unmet needs; a missing district is a *NotFound on
// "districtId" (prefixed with path, e.g. "unmetNeeds[2]").
func putUnmetNeeds(ctx context.Context, tx neo4j.ManagedTransaction, us []directory.UnmetNeed, path string) error {
	rows := make([]any, len(us))
	index := make(map[string]int, len(us))
	for i, u := range us {
		rows[i] = unmetNeedRow(u)
		index[u.ID] = i
	}
	for _, chunk := range chunks(rows) {
		recs, err := run(ctx, tx, stUnmetNeedUpsert, rowsParam(chunk))
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			continue
		}
		id, _ := get(recs[0], "id").(string)
		field := "districtId"
		if path != "" {
			field = fmt.Sprintf("%s[%d].districtId", path, index[id])
		}
		return &store.NotFound{Field: field, Entity: "district", ID: us[index[id]].DistrictID}
	}
	return nil
}

func unmetNeedFilterParams(f store.UnmetNeedFilter) map[string]any {
	return map[string]any{
		"municipality": orNil(f.Municipality), "districtIds": listOrNil(f.DistrictIDs),
		"needs": listOrNil(f.Needs), "since": orNil(f.Since), "until": orNil(f.Until),
	}
}

func readUnmetNeedCounts(recs []*neo4j.Record) []store.UnmetNeedCount {
	out := make([]store.UnmetNeedCount, 0, len(recs))
	for _, rec := range recs {
		d, _ := get(rec, "districtId").(string)
		n, _ := get(rec, "need").(string)
		l, _ := get(rec, "language").(string)
		g, _ := get(rec, "targetGroup").(string)
		c, _ := get(rec, "occurrences").(int64)
		out = append(out, store.UnmetNeedCount{
			DistrictID: d, Need: directory.NeedArea(n), Language: l, TargetGroup: directory.TargetGroup(g), Count: int(c),
		})
	}
	return out
}

// UnmetNeedCounts counts unmet needs grouped by district, need, language and
// target group, in Neo4j.
func (s *Store) UnmetNeedCounts(ctx context.Context, f store.UnmetNeedFilter) ([]store.UnmetNeedCount, error) {
	var out []store.UnmetNeedCount
	err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		recs, err := run(ctx, tx, stUnmetNeedCounts, unmetNeedFilterParams(f))
		if err != nil {
			return err
		}
		out = readUnmetNeedCounts(recs)
		return nil
	})
	return out, err
}

// box is a latitude/longitude box: minLat, maxLat, minLon, maxLon.
type box [4]float64

// reachBox is the box of r for gap_childcare, within the range of
// latitudes and longitudes Neo4j's points take (Reach does not wrap
// longitudes, so nothing lies beyond them).
func reachBox(r *directory.Reach) box {
	minLat, maxLat, minLon, maxLon := r.Box()
	return box{max(minLat, -90), min(maxLat, 90), max(minLon, -180), min(maxLon, 180)}
}

func (b box) covers(o box) bool { return b[0] <= o[0] && b[1] >= o[1] && b[2] <= o[2] && b[3] >= o[3] }

func (b box) holds(p directory.GeoPoint) bool {
	return p.Lat >= b[0] && p.Lat <= b[1] && p.Lon >= b[2] && p.Lon <= b[3]
}

func boxParams(r *directory.Reach) map[string]any {
	b := reachBox(r)
	return map[string]any{"minLat": b[0], "maxLat": b[1], "minLon": b[2], "maxLon": b[3]}
}

// GapFacts gathers what the gap rules read in one read transaction. The
// directory's part is kept from an earlier call while the directory's
// stamp stands (store.GapMemo): every write of districts, organisations or
// offers, by any replica, numbers a change in its own transaction. After
// a change it is folded anew from the municipality's gap base, in which
// only the changed offers are read again (gapBase). Unmet needs are
// recorded outside the change log and read every time.
func (s *Store) GapFacts(ctx context.Context, q store.GapQuery) (store.GapFacts, error) {
	var facts store.GapFacts
	err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		at, err := readStamp(ctx, tx)
		if err != nil {
			return err
		}
		// Without an epoch (no change yet) the stamp names no one state.
		f, ok := s.gaps.Get(q, at)
		if !ok || at.Epoch == "" {
			if f, err = s.directoryGapFacts(ctx, tx, q, at); err != nil {
				return err
			}
			if at.Epoch != "" {
				s.gaps.Put(q, at, f)
			}
		}
		recs, err := run(ctx, tx, stUnmetNeedCounts, unmetNeedFilterParams(store.UnmetNeedFilter{
			Municipality: q.Municipality, Needs: q.Needs,
		}))
		if err != nil {
			return err
		}
		f.UnmetNeeds = readUnmetNeedCounts(recs)
		facts = f
		return nil
	})
	return facts, err
}

func readStamp(ctx context.Context, tx neo4j.ManagedTransaction) (store.DirectoryStamp, error) {
	rec, err := single(ctx, tx, stDirectoryStamp, noParams())
	if err != nil {
		return store.DirectoryStamp{}, err
	}
	seq, _ := get(rec, "seq").(int64)
	epoch, _ := get(rec, "epoch").(string)
	return store.DirectoryStamp{Epoch: epoch, Version: seq}, nil
}

// directoryGapFacts folds the facts of q but the unmet needs from the
// municipality's gap base, brought up to at (or read anew), and keeps the
// base for the next change.
func (s *Store) directoryGapFacts(ctx context.Context, tx neo4j.ManagedTransaction, q store.GapQuery, at store.DirectoryStamp) (store.GapFacts, error) {
	b := s.bases.take(q.Municipality)
	if b == nil || !b.sameLog(at) {
		b = nil
	} else if ok, err := b.catchUp(ctx, tx, at); err != nil {
		return store.GapFacts{}, err
	} else if !ok {
		b = nil
	}
	if b == nil {
		var err error
		if b, err = readGapBase(ctx, tx, q.Municipality, at); err != nil {
			return store.GapFacts{}, err
		}
	}
	f, err := b.facts(ctx, tx, q)
	if err != nil {
		return store.GapFacts{}, err
	}
	if at.Epoch != "" {
		s.bases.put(q.Municipality, b)
	}
	return f, nil
}

// gapBase is what a municipality's gap facts are folded from: its
// districts, every offer of them with the fields the gap rules read (whole
// once listed), and the active childcare offers in the box read last; with
// the stamp it was brought up to. Reading it takes Dortmund's 9,027 offers
// about 27 ms (their gapKey, gapkey.go); after a change of a few offers only those
// are read again.
type gapBase struct {
	at           store.DirectoryStamp
	municipality string
	districts    []directory.District
	in           map[string]bool            // the districts' ids
	offers       map[string]directory.Offer // by id
	whole        map[string]bool            // the offers read whole
	childcare    map[string]directory.GeoPoint
	box          box  // where childcare was read
	read         bool // childcare was read
}

const (
	gapBaseEntries = 4
	gapBaseOffers  = 40_000 // all NRW (158,049 offers) is read anew each time
	gapBaseChanges = 200    // more changes since, or more offers changed: read anew
	gapBaseIDs     = 2_000
)

// gapBases keeps the gap bases of a few municipalities. A call takes its
// base out and puts it back when done, so no two calls change one base
// (a second call meanwhile reads its own).
type gapBases struct {
	mu      sync.Mutex
	entries []gapBaseEntry // the most recently used last
}

type gapBaseEntry struct {
	municipality string
	base         *gapBase
}

func (bs *gapBases) take(m string) *gapBase {
	bs.mu.Lock()
	defer bs.mu.Unlock()
	for i, e := range bs.entries {
		if e.municipality == m {
			bs.entries = slices.Delete(bs.entries, i, i+1)
			return e.base
		}
	}
	return nil
}

func (bs *gapBases) put(m string, b *gapBase) {
	if len(b.offers) > gapBaseOffers {
		return
	}
	bs.mu.Lock()
	defer bs.mu.Unlock()
	bs.entries = slices.DeleteFunc(bs.entries, func(e gapBaseEntry) bool {
		return e.municipality == m || e.base.at.Epoch != b.at.Epoch
	})
	bs.entries = append(bs.entries, gapBaseEntry{municipality: m, base: b})
	if len(bs.entries) > gapBaseEntries {
		bs.entries = bs.entries[1:]
	}
}

// sameLog says whether b can be brought up to at by the changes since.
func (b *gapBase) sameLog(at store.DirectoryStamp) bool {
	return at.Epoch != "" && b.at.Epoch == at.Epoch && b.at.Version <= at.Version
}

// readGapBase reads municipality m's gap base in tx.
func readGapBase(ctx context.Context, tx neo4j.ManagedTransaction, m string, at store.DirectoryStamp) (*gapBase, error) {
	b := &gapBase{at: at, municipality: m, whole: map[string]bool{}}
	var err error
	if b.districts, b.in, err = readGapDistricts(ctx, tx, m); err != nil {
		return nil, err
	}
	recs, err := run(ctx, tx, stGapBase, gapBaseParams(m))
	if err != nil {
		return nil, err
	}
	b.offers = make(map[string]directory.Offer, int(gapBaseBatch)*len(recs))
	for _, rec := range recs {
		if err := b.add(rec); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// add decodes one record of gap_base into b. An offer's whole may come in
// an earlier record than its key: the whole stays.
func (b *gapBase) add(rec *neo4j.Record) error {
	keys, _ := get(rec, "keys").([]any)
	rows, _ := get(rec, "rows").([]any)
	whole, _ := get(rec, "whole").([]any)
	keep := func(o directory.Offer, err error) error {
		if err == nil && !b.whole[o.ID] {
			b.offers[o.ID] = o
		}
		return err
	}
	for _, k := range keys {
		s, _ := k.(string)
		if err := keep(decodeGapKey(s)); err != nil {
			return err
		}
	}
	for _, r := range rows {
		if err := keep(decodeGapRow(r, gapRowFields)); err != nil {
			return err
		}
	}
	for _, w := range whole {
		o, err := decodeGapRow(w, gapWholeFields)
		if err != nil {
			return err
		}
		b.offers[o.ID], b.whole[o.ID] = o, true
	}
	return nil
}

// readGapDistricts reads municipality m's districts, and the set of their
// ids.
func readGapDistricts(ctx context.Context, tx neo4j.ManagedTransaction, m string) ([]directory.District, map[string]bool, error) {
	recs, err := run(ctx, tx, stDistricts, municipalityParam(m))
	if err != nil {
		return nil, nil, err
	}
	var ds []directory.District
	in := map[string]bool{}
	for _, rec := range recs {
		d := decodeDistrict(asRow(rec, "district"))
		ds = append(ds, d)
		in[d.ID] = true
	}
	return ds, in, nil
}

// gapRowFields name the values of gap_base's rows (offers without a
// current gapKey), gapWholeFields those of its whole offers (every field
// decodeOffer reads).
var (
	gapRowFields = []string{"id", "districtId", "location", "status", "category", "needs", "languages", "freePlaces",
		"capacity", "funding", "childcare"}
	gapWholeFields = []string{"id", "title", "description", "category", "courseType", "needs", "targetGroups",
		"languages", "legalCircuits", "childcare", "cost", "capacity", "freePlaces", "schedule", "ageMin", "ageMax",
		"funding", "status", "digital", "address", "location", "contact", "visibility", "confidentialAddress",
		"updatedAt", "districtId", "providerId"}
)

// decodeGapRow decodes one of gap_base's lists of the values of fields.
func decodeGapRow(v any, fields []string) (directory.Offer, error) {
	l, _ := v.([]any)
	if len(l) != len(fields) {
		return directory.Offer{}, fmt.Errorf("neo4j: statement %s: a row of %d values, want %d", stGapBase.name, len(l), len(fields))
	}
	r := make(row, len(l))
	for i, k := range fields {
		r[k] = l[i]
	}
	return decodeOffer(r)
}

// catchUp reads again the offers changed since b's stamp, up to at, and the
// districts if one changed; ok is false when b cannot be brought up so (a
// district joined or left the municipality, an import, or too many changes
// or a log pruned since): read it anew.
func (b *gapBase) catchUp(ctx context.Context, tx neo4j.ManagedTransaction, at store.DirectoryStamp) (bool, error) {
	if b.at == at {
		return true, nil
	}
	changes, ok, err := readChanges(ctx, tx, b.at.Version, gapBaseChanges+1)
	if err != nil || !ok || len(changes) > gapBaseChanges {
		return false, err
	}
	var ids []string
	districts := false
	for _, c := range changes {
		switch c.Kind {
		case store.ChangeOffers:
			ids = append(ids, c.IDs...)
		case store.ChangeDistricts:
			districts = true
		case store.ChangeOrganisations: // no field the rules read
		default: // an import
			return false, nil
		}
	}
	slices.Sort(ids)
	if ids = slices.Compact(ids); len(ids) > gapBaseIDs {
		return false, nil
	}
	if districts {
		if ok, err := b.rereadDistricts(ctx, tx); !ok || err != nil {
			return false, err
		}
	}
	if err := b.reread(ctx, tx, ids); err != nil {
		return false, err
	}
	b.at = at
	return true, nil
}

// rereadDistricts reads b's municipality's districts again; ok is false
// when a district joined or left it (its offers join or leave the base:
// read it anew). A district's own fields are no offer's, so the offers stay.
func (b *gapBase) rereadDistricts(ctx context.Context, tx neo4j.ManagedTransaction) (bool, error) {
	ds, in, err := readGapDistricts(ctx, tx, b.municipality)
	if err != nil || !maps.Equal(in, b.in) {
		return false, err
	}
	b.districts = ds
	return true, nil
}

// reread replaces the offers ids (and the childcare among them) with what
// tx reads of them now: gone when deleted or moved to another municipality.
func (b *gapBase) reread(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) error {
	os, err := offersByID(ctx, tx, ids)
	if err != nil {
		return err
	}
	for _, id := range ids {
		delete(b.offers, id)
		delete(b.whole, id)
		delete(b.childcare, id)
	}
	for _, o := range os {
		if b.in[o.DistrictID] {
			b.offers[o.ID], b.whole[o.ID] = o, true
		}
		if b.read && store.IsChildcareNearby(o) && b.box.holds(*o.Location) {
			b.childcare[o.ID] = *o.Location
		}
	}
	return nil
}

func offersByID(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) ([]directory.Offer, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	recs, err := run(ctx, tx, stOffersByID, idsParam(ids))
	if err != nil {
		return nil, err
	}
	return readOffers(recs)
}

// facts folds b into the facts of q but the unmet needs, reading the
// childcare around the courses and the listed offers whole when b lacks
// them.
func (b *gapBase) facts(ctx context.Context, tx neo4j.ManagedTransaction, q store.GapQuery) (store.GapFacts, error) {
	f := store.GapFacts{Districts: slices.Clone(b.districts)}
	if f.Districts == nil {
		f.Districts = []directory.District{}
	}
	// Offers are large: fold them in place, in map order, and sort only the
	// listed ones (Dortmund: 9,027 offers, about 1,200 listed).
	store.GapSupply(maps.Values(b.offers), q.Needs, &f)
	var full, unfunded []string
	var courses []*directory.Offer
	for _, o := range b.offers {
		fu, un, co := store.GapListing(o)
		if fu {
			full = append(full, o.ID)
		}
		if un {
			unfunded = append(unfunded, o.ID)
		}
		if co {
			courses = append(courses, &o)
		}
	}
	slices.Sort(full)
	slices.Sort(unfunded)
	slices.SortFunc(courses, func(x, y *directory.Offer) int { return strings.Compare(x.ID, y.ID) })
	lacking, err := b.withoutChildcare(ctx, tx, courses, q.ChildcareRadiusKm)
	if err != nil {
		return f, err
	}
	if err := b.readWhole(ctx, tx, slices.Concat(full, unfunded, lacking)); err != nil {
		return f, err
	}
	f.AlwaysFull, f.Unfunded, f.CoursesWithoutChildcare = b.wholeOf(full), b.wholeOf(unfunded), b.wholeOf(lacking)
	return f, nil
}

// withoutChildcare returns the ids of the courses with no active childcare
// offer within radiusKm (directory.DistanceKm, as on the embedded store), in
// their order; a course without a position has none. It reads the
// childcare in the courses' box unless b holds a box around it.
func (b *gapBase) withoutChildcare(ctx context.Context, tx neo4j.ManagedTransaction, courses []*directory.Offer, radiusKm float64) ([]string, error) {
	var at []directory.GeoPoint
	for _, c := range courses {
		if c.Location != nil {
			at = append(at, *c.Location)
		}
	}
	var near []bool
	if len(at) > 0 {
		reach := directory.NewReach(at, radiusKm)
		if want := reachBox(reach); !b.read || !b.box.covers(want) {
			if err := b.readChildcare(ctx, tx, reach); err != nil {
				return nil, err
			}
		}
		near = reach.AnyWithin(slices.Collect(maps.Values(b.childcare)))
	}
	ids := []string{}
	i := 0
	for _, c := range courses {
		if c.Location == nil {
			ids = append(ids, c.ID)
			continue
		}
		if !near[i] {
			ids = append(ids, c.ID)
		}
		i++
	}
	return ids, nil
}

// readChildcare reads the active childcare in reach's box into b.
func (b *gapBase) readChildcare(ctx context.Context, tx neo4j.ManagedTransaction, reach *directory.Reach) error {
	list, err := collected(ctx, tx, stGapChildcare, boxParams(reach), "positions")
	if err != nil {
		return err
	}
	b.childcare = make(map[string]directory.GeoPoint, len(list))
	for _, v := range list {
		p, _ := v.([]any)
		if len(p) != 3 {
			return fmt.Errorf("neo4j: statement %s: a position of %d values, want 3", stGapChildcare.name, len(p))
		}
		id, _ := p[0].(string)
		var g directory.GeoPoint
		g.Lat, _ = p[1].(float64)
		g.Lon, _ = p[2].(float64)
		b.childcare[id] = g
	}
	b.box, b.read = reachBox(reach), true
	return nil
}

// readWhole reads the offers ids that b holds only in part whole.
func (b *gapBase) readWhole(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) error {
	var missing []string
	for _, id := range ids {
		if !b.whole[id] {
			missing = append(missing, id)
		}
	}
	os, err := offersByID(ctx, tx, missing)
	if err != nil {
		return err
	}
	for _, o := range os {
		if b.in[o.DistrictID] {
			b.offers[o.ID], b.whole[o.ID] = o, true
		}
	}
	return nil
}

// wholeOf returns copies of the offers ids that b holds whole, in their
// order (else deleted or moved since: not in this transaction's view).
func (b *gapBase) wholeOf(ids []string) []directory.Offer {
	out := []directory.Offer{}
	for _, id := range ids {
		if b.whole[id] {
			out = append(out, b.offers[id].Clone())
		}
	}
	return out
}

// CooperationGraph returns the organisations of a municipality ("" = all)
// and the cooperations among them.
func (s *Store) CooperationGraph(ctx context.Context, municipality string) (store.Graph, error) {
	var g store.Graph
	err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		list, err := collected(ctx, tx, stOrganisationsOfMuni, municipalityParam(municipality), "organisations")
		if err != nil {
			return err
		}
		orgs := make([]directory.Organisation, len(list))
		for i, v := range list {
			if orgs[i], err = decodeOrganisation(row(asMap(v))); err != nil {
				return err
			}
		}
		slices.SortFunc(orgs, func(a, b directory.Organisation) int { return strings.Compare(a.ID, b.ID) })
		if municipality == "" { // every organisation: every cooperation
			g, err = graphAmong(ctx, tx, orgs, stCooperationsAll, noParams())
		} else {
			g, err = graphAmong(ctx, tx, orgs, stCooperationsAmong, idsParam(organisationIDs(orgs)))
		}
		return err
	})
	return g, err
}

func organisationIDs(orgs []directory.Organisation) []string {
	ids := make([]string, len(orgs))
	for i, o := range orgs {
		ids[i] = o.ID
	}
	return ids
}

// graphAmong completes a graph of organisations with the cooperations st
// (cooperations_among or cooperations_all) returns for params.
func graphAmong(ctx context.Context, tx neo4j.ManagedTransaction, orgs []directory.Organisation, st *statement, params map[string]any) (store.Graph, error) {
	list, err := collected(ctx, tx, st, params, "cooperations")
	if err != nil {
		return store.Graph{}, err
	}
	coops := make([]directory.Cooperation, len(list))
	for i, v := range list {
		c, _ := v.([]any)
		if len(c) != 4 {
			return store.Graph{}, fmt.Errorf("neo4j: statement %s: a cooperation of %d values, want 4", st.name, len(c))
		}
		a, _ := c[0].(string)
		b, _ := c[1].(string)
		since, _ := c[2].(string)
		coops[i] = directory.Cooperation{A: a, B: b, Since: since, Topics: anyStrings(c[3])}.Normalized()
	}
	slices.SortFunc(coops, func(x, y directory.Cooperation) int {
		return cmp.Or(strings.Compare(x.A, y.A), strings.Compare(x.B, y.B))
	})
	return store.Graph{Organisations: orgs, Cooperations: coops}, nil
}

// Neighbourhood returns the organisations within depth (1..3) cooperation
// hops of id (including it), by id, and the cooperations among them.
func (s *Store) Neighbourhood(ctx context.Context, id string, depth int) (store.Graph, error) {
	if depth < 1 || depth > maxNeighbourhoodDepth {
		// The contract says depth is valid; this guards the statement table.
		return store.Graph{}, fmt.Errorf("neo4j: neighbourhood depth %d outside 1..%d", depth, maxNeighbourhoodDepth)
	}
	var g store.Graph
	err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		recs, err := run(ctx, tx, stNeighbourhood[depth], idParam(id))
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return &store.NotFound{Entity: "organisation", ID: id}
		}
		orgs, err := readOrganisations(recs)
		if err != nil {
			return err
		}
		g, err = graphAmong(ctx, tx, orgs, stCooperationsAmong, idsParam(organisationIDs(orgs)))
		return err
	})
	return g, err
}
