// Package network analyses the cooperation network of a municipality
// (store.Graph): its size and density, its connected components, the
// organisations that cooperate with nobody, the brokers that connect the
// others, how often each pair of organisation kinds cooperates, and who has
// no path to the Jobcenter or the immigration office. It does no I/O.
//
// # Rules
//
// The graph is read undirected and unweighted. A cooperation counts once
// however often and in whichever direction it is listed; cooperations with an
// organisation outside the graph (another municipality) and cooperations of
// an organisation with itself are left out. An organisation listed twice
// counts once (the first listing wins).
//
//   - Density is 2E / (N(N−1)) for N organisations and E cooperations; 0 for N < 2.
//   - Components are the connected components, largest first (ties by their
//     smallest member id), each with its member ids sorted. An isolated
//     organisation is a component of its own.
//   - Isolated organisations have no cooperation (degree 0), sorted by name then id.
//   - Brokers are the organisations of highest betweenness centrality
//     (Brandes' algorithm), normalised to [0, 1] by 2/((N−1)(N−2)) for the
//     whole graph's N, so that the centre of a star is 1. Ties are broken by
//     id; organisations of betweenness 0 are never brokers. Options.TopBrokers
//     says how many (DefaultTopBrokers when 0 or less).
//   - Betweenness is exact while the work — organisations × 2·cooperations,
//     summed over components — stays within Options.ExactWork
//     (DefaultExactWork, 2·10⁸: every single municipality, and any network
//     of components of municipal size). Beyond it, the shortest paths are
//     counted from a share of the organisations only, every k-th in
//     breadth-first order of each component (a systematic sample, at least
//     64 per component), and scaled up (Brandes & Pich 2007);
//     Report.BetweennessExact is then false. On the connected NRW-scale
//     test network (15,000 organisations, 50,000 cooperations) that is about
//     2,100 sources; there the estimated top ten brokers were the exact top
//     ten, and the top twenty values were within 1.3 % of the exact ones.
//   - The kind matrix counts cooperations for each unordered pair of
//     organisation kinds {A, B} with A ≤ B in the order of
//     directory.OrganisationKinds; only pairs with at least one cooperation
//     are listed, in that order.
//   - NoPathToJobcenter lists organisations whose component holds no
//     JOBCENTER; NoPathToImmigrationOffice those whose component holds no
//     IMMIGRATION_OFFICE (an organisation of that kind has a path to
//     itself). Both sorted by name then id.
//
// # Speed
//
// Betweenness runs breadth-first searches from 64 sources at once
// (multi-source BFS over 64-bit masks) on a compact adjacency array, only
// within each source's component, on a pool of GOMAXPROCS workers. Batches
// are dealt to a fixed number of stripes, each summing into its own array,
// and the stripes are added in a fixed order, so that the result does not
// depend on the number of cores or on scheduling. Each worker keeps 1 KiB
// per organisation (path counts and dependencies of 64 sources). Exact
// betweenness costs O(N·E); BenchmarkAnalyseNRW and BenchmarkAnalyseNRWExact measure both
// paths at NRW scale.
package network

