package readindex

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"strings"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// query is an OfferFilter prepared for checking many offers: masks, sets and
// the text matches computed once.
type query struct {
	f                       store.OfferFilter
	needs, groups, circuits uint64
	districts, providers    set
	categories, statuses    uint64 // codeMask of the list filters (0: no filter)
	costs                   uint64
	langs                   [2]uint64 // the languages' bits (row.langs)
	muniDistricts           set       // nil: no municipality filter
	text                    bitmap
	near                    bool
	lat, lon, radius        float64
	inLat, inLon            float64 // half-widths of a box wholly inside the radius (innerBox)
	cosLat                  float64 // directory.LatCos(lat)
	minLat, maxLat          float64
	minLon, maxLon          float64
}

// set is a small set of strings; nil does not filter.
type set map[string]struct{}

func setOf(l []string) set {
	if len(l) == 0 {
		return nil
	}
	s := make(set, len(l))
	for _, v := range l {
		s[v] = struct{}{}
	}
	return s
}

func (s set) has(v string) bool { _, ok := s[v]; return ok }

func (ix *index) prepare(f store.OfferFilter) *query {
	q := &query{
		f:         f,
		needs:     mask(directory.NeedAreas, f.Needs),
		groups:    mask(directory.TargetGroups, f.TargetGroups),
		circuits:  mask(directory.LegalCircuits, f.LegalCircuits),
		districts: setOf(f.DistrictIDs), providers: setOf(f.OrganisationIDs),
	}
	if q.groups != 0 {
		q.groups |= mask(directory.TargetGroups, []directory.TargetGroup{directory.GroupAll})
	}
	// A list filter with values outside the vocabulary still filters:
	// bit 0 stands for them, and matches only offers whose value is outside too.
	q.categories, _ = codeMask(directory.OfferCategories, f.Categories)
	q.statuses, _ = codeMask(directory.OfferStatuses, f.Status)
	q.costs, _ = codeMask(directory.Costs, f.Cost)
	for _, l := range f.Languages {
		if id, ok := ix.langIDs[l]; ok {
			q.langs[id/64] |= 1 << (id % 64)
		}
	}
	if f.Municipality != "" {
		q.muniDistricts = set{}
		for id, d := range ix.districts {
			if d.Municipality == f.Municipality {
				q.muniDistricts[id] = struct{}{}
			}
		}
	}
	if terms := directory.SearchTerms(f.Text); len(terms) > 0 {
		q.text = ix.textMatches(terms)
	}
	if n := f.Near; n != nil {
		// The same box as the stores' (antimeridian: latitude only).
		q.near, q.lat, q.lon, q.radius = true, n.Lat, n.Lon, n.RadiusKm
		q.minLat, q.maxLat, q.minLon, q.maxLon = directory.BoundingBox(directory.GeoPoint{Lat: n.Lat, Lon: n.Lon}, n.RadiusKm)
		if q.minLon < -180 || q.maxLon > 180 {
			q.minLon, q.maxLon = -180, 180
		}
		q.minLat, q.maxLat = max(q.minLat, -90), min(q.maxLat, 90)
		q.inLat, q.inLon = innerBox(n.Lat, n.RadiusKm)
		q.cosLat = directory.LatCos(n.Lat)
	}
	return q
}

