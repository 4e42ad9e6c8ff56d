package readindex

import (
	"cmp"
	"context"
	"math/bits"
	"slices"
	"strings"
	"sync"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// index is the in-memory copy of the directory that the reads answer from:
// every offer with its filter fields in compact form, postings per provider,
// district, grid cell and folded word, the organisations and the districts.
// It is not safe for concurrent use; Store guards it with a lock.
type index struct {
	offers  []offerRec     // by ordinal; deleted ones have live == false
	rows    []row          // the offers' filter fields, by ordinal
	langIDs map[string]int // language → its bit in row.langs
	free    []uint32       // ordinals of deleted offers, for reuse
	byID    map[string]uint32
	live    int
	byProv  map[string][]uint32
	byDist  map[string][]uint32
	byCell  map[int64][]uint32
	words   map[string]*word
	vocab   []*word // every word ever seen, for the substring scan
	// byOrder holds the live ordinals in the orders that do not depend on
	// the query (TITLE, UPDATED_AT, FREE_PLACES), kept sorted on every write.
	byOrder map[store.OfferOrder][]uint32

	// The term caches and sortedDs are filled by reads, which hold only the
	// read lock.
	cacheMu  sync.Mutex
	termMem  map[string][]*word // term → the words containing it
	termGen  int                // len(vocab) when termMem was filled
	termBits map[string]bitmap  // term → its offers; emptied by every offer write

	strs map[string]string // interned strings: ids, schedules and contacts that repeat

	orgs      map[string]directory.Organisation
	districts map[string]directory.District
	sortedDs  []directory.District // by municipality, name, id; nil = to sort again
}

// word is one distinct folded word of the offers' titles and descriptions
// and the offers that hold it.
type word struct {
	text   string
	offers []uint32
}

func newIndex() *index {
	return &index{
		byID: map[string]uint32{}, byProv: map[string][]uint32{}, byDist: map[string][]uint32{},
		byCell: map[int64][]uint32{}, words: map[string]*word{}, termMem: map[string][]*word{},
		termBits: map[string]bitmap{}, byOrder: map[store.OfferOrder][]uint32{},
		strs: map[string]string{}, langIDs: map[string]int{},
		orgs: map[string]directory.Organisation{}, districts: map[string]directory.District{},
	}
}

// loadPage is how many offers or organisations one read of the build asks for.
const loadPage = 2000

// load reads the directory of st into a new index, a page of records at a
// time (store.Directory.OffersAfter), so that the build holds the index and
// one page, never the whole directory twice. The pages are not one
// consistent state: the caller read the change log's version before, and
// catching up from it reads again whatever changed meanwhile.
func load(ctx context.Context, st store.Store) (*index, error) {
	ix := newIndex()
	ds, err := st.Districts(ctx, "")
	if err != nil {
		return nil, err
	}
	for _, d := range ds {
		ix.putDistrict(d)
	}
	if err := inPages(ctx, st.OrganisationsAfter, func(o directory.Organisation) string { return o.ID }, ix.putOrganisation); err != nil {
		return nil, err
	}
	if c, err := st.Counts(ctx); err == nil {
		// Room for all at once: growing by doubling would hold two copies.
		ix.offers = make([]offerRec, 0, c.Offers)
		ix.rows = make([]row, 0, c.Offers)
	}
	if err := inPages(ctx, st.OffersAfter, func(o directory.Offer) string { return o.ID }, func(o directory.Offer) { ix.insertOffer(o) }); err != nil {
		return nil, err
	}
	for _, w := range ix.vocab {
		w.offers = slices.Clip(slices.Clone(w.offers)) // no growth slack: postings are most of the index
	}
	for _, o := range presorted {
		l := make([]uint32, 0, ix.live)
		for ord := range ix.offers {
			l = append(l, uint32(ord))
		}
		slices.SortFunc(l, ix.compareOrds(o))
		ix.byOrder[o] = l
	}
	return ix, nil
}

// inPages calls put for every record that page returns, page after page by id.
func inPages[T any](ctx context.Context, page func(ctx context.Context, after string, limit int) ([]T, error), id func(T) string, put func(T)) error {
	after := ""
	for {
		l, err := page(ctx, after, loadPage)
		if err != nil {
			return err
		}
		for _, r := range l {
			put(r)
		}
		if len(l) < loadPage {
			return nil
		}
		after = id(l[len(l)-1])
	}
}

// presorted are the orders kept sorted: the others depend on the query.
var presorted = []store.OfferOrder{store.OrderTitle, store.OrderUpdated, store.OrderFreePlaces}

// sorted returns the live ordinals in order o, nil for DISTANCE.
func (ix *index) sorted(o store.OfferOrder) []uint32 {
	if o == "" {
		o = store.OrderTitle
	}
	return ix.byOrder[o]
}

func (ix *index) compareOrds(o store.OfferOrder) func(a, b uint32) int {
	c := ix.order(o)
	return func(a, b uint32) int { return c(hit{ord: a}, hit{ord: b}) }
}

// position is where ord stands (or would stand) in the sorted list l of order o.
func (ix *index) position(o store.OfferOrder, l []uint32, ord uint32) int {
	c := ix.compareOrds(o)
	i, _ := slices.BinarySearchFunc(l, ord, c)
	return i
}

// putOffer inserts o or replaces the offer with its id, keeping the orders sorted.
func (ix *index) putOffer(o directory.Offer) {
	ix.removeOffer(o.ID)
	ord := ix.insertOffer(o)
	for _, by := range presorted {
		l := ix.byOrder[by]
		ix.byOrder[by] = slices.Insert(l, ix.position(by, l, ord), ord)
	}
}

func (ix *index) putDistrict(d directory.District) {
	ix.districts[d.ID] = d
	ix.sortedDs = nil
}

// putOrganisation inserts or replaces o; its offers learn its visibility.
func (ix *index) putOrganisation(o directory.Organisation) {
	ix.orgs[o.ID] = o
	ix.markProvider(o.ID, o.Visibility == directory.VisibilityProfessional)
}

func (ix *index) removeOrganisation(id string) {
	delete(ix.orgs, id)
	ix.markProvider(id, false)
}

func (ix *index) markProvider(id string, professional bool) {
	for _, ord := range ix.byProv[id] {
		if professional {
			ix.rows[ord].flags |= rowOrgProfessional
		} else {
			ix.rows[ord].flags &^= rowOrgProfessional
		}
	}
}

func (ix *index) removeDistrict(id string) {
	delete(ix.districts, id)
	ix.sortedDs = nil
}

// districtsSorted returns every district by municipality, name, then id.
func (ix *index) districtsSorted() []directory.District {
	ix.cacheMu.Lock()
	defer ix.cacheMu.Unlock()
	if ix.sortedDs == nil {
		ds := make([]directory.District, 0, len(ix.districts))
		for _, d := range ix.districts {
			ds = append(ds, d)
		}
		slices.SortFunc(ds, func(a, b directory.District) int {
			return cmp.Or(strings.Compare(a.Municipality, b.Municipality), strings.Compare(a.Name, b.Name), strings.Compare(a.ID, b.ID))
		})
		ix.sortedDs = ds
	}
	return ix.sortedDs
}

// insertOffer adds o, not yet indexed, to every posting but the orders.
func (ix *index) insertOffer(o directory.Offer) uint32 {
	ix.dropTermBits()
	var ord uint32
	if n := len(ix.free); n > 0 {
		ord, ix.free = ix.free[n-1], ix.free[:n-1]
	} else {
		ord = uint32(len(ix.offers))
		ix.offers = append(ix.offers, offerRec{})
		ix.rows = append(ix.rows, row{})
	}
	r := offerRec{provider: ix.intern(o.ProviderID), district: ix.intern(o.DistrictID),
		schedule: ix.intern(o.Schedule), contact: ix.intern(o.Contact), updated: o.UpdatedAt, freeKey: -1}
	r.rest, r.idEnd, r.titleEnd = packOffer(&o)
	if o.FreePlaces != nil {
		r.freeKey = int64(*o.FreePlaces)
	}
	if o.Location != nil {
		c := cellOf(o.Location.Lat, o.Location.Lon)
		ix.byCell[c] = append(ix.byCell[c], ord)
	}
	for _, t := range uniqueWords(directory.Fold(o.Title + " " + o.Description)) {
		w := ix.words[t]
		if w == nil {
			w = &word{text: t}
			ix.words[t] = w
			ix.vocab = append(ix.vocab, w)
		}
		w.offers = append(w.offers, ord)
	}
	ix.byProv[r.provider] = append(ix.byProv[r.provider], ord)
	if r.district != "" {
		ix.byDist[r.district] = append(ix.byDist[r.district], ord)
	}
	ix.offers[ord] = r
	ix.rows[ord] = ix.rowOf(&o, ix.orgs[o.ProviderID].Visibility == directory.VisibilityProfessional)
	ix.byID[r.id()] = ord
	ix.live++
	return ord
}

func (ix *index) intern(s string) string {
	if v, ok := ix.strs[s]; ok {
		return v
	}
	ix.strs[s] = s
	return s
}

func internAs[T ~string](ix *index, s T) T { return T(ix.intern(string(s))) }

// removeOffer drops the offer with id, if indexed.
func (ix *index) removeOffer(id string) {
	ord, ok := ix.byID[id]
	if !ok {
		return
	}
	ix.dropTermBits()
	for _, by := range presorted {
		l := ix.byOrder[by]
		if i := ix.position(by, l, ord); i < len(l) && l[i] == ord {
			ix.byOrder[by] = slices.Delete(l, i, i+1)
		}
	}
	r, w := &ix.offers[ord], &ix.rows[ord]
	drop(ix.byProv, r.provider, ord)
	if r.district != "" {
		drop(ix.byDist, r.district, ord)
	}
	if w.flags&rowHasLoc != 0 {
		drop(ix.byCell, cellOf(w.lat, w.lon), ord)
	}
	for _, t := range uniqueWords(directory.Fold(r.title() + " " + r.offer().Description)) {
		// Emptied words stay in the vocabulary: the term cache stays valid.
		if w := ix.words[t]; w != nil {
			w.offers = without(w.offers, ord)
		}
	}
	*r = offerRec{}
	ix.rows[ord] = row{}
	delete(ix.byID, id)
	ix.free = append(ix.free, ord)
	ix.live--
}

func drop[K comparable](m map[K][]uint32, k K, ord uint32) {
	if l := without(m[k], ord); len(l) > 0 {
		m[k] = l
	} else {
		delete(m, k)
	}
}

// without removes ord from l (order is not kept).
func without(l []uint32, ord uint32) []uint32 {
	if i := slices.Index(l, ord); i >= 0 {
		l[i] = l[len(l)-1]
		return l[:len(l)-1]
	}
	return l
}

// uniqueWords splits folded text into its distinct words.
func uniqueWords(folded string) []string {
	ws := strings.Fields(folded)
	slices.Sort(ws)
	return slices.Compact(ws)
}

// termWords returns the words that contain term. A folded search term holds
// no space, so it occurs in a folded text exactly when it occurs inside one
// of the text's words: the union of those words' offers is exactly the set
// of offers whose folded title or description contains term, the store's
// text semantics (OfferFilter.Text).
func (ix *index) termWords(term string) []*word {
	ix.cacheMu.Lock()
	defer ix.cacheMu.Unlock()
	if ix.termGen != len(ix.vocab) {
		clear(ix.termMem)
		ix.termGen = len(ix.vocab)
	}
	if ws, ok := ix.termMem[term]; ok {
		return ws
	}
	var ws []*word
	for _, w := range ix.vocab {
		if strings.Contains(w.text, term) {
			ws = append(ws, w)
		}
	}
	if len(ix.termMem) > 4096 {
		clear(ix.termMem) // bounded: a crawler's random terms must not grow it
	}
	ix.termMem[term] = ws
	return ws
}

// bitmap is a set of ordinals.
type bitmap []uint64

func newBitmap(n int) bitmap       { return make(bitmap, (n+63)/64) }
func (b bitmap) set(i uint32)      { b[i/64] |= 1 << (i % 64) }
func (b bitmap) has(i uint32) bool { return b[i/64]&(1<<(i%64)) != 0 }
func (b bitmap) and(c bitmap) {
	for i := range b {
		b[i] &= c[i]
	}
}
func (b bitmap) count() (n int) {
	for _, w := range b {
		n += bits.OnesCount64(w)
	}
	return n
}

// textMatches is the set of offers whose folded title or description
// contains every term. It may be a cached bitmap: read only.
func (ix *index) textMatches(terms []string) bitmap {
	var all bitmap
	for i, t := range terms {
		b := ix.termBitmap(t)
		switch i {
		case 0:
			all = b
		case 1:
			all = slices.Clone(all)
			fallthrough
		default:
			all.and(b)
		}
	}
	return all
}

// termBitmap is the set of offers holding term, from the cache when an
// earlier search asked for it since the last write. A short term is in
// most words; the cache spares repeating the union of their postings.
func (ix *index) termBitmap(term string) bitmap {
	ix.cacheMu.Lock()
	b, ok := ix.termBits[term]
	ix.cacheMu.Unlock()
	if ok {
		return b
	}
	b = newBitmap(len(ix.offers))
	for _, w := range ix.termWords(term) {
		for _, ord := range w.offers {
			b.set(ord)
		}
	}
	ix.cacheMu.Lock()
	if len(ix.termBits) >= 64 {
		clear(ix.termBits)
	}
	ix.termBits[term] = b
	ix.cacheMu.Unlock()
	return b
}

// dropTermBits empties the term bitmaps: an offer changed.
func (ix *index) dropTermBits() {
	ix.cacheMu.Lock()
	clear(ix.termBits)
	ix.cacheMu.Unlock()
}

// mask sets bit i for every value at position i of vocab (as the SQLite
// backend's masks do: values outside the vocabulary set nothing).
func mask[T comparable](vocab, values []T) uint64 {
	var m uint64
	for _, v := range values {
		if i := slices.Index(vocab, v); i >= 0 {
			m |= 1 << i
		}
	}
	return m
}

// gridPerDegree: grid cells of 1/20 degree, numbered row × 10000 + column.
const gridPerDegree = 20

func gridRow(lat float64) int64     { return int64((lat + 90) * gridPerDegree) }
func gridCol(lon float64) int64     { return int64((lon + 180) * gridPerDegree) }
func cellOf(lat, lon float64) int64 { return gridRow(lat)*10000 + gridCol(lon) }