import (
	"cmp"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// DefaultTopBrokers is how many brokers a report lists unless told otherwise.
const DefaultTopBrokers = 10

// Options tunes Analyse.
type Options struct {
	TopBrokers int // ≤ 0: DefaultTopBrokers
	// ExactWork bounds the work of exact betweenness, counted as the sum over
	// components of organisations × 2·cooperations (one breadth-first search
	// per organisation). Beyond it, betweenness is estimated from evenly
	// spread sources. 0: DefaultExactWork; < 0: always exact.
	ExactWork int64
}

// DefaultExactWork keeps betweenness exact for any single municipality and
// the whole run of Analyse under a second on two cores at NRW scale.
const DefaultExactWork = 200_000_000

// Report is the analysis of one cooperation network.
type Report struct {
	Organisations int
	Cooperations  int
	Density       float64
	Components    []Component
	Isolated      []directory.Organisation
	Brokers       []Broker
	KindMatrix    []KindPair
	// NoPathToJobcenter and NoPathToImmigrationOffice are the organisations
	// from which no chain of cooperations leads to an organisation of that kind.
	NoPathToJobcenter         []directory.Organisation
	NoPathToImmigrationOffice []directory.Organisation
	// BetweennessExact is false when betweenness was estimated (see
	// Options.ExactWork); BetweennessSources is how many organisations the
	// shortest paths were counted from.
	BetweennessExact   bool
	BetweennessSources int
	// Betweenness is every organisation's normalised betweenness by id (the
	// brokers are its top), for pictures that size every node by it.
	Betweenness map[string]float64
}

// Component is a connected component of the network.
type Component struct {
	Size            int
	OrganisationIDs []string // sorted
}

// Broker is an organisation with its normalised betweenness centrality.
type Broker struct {
	Organisation directory.Organisation
	Betweenness  float64
}

// KindPair counts the cooperations between organisations of kinds A and B (A ≤ B).
type KindPair struct {
	A, B         directory.OrganisationKind
	Cooperations int
}

// graph is store.Graph as index arrays. Nodes are numbered so that every
// component is a contiguous range (in breadth-first order, which keeps
// neighbours near each other in memory).
type graph struct {
	orgs   []directory.Organisation // by node
	off    []int32                  // adjacency of node v: adj[off[v]:off[v+1]]
	adj    []int32
	comp   []int32 // component of node v
	ranges [][2]int32
	edges  [][2]int32 // each cooperation once, u < v
}

func build(g store.Graph) *graph {
	orgs, index := uniqueOrganisations(g.Organisations)
	n := len(orgs)
	pairs := uniquePairs(g.Cooperations, index)
	off0, adj0 := adjacency(n, pairs)
	order, newOf, ranges := componentOrder(n, off0, adj0)
	gr := &graph{
		orgs:   make([]directory.Organisation, n),
		off:    make([]int32, n+1),
		adj:    make([]int32, len(adj0)),
		comp:   make([]int32, n),
		ranges: ranges,
		edges:  make([][2]int32, len(pairs)),
	}
	for nv, ov := range order {
		gr.orgs[nv] = orgs[ov]
		nb := adj0[off0[ov]:off0[ov+1]]
		o := gr.off[nv]
		gr.off[nv+1] = o + int32(len(nb))
		for i, w := range nb {
			gr.adj[int(o)+i] = newOf[w]
		}
		slices.Sort(gr.adj[o : int(o)+len(nb)])
	}
	for c, r := range ranges {
		for v := r[0]; v < r[1]; v++ {
			gr.comp[v] = int32(c)
		}
	}
	for i, p := range pairs {
		gr.edges[i] = [2]int32{newOf[p>>32], newOf[uint32(p)]}
	}
	return gr
}

// uniqueOrganisations deduplicates organisations by id, sorts them by id and
// indexes them.
func uniqueOrganisations(list []directory.Organisation) ([]directory.Organisation, map[string]int32) {
	// Organisations, deduplicated by id, sorted by id.
	orgs := make([]directory.Organisation, 0, len(list))
	seen := make(map[string]bool, len(list))
	for _, o := range list {
		if !seen[o.ID] {
			seen[o.ID] = true
			orgs = append(orgs, o)
		}
	}
	slices.SortFunc(orgs, func(a, b directory.Organisation) int { return strings.Compare(a.ID, b.ID) })
	index := make(map[string]int32, len(orgs))
	for i, o := range orgs {
		index[o.ID] = int32(i)
	}

	return orgs, index
}

// uniquePairs are the cooperations between indexed organisations,
// deduplicated, as sorted pairs of indices packed into one uint64 each.
func uniquePairs(coops []directory.Cooperation, index map[string]int32) []uint64 {
	// Cooperations, deduplicated, as pairs of sorted-id indices.
	pairs := make([]uint64, 0, len(coops))
	for _, c := range coops {
		a, okA := index[c.A]
		b, okB := index[c.B]
		if !okA || !okB || a == b {
			continue
		}
		if b < a {
			a, b = b, a
		}
		pairs = append(pairs, uint64(a)<<32|uint64(b))
	}
	slices.Sort(pairs)
	pairs = slices.Compact(pairs)

	return pairs
}

// adjacency is the compressed adjacency (offsets, neighbours) of pairs over
// n vertices, in sorted-id numbering.
func adjacency(n int, pairs []uint64) (off0, adj0 []int32) {
	deg := make([]int32, n+1)
	for _, p := range pairs {
		deg[p>>32]++
		deg[uint32(p)]++
	}
	// Adjacency in sorted-id numbering.
	off0 = make([]int32, n+1)
	for v := 0; v < n; v++ {
		off0[v+1] = off0[v] + deg[v]
	}
	adj0 = make([]int32, 2*len(pairs))
	fill := slices.Clone(off0[:n])
	for _, p := range pairs {
		a, b := int32(p>>32), int32(uint32(p))
		adj0[fill[a]] = b
		fill[a]++
		adj0[fill[b]] = a
		fill[b]++
	}

	return off0, adj0
}

// componentOrder renumbers the vertices: components in breadth-first order,
// each contiguous. order maps new to old numbers, newOf old to new, ranges
// are the components' [start, end).
func componentOrder(n int, off0, adj0 []int32) (order, newOf []int32, ranges [][2]int32) {
	order = make([]int32, 0, n)
	newOf = make([]int32, n)
	for i := range newOf {
		newOf[i] = -1
	}
	for s := int32(0); s < int32(n); s++ {
		if newOf[s] >= 0 {
			continue
		}
		start := int32(len(order))
		newOf[s] = start
		order = append(order, s)
		for h := int(start); h < len(order); h++ {
			v := order[h]
			for _, w := range adj0[off0[v]:off0[v+1]] {
				if newOf[w] < 0 {
					newOf[w] = int32(len(order))
					order = append(order, w)
				}
			}
		}
		ranges = append(ranges, [2]int32{start, int32(len(order))})
	}

	return order, newOf, ranges
}

// Analyse computes the report of g.
func Analyse(g store.Graph, opts Options) Report {
	top := opts.TopBrokers
	if top <= 0 {
		top = DefaultTopBrokers
	}
	gr := build(g)
	n := len(gr.orgs)
	r := Report{Organisations: n, Cooperations: len(gr.edges)}
	if n >= 2 {
		r.Density = 2 * float64(len(gr.edges)) / (float64(n) * float64(n-1))
	}

	// Components.
	hasJobcenter := make([]bool, len(gr.ranges))
	hasImmigration := make([]bool, len(gr.ranges))
	r.Components = make([]Component, len(gr.ranges))
	for c, rg := range gr.ranges {
		ids := make([]string, 0, rg[1]-rg[0])
		for v := rg[0]; v < rg[1]; v++ {
			ids = append(ids, gr.orgs[v].ID)
			switch gr.orgs[v].Kind {
			case directory.KindJobcenter:
				hasJobcenter[c] = true
			case directory.KindImmigrationOffice:
				hasImmigration[c] = true
			}
		}
		slices.Sort(ids)
		r.Components[c] = Component{Size: len(ids), OrganisationIDs: ids}
	}
	slices.SortFunc(r.Components, func(a, b Component) int {
		if a.Size != b.Size {
			return b.Size - a.Size
		}
		return strings.Compare(a.OrganisationIDs[0], b.OrganisationIDs[0])
	})

	// Isolated organisations and missing paths.
	for v := 0; v < n; v++ {
		o := gr.orgs[v]
		if gr.off[v] == gr.off[v+1] {
			r.Isolated = append(r.Isolated, o)
		}
		if !hasJobcenter[gr.comp[v]] {
			r.NoPathToJobcenter = append(r.NoPathToJobcenter, o)
		}
		if !hasImmigration[gr.comp[v]] {
			r.NoPathToImmigrationOffice = append(r.NoPathToImmigrationOffice, o)
		}
	}
	for _, list := range [][]directory.Organisation{r.Isolated, r.NoPathToJobcenter, r.NoPathToImmigrationOffice} {
		slices.SortFunc(list, byNameThenID)
	}

	// Brokers.
	bc, used, exact := gr.betweenness(opts.ExactWork)
	r.BetweennessExact, r.BetweennessSources = exact, used
	r.Betweenness = make(map[string]float64, n)
	for v, b := range bc {
		r.Betweenness[gr.orgs[v].ID] = b
	}
	var cand []int32
	for v, b := range bc {
		if b > 0 {
			cand = append(cand, int32(v))
		}
	}
	slices.SortFunc(cand, func(a, b int32) int {
		if c := cmp.Compare(bc[b], bc[a]); c != 0 {
			return c
		}
		return strings.Compare(gr.orgs[a].ID, gr.orgs[b].ID)
	})
	for _, v := range cand[:min(top, len(cand))] {
		r.Brokers = append(r.Brokers, Broker{Organisation: gr.orgs[v], Betweenness: bc[v]})
	}

	r.KindMatrix = gr.kindMatrix()
	return r
}

// Betweenness returns the exact normalised betweenness centrality of every
// organisation of g by id (see the package comment).
func Betweenness(g store.Graph) map[string]float64 {
	gr := build(g)
	bc, _, _ := gr.betweenness(-1)
	m := make(map[string]float64, len(bc))
	for v, b := range bc {
		m[gr.orgs[v].ID] = b
	}
	return m
}

func byNameThenID(a, b directory.Organisation) int {
	if c := strings.Compare(a.Name, b.Name); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

func kindRank(k directory.OrganisationKind) int {
	if i := slices.Index(directory.OrganisationKinds, k); i >= 0 {
		return i
	}
	return len(directory.OrganisationKinds)
}

func compareKinds(a, b directory.OrganisationKind) int {
	if c := kindRank(a) - kindRank(b); c != 0 {
		return c
	}
	return strings.Compare(string(a), string(b))
}

func (gr *graph) kindMatrix() []KindPair {
	counts := map[[2]directory.OrganisationKind]int{}
	for _, e := range gr.edges {
		a, b := gr.orgs[e[0]].Kind, gr.orgs[e[1]].Kind
		if compareKinds(b, a) < 0 {
			a, b = b, a
		}
		counts[[2]directory.OrganisationKind{a, b}]++
	}
	out := make([]KindPair, 0, len(counts))
	for k, c := range counts {
		out = append(out, KindPair{A: k[0], B: k[1], Cooperations: c})
	}
	slices.SortFunc(out, func(x, y KindPair) int {
		if c := compareKinds(x.A, y.A); c != 0 {
			return c
		}
		return compareKinds(x.B, y.B)
	})
	return out
}

// stripes is how many partial sums betweenness keeps. It is fixed, not
// GOMAXPROCS, so that the floating-point sums are the same on every machine.
const stripes = 16

// batch is how many sources one breadth-first search serves at once: one
// bit of a uint64 each.
const batch = 64

// betweenness is Brandes' algorithm on the undirected graph, normalised,
// exact when the work stays within limit (see Options.ExactWork). It
// returns how many sources it searched from and whether that was all.
//
// It runs the searches of 64 sources at once (multi-source BFS): each node
// keeps a 64-bit mask of the sources that have reached it, so that a level of
// the search is one pass over the adjacency of the nodes any source reached
// last, and path counts (sigma) and dependencies (delta) are only touched
// along edges of the shortest-path DAGs, in rows of 64 per node. Sources of
// one batch are near each other in the (breadth-first) node numbering, so
// their searches share most of their frontier.
func (gr *graph) betweenness(limit int64) (bc []float64, used int, exact bool) {
	n := len(gr.orgs)
	bc = make([]float64, n)
	if limit == 0 {
		limit = DefaultExactWork
	}
	sources, scale, fraction := gr.sources(limit)
	used, exact = len(sources), fraction == 1
	if n < 3 {
		return bc, 0, true
	}
	batches := (len(sources) + batch - 1) / batch
	if batches == 0 {
		return bc, 0, true
	}
	for _, p := range gr.searchAll(sources, batches) {
		for v, x := range p {
			bc[v] += x
		}
	}
	// Every pair is counted from both ends: the undirected value is half
	// the sum, and normalising by 2/((n−1)(n−2)) cancels the half.
	norm := 1 / (float64(n-1) * float64(n-2))
	for v := range bc {
		bc[v] *= norm * scale[gr.comp[v]]
	}
	return bc, used, exact
}

// sources picks the nodes to search from within limit: every node of the
// components of 3 or more nodes when the work allows, else a systematic
// sample. scale says per component how much its sums stand for.
func (gr *graph) sources(limit int64) (sources []int32, scale []float64, fraction float64) {
	// Sources in components of fewer than 3 nodes lie on no shortest path
	// between two others.
	var work int64
	for _, rg := range gr.ranges {
		if size := int64(rg[1] - rg[0]); size >= 3 {
			work += size * int64(gr.off[rg[1]]-gr.off[rg[0]])
		}
	}
	fraction = 1.0
	if limit > 0 && work > limit {
		fraction = float64(limit) / float64(work)
	}
	// With a fraction below 1, each component searches from every
	// (1/fraction)-th node in its breadth-first order — a systematic sample
	// spread evenly over the network — and scales its sums up to all nodes.
	scale = make([]float64, len(gr.ranges))
	for c, rg := range gr.ranges {
		size := int(rg[1] - rg[0])
		if size < 3 {
			continue
		}
		k := size
		if fraction < 1 {
			k = min(size, max(batch, int(math.Ceil(fraction*float64(size)))))
		}
		for i := range k {
			sources = append(sources, rg[0]+int32((2*i+1)*size/(2*k)))
		}
		scale[c] = float64(size) / float64(k)
	}
	return sources, scale, fraction
}

// searchAll runs the searches from sources in batches of 64, on as many
// workers as there are processors, and returns the workers' partial sums.
func (gr *graph) searchAll(sources []int32, batches int) [][]float64 {
	n := len(gr.orgs)
	nStripes := min(stripes, batches)
	partial := make([][]float64, nStripes)
	var next atomic.Int32
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), nStripes) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var w *msbfs
			for {
				s := int(next.Add(1)) - 1
				if s >= nStripes {
					return
				}
				if w == nil {
					w = newMSBFS(n)
				}
				sum := make([]float64, n)
				for b := s; b < batches; b += nStripes {
					w.run(gr, sources[b*batch:min((b+1)*batch, len(sources))], sum)
				}
				partial[s] = sum
			}
		}()
	}
	wg.Wait()
	return partial
}