// matches checks every filter but the radius itself (see distance), on
// the offer's row and, only for what the row cannot tell, its record.
func (q *query) matches(ix *index, ord uint32) bool {
	w := &ix.rows[ord]
	f := &q.f
	switch {
	case w.flags&rowLive == 0,
		q.near && !(w.flags&rowHasLoc != 0 && w.lat >= q.minLat && w.lat <= q.maxLat && w.lon >= q.minLon && w.lon <= q.maxLon),
		q.needs != 0 && uint64(w.needs)&q.needs == 0,
		q.groups != 0 && uint64(w.groups)&q.groups == 0,
		f.Childcare != nil && (w.flags&rowChildcare != 0) != *f.Childcare,
		f.FreePlacesOnly && w.flags&rowFreePlaces == 0,
		q.circuits != 0 && w.circuits != 0 && uint64(w.circuits)&q.circuits == 0,
		f.Age != nil && (w.flags&rowHasAgeMin != 0 && int(w.ageMin) > *f.Age || w.flags&rowHasAgeMax != 0 && int(w.ageMax) < *f.Age),
		q.text != nil && !q.text.has(ord):
		return false
	}
	r := &ix.offers[ord]
	// A value outside the row's vocabulary (code 0) is compared on the
	// unpacked offer: rare, validated offers have none.
	switch {
	case q.categories != 0 && !codeIn(q.categories, w.category) && !(w.category == 0 && slices.Contains(f.Categories, r.offer().Category)),
		q.statuses != 0 && !codeIn(q.statuses, w.status) && !(w.status == 0 && slices.Contains(f.Status, r.offer().Status)),
		q.costs != 0 && !codeIn(q.costs, w.cost) && !(w.cost == 0 && slices.Contains(f.Cost, r.offer().Cost)),
		len(f.Languages) > 0 && w.langs[0]&q.langs[0] == 0 && w.langs[1]&q.langs[1] == 0 &&
			(w.flags&rowLangOther == 0 || !anyIn(r.offer().Languages, f.Languages)),
		q.districts != nil && !q.districts.has(r.district),
		q.providers != nil && !q.providers.has(r.provider),
		q.muniDistricts != nil && !q.muniDistricts.has(r.district):
		return false
	}
	// A restricted reader sees no PROFESSIONAL offer, no offer of a
	// PROFESSIONAL organisation, and finds no confidential place by radius,
	// except the own organisation's.
	return !f.Restricted ||
		w.flags&(rowProfessional|rowOrgProfessional) == 0 && (!q.near || w.flags&rowConfidential == 0) ||
		r.provider == f.OwnOrganisation
}

// codeIn says whether a list filter's mask holds an offer's code; code 0
// (a value outside the vocabulary) never does: the caller compares the value.
func codeIn(mask uint64, c uint8) bool { return c != 0 && mask&(1<<c) != 0 }

func anyIn(have, want []string) bool {
	for _, w := range want {
		if slices.Contains(have, w) {
			return true
		}
	}
	return false
}

// maxGridCells bounds the cells a radius search visits; a wider radius
// scans instead (it would hold most offers anyway).
const maxGridCells = 4096

// candidates returns the ordinals to check: the shortest of the postings
// the filter allows (providers, districts, municipality, grid cells, text),
// or every ordinal. Postings of one kind are disjoint, so no ordinal repeats.
func (ix *index) candidates(q *query) func(yield func(uint32) bool) {
	best, bestN := func(yield func(uint32) bool) {
		for i := range ix.offers {
			if !yield(uint32(i)) {
				return
			}
		}
	}, len(ix.offers)
	consider := func(lists [][]uint32) {
		n := 0
		for _, l := range lists {
			n += len(l)
		}
		if n < bestN {
			bestN = n
			best = func(yield func(uint32) bool) {
				for _, l := range lists {
					for _, ord := range l {
						if !yield(ord) {
							return
						}
					}
				}
			}
		}
	}
	if q.providers != nil {
		consider(postings(ix.byProv, q.providers))
	}
	if q.districts != nil {
		consider(postings(ix.byDist, q.districts))
	}
	if q.muniDistricts != nil {
		consider(postings(ix.byDist, q.muniDistricts))
	}
	if q.near {
		r0, r1, c0, c1 := gridRow(q.minLat), gridRow(q.maxLat), gridCol(q.minLon), gridCol(q.maxLon)
		if (r1-r0+1)*(c1-c0+1) <= maxGridCells {
			var lists [][]uint32
			for r := r0; r <= r1; r++ {
				for c := c0; c <= c1; c++ {
					if l := ix.byCell[r*10000+c]; len(l) > 0 {
						lists = append(lists, l)
					}
				}
			}
			consider(lists)
		}
	}
	if q.text != nil {
		if n := q.text.count(); n < bestN {
			text := q.text
			bestN, best = n, func(yield func(uint32) bool) {
				for i, w := range text {
					for w != 0 {
						b := uint32(i*64 + bits.TrailingZeros64(w))
						if !yield(b) {
							return
						}
						w &= w - 1
					}
				}
			}
		}
	}
	return best
}