// msbfs is one worker's scratch space. Between runs seen, mask and sd are
// all zero.
type msbfs struct {
	seen []uint64 // sources that have reached v
	mask []uint64 // sources that reached v in the level being built (forward) or the level below (backward)
	// sd holds sigma and delta of (v, source j) at sd[(v*batch+j)*2] and +1,
	// side by side because the backward pass reads both.
	sd []float64
	// levels: the nodes reached at level d are nodes[start[d]:start[d+1]],
	// with the sources that reached them at that level in masks.
	nodes []int32
	masks []uint64
	start []int
}

func newMSBFS(n int) *msbfs {
	return &msbfs{seen: make([]uint64, n), mask: make([]uint64, n), sd: make([]float64, n*batch*2)}
}

// run adds to sum, for every node, its dependencies on the shortest paths
// from the given sources (at most 64).
func (m *msbfs) run(gr *graph, sources []int32, sum []float64) {
	nodes, masks, start := m.forward(gr, sources)
	m.backward(gr, nodes, masks, start, sum)
	sd, seen := m.sd, m.seen
	// Levels ≥ 1 were cleared on the way up; the sources remain.
	for _, v := range nodes[:start[1]] {
		clear(sd[int(v)*batch*2 : (int(v)+1)*batch*2])
	}
	for _, v := range nodes {
		seen[v] = 0
	}
	m.nodes, m.masks, m.start = nodes, masks, start
}