func postings(m map[string][]uint32, keys set) [][]uint32 {
	lists := make([][]uint32, 0, len(keys))
	for k := range keys {
		if l := m[k]; len(l) > 0 {
			lists = append(lists, l)
		}
	}
	return lists
}

// hit is a match: its ordinal and, for a radius search, its distance; a
// search ordered by distance keeps the haversine term in dist instead
// (directory.HaversineCos) until it has picked its page (pickNearest).
type hit struct {
	ord  uint32
	dist float64
}

// band brackets the haversine terms whose distance is a value t: every
// h ≤ lo is nearer than t and every h ≥ hi farther (directory.KmOfHaversine
// never falls as h grows); in between, only the exact distance decides.
// Both ends are checked with KmOfHaversine itself, so a band is never
// wrong, only at worst as wide as everything (lo -1, hi +Inf).
type band struct{ lo, hi float64 }

func bandAt(t float64) band {
	half := min(max(t/directory.EarthRadiusKm/2, 0), math.Pi/2) // d = 2R asin(√h)
	h := math.Sin(half) * math.Sin(half)
	b := band{lo: h * (1 - 1e-9), hi: h*(1+1e-9) + 1e-300}
	if !(directory.KmOfHaversine(b.lo) < t) {
		b.lo = -1
	}
	if !(directory.KmOfHaversine(b.hi) > t) {
		b.hi = math.Inf(1)
	}
	return b
}

// side is -1 if the distance of h is surely below the band's value, +1 if
// surely above, 0 if only the exact distance can tell.
func (b band) side(h float64) int {
	switch {
	case h <= b.lo:
		return -1
	case h >= b.hi:
		return 1
	}
	return 0
}

// inside says whether the offer of row r lies in the query's inner box,
// and so within the radius without computing its distance.
func (q *query) inside(r *row) bool {
	return math.Abs(r.lat-q.lat) <= q.inLat && math.Abs(r.lon-q.lon) <= q.inLon
}

// innerBox returns the half-widths in degrees of a box around a centre at
// latitude lat that lies wholly within radiusKm of it, with a margin: every
// point in it is inside the radius however directory.DistanceKm rounds. A
// radius search that is not ordered by distance needs no distance for the
// offers in it (a 1,000 km search holds all of NRW). From the haversine
// h = sin²(Δφ/2) + cos φ₁ cos φ₂ sin²(Δλ/2), which grows with the distance:
// with |Δφ| ≤ a and |Δλ| ≤ b, h ≤ sin²(a/2) + cos φ₁ · max cos φ₂ · sin²(b/2),
// and each term is kept below half of 99 % of the radius's h.
func innerBox(lat, radiusKm float64) (dLat, dLon float64) {
	const rad = math.Pi / 180
	half := radiusKm / directory.EarthRadiusKm / 2 // d = 2R asin(√h)
	if half >= math.Pi/2 {
		return 360, 360 // the whole earth
	}
	if half <= 0 {
		return -1, -1 // none
	}
	part := 0.99 * math.Sin(half) * math.Sin(half) / 2
	a := 2 * math.Asin(math.Sqrt(part))
	lo, hi := max(lat*rad-a, -math.Pi/2), min(lat*rad+a, math.Pi/2)
	cosMax := 1.0 // the largest cos φ₂ in the box: at the latitude nearest the equator
	if lo > 0 {
		cosMax = math.Cos(lo)
	} else if hi < 0 {
		cosMax = math.Cos(hi)
	}
	c := math.Cos(lat*rad) * cosMax
	if c <= part {
		return a / rad, 360 // every longitude
	}
	return a / rad, 2 * math.Asin(math.Sqrt(part/c)) / rad
}