// forward runs the breadth-first searches from sources together, counting
// shortest paths; it returns the nodes reached in level order with the
// sources that reached each, and where each level starts.
func (m *msbfs) forward(gr *graph, sources []int32) (nodes []int32, masks []uint64, start []int) {
	off, adj, seen, mask, sd := gr.off, gr.adj, m.seen, m.mask, m.sd
	nodes, masks, start = m.nodes[:0], m.masks[:0], append(m.start[:0], 0)
	for j, s := range sources {
		bit := uint64(1) << j
		seen[s] |= bit
		nodes = append(nodes, s)
		masks = append(masks, bit)
		sd[(int(s)*batch+j)*2] = 1
	}
	start = append(start, len(nodes))

	// Forward: level by level, the sources that reach w first through v are
	// those that reached v last and had not reached w before.
	for d := 0; start[d+1] > start[d]; d++ {
		lo, hi := start[d], start[d+1]
		for i := lo; i < hi; i++ {
			v, f := nodes[i], masks[i]
			rv := sd[int(v)*batch*2:][: batch*2 : batch*2]
			for _, w := range adj[off[v]:off[v+1]] {
				nw := f &^ seen[w]
				if nw == 0 {
					continue
				}
				if mask[w] == 0 {
					nodes = append(nodes, w)
				}
				mask[w] |= nw
				rw := sd[int(w)*batch*2:][: batch*2 : batch*2]
				for ; nw != 0; nw &= nw - 1 {
					j := bits.TrailingZeros64(nw) * 2
					rw[j] += rv[j]
				}
			}
		}
		for _, w := range nodes[hi:] {
			masks = append(masks, mask[w])
			seen[w] |= mask[w]
			mask[w] = 0
		}
		start = append(start, len(nodes))
	}

	return nodes, masks, start
}