func (q *query) distance(r *row) float64 {
	return directory.DistanceKmCos(directory.GeoPoint{Lat: q.lat, Lon: q.lon}, directory.GeoPoint{Lat: r.lat, Lon: r.lon}, q.cosLat, r.cosLat)
}

func (q *query) haversine(r *row) float64 {
	return directory.HaversineCos(directory.GeoPoint{Lat: q.lat, Lon: q.lon}, directory.GeoPoint{Lat: r.lat, Lon: r.lon}, q.cosLat, r.cosLat)
}

// sparseShare: a search whose matches are fewer than one in sparseShare of
// the offers collects and orders its matches; a denser one walks the
// presorted order of all offers and picks the page from it, so that a
// search matching everything costs one check per offer and no sort.
const sparseShare = 16

// search answers q as the stores do (store.OfferQuery): the same matches,
// the same order with ties broken by id, the same keyset window (see
// store.Window), count and page flags, and the same cursors.
func (ix *index) search(sq store.OfferQuery) (store.OfferPage, error) {
	w, err := sq.Page.Window(store.OfferOrdering(sq.Order, sq.Filter.Near))
	if err != nil {
		return store.OfferPage{}, err
	}
	q := ix.prepare(sq.Filter)
	cut := w.After != nil || w.Before != nil
	after, before := ix.keyCompare(sq.Order, w.Ordering, w.After), ix.keyCompare(sq.Order, w.Ordering, w.Before)
	sorted := ix.sorted(sq.Order)
	keep := len(ix.offers) // collect every match unless a presorted order can take over
	if sorted != nil {
		keep = ix.live / sparseShare
	}
	// Distances are computed only where they are needed: to decide an offer
	// outside the inner box, and, ordered by distance, where the haversine
	// term alone cannot decide the radius, a cursor or the page (bands).
	byDistance := sq.Order == store.OrderDistance && q.near
	inRadius := bandAt(q.radius)
	if byDistance {
		after, before = byTerm(after, w.After), byTerm(before, w.Before)
	}
	matched := newBitmap(len(ix.offers))
	var hits []hit
	var edges store.Edges
	inWindow := 0
	for ord := range ix.candidates(q) {
		if !q.matches(ix, ord) {
			continue
		}
		h := hit{ord: ord}
		if w := &ix.rows[ord]; byDistance {
			h.dist = q.haversine(w)
			if s := inRadius.side(h.dist); s > 0 || s == 0 && !(directory.KmOfHaversine(h.dist) <= q.radius) {
				continue
			}
		} else if q.near && !q.inside(w) {
			if h.dist = q.distance(w); !(h.dist <= q.radius) {
				continue
			}
		}
		edges.Total++
		if cut {
			// Outside the window's cursors: counted, and it sets the page flags.
			upTo, from := w.After != nil && after(h) <= 0, w.Before != nil && before(h) >= 0
			if upTo || from {
				edges.UpToAfter, edges.FromBefore = edges.UpToAfter || upTo, edges.FromBefore || from
				continue
			}
		}
		matched.set(ord)
		if inWindow++; inWindow <= keep {
			hits = append(hits, h)
		}
	}
	var rows []hit // in the direction of reading, as store.FinishPage takes them
	if byDistance {
		rows = pickNearest(hits, w, ix.order(sq.Order))
	} else if inWindow <= keep {
		rows = pickSparse(hits, w, ix.order(sq.Order))
	} else {
		rows = pickDense(sorted, matched, w)
	}
	out := make([]store.OfferHit, len(rows))
	for i, h := range rows {
		out[i] = store.OfferHit{Offer: ix.offers[h.ord].offer()}
		if q.near {
			d := q.distance(&ix.rows[h.ord]) // a dense pick carries no distance
			out[i].DistanceKm = &d
		}
	}
	page := store.OfferPage{}
	page.Hits, page.PageInfo = store.FinishPage(w, out, edges, func(h store.OfferHit) store.Key { return store.OfferKey(sq.Order, h) })
	return page, nil
}