// backward accumulates the dependencies of the searches into sum.
func (m *msbfs) backward(gr *graph, nodes []int32, masks []uint64, start []int, sum []float64) {
	off, adj, mask, sd := gr.off, gr.adj, m.mask, m.sd
	// Backward: from the deepest level up, each node passes its dependency
	// to its predecessors: delta[v] += sigma[v]/sigma[w] · (1 + delta[w]).
	var coef [batch]float64
	for d := len(start) - 3; d >= 1; d-- {
		for i := start[d-1]; i < start[d]; i++ {
			mask[nodes[i]] = masks[i]
		}
		for i := start[d]; i < start[d+1]; i++ {
			w, f := nodes[i], masks[i]
			rw := sd[int(w)*batch*2:][: batch*2 : batch*2]
			total := 0.0
			for b := f; b != 0; b &= b - 1 {
				j := bits.TrailingZeros64(b)
				delta := rw[j*2+1]
				total += delta
				coef[j] = (1 + delta) / rw[j*2]
				rw[j*2], rw[j*2+1] = 0, 0
			}
			sum[w] += total
			for _, v := range adj[off[w]:off[w+1]] {
				p := f & mask[v]
				if p == 0 {
					continue
				}
				rv := sd[int(v)*batch*2:][: batch*2 : batch*2]
				for ; p != 0; p &= p - 1 {
					j := bits.TrailingZeros64(p)
					rv[j*2+1] += rv[j*2] * coef[j]
				}
			}
		}
		for i := start[d-1]; i < start[d]; i++ {
			mask[nodes[i]] = 0
		}
	}
}