// pickSparse takes the window's rows from its matches: the first w.Fetch()
// in order, or reading backward the last ones, nearest the end first.
func pickSparse(hits []hit, w store.Window, compare func(a, b hit) int) []hit {
	n := min(len(hits), w.Fetch())
	if n == 0 {
		return nil
	}
	if w.Backward {
		return topK(hits, n, func(a, b hit) int { return compare(b, a) })[:n]
	}
	return topK(hits, n, compare)[:n]
}

// pickNearest is pickSparse for an order by distance whose hits carry
// their haversine terms in dist: it takes the w.Fetch() first (or last) by
// the term, and computes the distance only of those and of every hit whose
// term lies in the band of the last one's distance (two terms may give the
// same distance, which the id then orders), so that a page of 20 out of
// 150,000 hits costs 20-odd arc sines. Since directory.DistanceKmCos is
// KmOfHaversine of HaversineCos, the distances are the very same.
func pickNearest(hits []hit, w store.Window, compare func(a, b hit) int) []hit {
	n := min(len(hits), w.Fetch())
	if n == 0 {
		return nil
	}
	if n*8 < len(hits) {
		byHav := func(a, b hit) int { return cmp.Compare(a.dist, b.dist) }
		if w.Backward {
			byHav = func(a, b hit) int { return cmp.Compare(b.dist, a.dist) }
		}
		last := topK(hits, n, byHav)[n-1].dist
		b, sure := bandAt(directory.KmOfHaversine(last)), 1 // farther than the last one's distance
		if w.Backward {
			sure = -1
		}
		var near []hit
		for _, h := range hits {
			if b.side(h.dist) != sure {
				near = append(near, h)
			}
		}
		hits = near
	}
	for i := range hits {
		hits[i].dist = directory.KmOfHaversine(hits[i].dist)
	}
	return pickSparse(hits, w, compare)
}

// byTerm is the comparison c with the cursor k for hits that carry their
// haversine term in dist: by the term outside the band of the cursor's
// distance, by the distance inside it. A cursor of another kind
// (store.Ordering.Compare decides it) has a band that decides nothing.
func byTerm(c func(hit) int, k *store.Key) func(hit) int {
	if c == nil {
		return nil
	}
	b := band{lo: -1, hi: math.Inf(1)}
	if d, ok := k.Sort.(float64); ok {
		b = bandAt(d)
	}
	return func(h hit) int {
		if s := b.side(h.dist); s != 0 {
			return s
		}
		h.dist = directory.KmOfHaversine(h.dist)
		return c(h)
	}
}

// pickDense takes the window's rows by walking the presorted order (from
// its end when reading backward).
func pickDense(sorted []uint32, matched bitmap, w store.Window) []hit {
	var rows []hit
	for i := range sorted {
		if len(rows) == w.Fetch() {
			break
		}
		ord := sorted[i]
		if w.Backward {
			ord = sorted[len(sorted)-1-i]
		}
		if matched.has(ord) {
			rows = append(rows, hit{ord: ord})
		}
	}
	return rows
}

// order returns the comparison of an order; every one ends with the id.
// The key of FREE_PLACES is the number of free places, unknown as -1 (last).
func (ix *index) order(o store.OfferOrder) func(a, b hit) int {
	rec := func(h hit) *offerRec { return &ix.offers[h.ord] }
	id := func(a, b hit) int { return strings.Compare(rec(a).id(), rec(b).id()) }
	switch o {
	case store.OrderDistance:
		return func(a, b hit) int { return orID(cmp.Compare(a.dist, b.dist), a, b, id) }
	case store.OrderUpdated:
		return func(a, b hit) int {
			return orID(rec(b).updated.Compare(rec(a).updated), a, b, id)
		}
	case store.OrderFreePlaces:
		return func(a, b hit) int { return orID(cmp.Compare(rec(b).freeKey, rec(a).freeKey), a, b, id) }
	default:
		return func(a, b hit) int { return orID(strings.Compare(rec(a).title(), rec(b).title()), a, b, id) }
	}
}

// orID is c, or the ids' order when c is 0: unlike cmp.Or it compares
// the ids only for a tie, which in a heap of 100,000 hits is most of the cost.
func orID(c int, a, b hit, id func(a, b hit) int) int {
	if c != 0 {
		return c
	}
	return id(a, b)
}

// orKeyID is orID for a comparison with a cursor key.
func orKeyID(c int, h hit, id func(h hit) int) int {
	if c != 0 {
		return c
	}
	return id(h)
}

// topK orders the first k of hits by less (k ≤ len(hits)) and returns them:
// a full sort when k is a large part of hits, else a bounded heap, so that
// a page of 20 out of 100,000 matches costs one comparison per match.
func topK(hits []hit, k int, compare func(a, b hit) int) []hit {
	if k*8 >= len(hits) {
		slices.SortFunc(hits, compare)
		return hits[:k]
	}
	// h is a max-heap of the k best so far: h[0] is the worst of them.
	h := slices.Clone(hits[:k])
	less := func(i, j int) bool { return compare(h[i], h[j]) > 0 }
	down := func(i int) {
		for {
			l := 2*i + 1
			if l >= len(h) {
				return
			}
			if r := l + 1; r < len(h) && less(r, l) {
				l = r
			}
			if !less(l, i) {
				return
			}
			h[i], h[l] = h[l], h[i]
			i = l
		}
	}
	for i := k/2 - 1; i >= 0; i-- {
		down(i)
	}
	for _, x := range hits[k:] {
		if compare(x, h[0]) < 0 {
			h[0] = x
			down(0)
		}
	}
	slices.SortFunc(h, compare)
	return h
}

// keyCompare returns the comparison of a hit with the cursor key k in the
// ordering o of order, as o.Compare(store.OfferKey(order, hit), *k) gives it
// but without building each hit's key (a search past the first page compares
// every match with its cursors); nil k: never called.
func (ix *index) keyCompare(order store.OfferOrder, o store.Ordering, k *store.Key) func(hit) int {
	if k == nil {
		return nil
	}
	id := func(h hit) int { return strings.Compare(ix.offers[h.ord].id(), k.ID) }
	slow := func(h hit) int {
		d := h.dist
		return o.Compare(store.OfferKey(order, store.OfferHit{Offer: ix.offers[h.ord].offer(), DistanceKm: &d}), *k)
	}
	switch order {
	case store.OrderDistance:
		d, ok := k.Sort.(float64)
		if !ok {
			return slow
		}
		return func(h hit) int { return orKeyID(cmp.Compare(h.dist, d), h, id) }
	case store.OrderUpdated:
		text, ok := k.Sort.(string)
		t, err := store.ParseTime(text)
		if !ok || err != nil || store.TimeText(t) != text {
			return slow // a key that is not a stored time: compare as text
		}
		return func(h hit) int { return orKeyID(t.Compare(ix.offers[h.ord].updated), h, id) } // newest first
	case store.OrderFreePlaces:
		n, ok := k.Sort.(int64)
		if !ok {
			return slow
		}
		return func(h hit) int { return orKeyID(cmp.Compare(n, ix.offers[h.ord].freeKey), h, id) } // most first
	default:
		title, ok := k.Sort.(string)
		if !ok {
			return slow
		}
		return func(h hit) int { return orKeyID(strings.Compare(ix.offers[h.ord].title(), title), h, id) }
	}
}
