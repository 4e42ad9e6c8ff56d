package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// RecordUnmetNeeds stores unmet needs, all or none; an unknown district is a
// *NotFound on "districtId", an id already recorded a *Conflict on "id".
func (s *Store) RecordUnmetNeeds(ctx context.Context, us []directory.UnmetNeed) error {
	if len(us) == 0 {
		return nil
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		districts := map[string]bool{}
		for _, u := range us {
			known, checked := districts[u.DistrictID]
			if !checked {
				if err := queryRow(ctx, tx, stDistrictExists, sql.Named("id", u.DistrictID)).Scan(&known); err != nil {
					return fmt.Errorf("unmet need %q: %w", u.ID, err)
				}
				districts[u.DistrictID] = known
			}
			if !known {
				return &store.NotFound{Field: "districtId", Entity: "district", ID: u.DistrictID}
			}
			var taken bool
			if err := queryRow(ctx, tx, stUnmetNeedsTaken, sql.Named("id", u.ID)).Scan(&taken); err != nil {
				return fmt.Errorf("unmet need %q: %w", u.ID, err)
			}
			if taken {
				return &store.Conflict{Field: "id", Reason: fmt.Sprintf("unmet need %q exists", u.ID)}
			}
			if _, err := exec(ctx, tx, stUnmetNeedInsert, sql.Named("id", u.ID), sql.Named("need", string(u.Need)),
				sql.Named("district_id", u.DistrictID), sql.Named("language", u.Language),
				sql.Named("target_group", string(u.TargetGroup)), sql.Named("recorded_on", u.RecordedOn)); err != nil {
				return fmt.Errorf("unmet need %q: %w", u.ID, err)
			}
		}
		return nil
	})
}

// UnmetNeedCounts counts unmet needs grouped by district, need, language and
// target group, ordered by those four.
func (s *Store) UnmetNeedCounts(ctx context.Context, f store.UnmetNeedFilter) ([]store.UnmetNeedCount, error) {
	return unmetNeedCounts(ctx, s.r, f)
}

func unmetNeedCounts(ctx context.Context, q queryer, f store.UnmetNeedFilter) ([]store.UnmetNeedCount, error) {
	districts, needs := filterList(f.DistrictIDs), filterList(f.Needs)
	rows, err := query(ctx, q, stUnmetNeedCounts, sql.Named("municipality", f.Municipality),
		sql.Named("district_ids", districts), sql.Named("needs", needs), sql.Named("since", f.Since), sql.Named("until", f.Until))
	if err != nil {
		return nil, fmt.Errorf("unmet need counts: %w", err)
	}
	defer rows.Close()
	out := []store.UnmetNeedCount{}
	for rows.Next() {
		var c store.UnmetNeedCount
		if err := rows.Scan(&c.DistrictID, &c.Need, &c.Language, &c.TargetGroup, &c.Count); err != nil {
			return nil, fmt.Errorf("unmet need counts: %w", err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("unmet need counts: %w", err)
	}
	return out, nil
}

// GapFacts gathers the facts of one municipality's gap report. Offers count
// for a municipality through their district; offers without a district
// (digital ones, say) are in no municipality's facts, not even in those of
// "" (all). Courses without a location count as without childcare nearby.
func (s *Store) GapFacts(ctx context.Context, q store.GapQuery) (store.GapFacts, error) {
	// One read transaction, so that all facts describe the same moment.
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return store.GapFacts{}, fmt.Errorf("gap facts: %w", err)
	}
	defer tx.Rollback()
	// The directory's part of the facts (districts, supply, the listed
	// offers) is kept from an earlier call while the directory's version is
	// the same: every write of districts, organisations or offers, by any
	// process, numbers a change in its own transaction (store.ChangeLog).
	// Unmet needs are recorded outside the change log and read every time.
	var version int64
	if err := queryRow(ctx, tx, stDirectoryVersion).Scan(&version); err != nil {
		return store.GapFacts{}, fmt.Errorf("gap facts: %w", err)
	}
	at := store.DirectoryStamp{Version: version}
	f, ok := s.gaps.Get(q, at)
	if !ok {
		if f, err = s.directoryGapFacts(ctx, tx, q); err != nil {
			return store.GapFacts{}, err
		}
		s.gaps.Put(q, at, f)
	}
	if f.UnmetNeeds, err = unmetNeedCounts(ctx, tx, store.UnmetNeedFilter{Municipality: q.Municipality, Needs: q.Needs}); err != nil {
		return store.GapFacts{}, fmt.Errorf("gap facts: %w", err)
	}
	return f, nil
}

// directoryGapFacts reads the facts of q but the unmet needs in tx.
func (s *Store) directoryGapFacts(ctx context.Context, tx *sql.Tx, q store.GapQuery) (store.GapFacts, error) {
	f := store.GapFacts{
		Districts: []directory.District{}, Supply: []store.NeedSupply{}, Categories: []store.CategorySupply{},
		DistrictLanguages: []store.DistrictLanguage{}, CoursesWithoutChildcare: []directory.Offer{},
		AlwaysFull: []directory.Offer{}, Unfunded: []directory.Offer{},
	}
	var err error
	if f.Districts, err = s.districts(ctx, tx, nullString(q.Municipality), nil, false); err != nil {
		return store.GapFacts{}, fmt.Errorf("gap facts: %w", err)
	}
	// The offer queries find offers through their districts' ids.
	districtIDs := make([]string, len(f.Districts))
	for i, d := range f.Districts {
		districtIDs[i] = d.ID
	}
	dj, err := json.Marshal(districtIDs)
	if err != nil {
		return store.GapFacts{}, err
	}
	ds := sql.Named("district_ids", string(dj))
	if err := gapSupply(ctx, tx, ds, q.Needs, &f); err != nil {
		return store.GapFacts{}, err
	}
	if err := gapOffers(ctx, tx, ds, q.ChildcareRadiusKm, &f); err != nil {
		return store.GapFacts{}, err
	}
	return f, nil
}

// gapSupply fills f's supply, categories and district languages.
func gapSupply(ctx context.Context, tx *sql.Tx, ds sql.NamedArg, needs []directory.NeedArea, f *store.GapFacts) error {
	all, err := districtSupplies(ctx, tx, ds)
	if err != nil {
		return fmt.Errorf("gap facts, supply: %w", err)
	}
	for _, d := range all {
		for i, n := range directory.NeedAreas {
			if d.offers[i] > 0 && (len(needs) == 0 || slices.Contains(needs, n)) {
				f.Supply = append(f.Supply, store.NeedSupply{DistrictID: d.id, Need: n, ActiveOffers: d.offers[i], FreePlaces: d.free[i]})
			}
		}
		for c, n := range d.categories {
			f.Categories = append(f.Categories, store.CategorySupply{DistrictID: d.id, Category: c, ActiveOffers: n})
		}
		for k, n := range d.languages {
			f.DistrictLanguages = append(f.DistrictLanguages, store.DistrictLanguage{DistrictID: d.id, Need: directory.NeedAreas[k.need], Language: k.lang, Offers: n})
		}
	}
	slices.SortFunc(f.Supply, func(a, b store.NeedSupply) int {
		return cmp.Or(strings.Compare(a.DistrictID, b.DistrictID), strings.Compare(string(a.Need), string(b.Need)))
	})
	slices.SortFunc(f.Categories, func(a, b store.CategorySupply) int {
		return cmp.Or(strings.Compare(a.DistrictID, b.DistrictID), strings.Compare(string(a.Category), string(b.Category)))
	})
	slices.SortFunc(f.DistrictLanguages, func(a, b store.DistrictLanguage) int {
		return cmp.Or(strings.Compare(a.DistrictID, b.DistrictID), strings.Compare(string(a.Need), string(b.Need)),
			strings.Compare(a.Language, b.Language))
	})
	return nil
}

// districtSupply sums one district's active offers.
type districtSupply struct {
	id         string
	offers     []int // per need area, in the order of directory.NeedAreas
	free       []int
	categories map[directory.OfferCategory]int
	languages  map[needLanguage]int
}

type needLanguage struct {
	need int // position in directory.NeedAreas
	lang string
}

// districtSupplies sums the active offers of the districts ds per need area,
// category and need area × language, in one pass over the active offers,
// grouped in SQL by district, category, need mask and language list; the
// groups (4,456 in Köln) are unpacked here. (Three GROUP BY passes over a
// large city's offers cost four times as much.) The rows come district by
// district; each language list is decoded once.
func districtSupplies(ctx context.Context, tx *sql.Tx, ds sql.NamedArg) ([]*districtSupply, error) {
	var (
		all   []*districtSupply
		d     *districtSupply // the district of the last row
		byID  = map[string]*districtSupply{}
		lists = map[string][]string{}
	)
	err := eachRow(ctx, tx, stGapGroups, []any{ds}, func(r *sql.Rows) error {
		var (
			district, category, languages string
			needsMask                     int64
			count, free                   int
		)
		if err := r.Scan(&district, &category, &needsMask, &languages, &count, &free); err != nil {
			return err
		}
		ls, ok := lists[languages]
		if !ok {
			var err error
			if ls, err = decodeList[string]("languages", languages, false); err != nil {
				return err
			}
			lists[languages] = ls
		}
		if d == nil || d.id != district {
			if d = byID[district]; d == nil {
				d = &districtSupply{id: district, offers: make([]int, len(directory.NeedAreas)),
					free: make([]int, len(directory.NeedAreas)), categories: map[directory.OfferCategory]int{}, languages: map[needLanguage]int{}}
				byID[district] = d
				all = append(all, d)
			}
		}
		d.categories[directory.OfferCategory(category)] += count
		for i := range directory.NeedAreas {
			if needsMask&(1<<i) == 0 {
				continue
			}
			for _, l := range ls {
				d.languages[needLanguage{i, l}] += count
			}
			d.offers[i] += count
			d.free[i] += free
		}
		return nil
	})
	return all, err
}

// gapOffers fills f's courses without childcare within radiusKm, always-full
// and unfunded offers.
func gapOffers(ctx context.Context, tx *sql.Tx, ds sql.NamedArg, radiusKm float64, f *store.GapFacts) error {
	courses, err := coursesWithoutChildcare(ctx, tx, ds, radiusKm)
	if err != nil {
		return fmt.Errorf("gap facts, courses: %w", err)
	}
	cj, err := json.Marshal(courses)
	if err != nil {
		return err
	}
	// The offers come whole in the same query (scanOffer reads them as
	// OffersByID does), so listing them costs no second lookup.
	if err := eachRow(ctx, tx, stGapOffers, []any{ds, sql.Named("course_rids", string(cj))}, func(r *sql.Rows) error {
		var rules string
		o, err := scanOffer(r, &rules)
		if err != nil {
			return err
		}
		for i, rule := range rules {
			if i > 0 {
				o = o.Clone() // each list holds its own copy, as if read twice
			}
			switch rule {
			case 'C':
				f.CoursesWithoutChildcare = append(f.CoursesWithoutChildcare, o)
			case 'F':
				f.AlwaysFull = append(f.AlwaysFull, o)
			case 'U':
				f.Unfunded = append(f.Unfunded, o)
			}
		}
		return nil
	}); err != nil {
		return fmt.Errorf("gap facts, offers: %w", err)
	}
	// Sorting here, not in SQL, spares SQLite sorting whole offer rows.
	f.CoursesWithoutChildcare, f.AlwaysFull, f.Unfunded = byOfferID(f.CoursesWithoutChildcare), byOfferID(f.AlwaysFull), byOfferID(f.Unfunded)
	return nil
}

// coursesWithoutChildcare returns the rids of the active courses without
// childcare of the districts ds that have no active childcare offer or
// Passagegruppe within radiusKm (directory.DistanceKm); a course without a
// position counts as without childcare nearby, since nothing shows that
// childcare is in reach. It reads the courses' positions and the childcare
// positions in their box once and checks each course over a grid (a large
// city: 1,800 courses, 1,200 childcare offers), instead of one R*Tree probe
// per course.
func coursesWithoutChildcare(ctx context.Context, tx *sql.Tx, ds sql.NamedArg, radiusKm float64) ([]int64, error) {
	type course struct {
		rid int64
		at  directory.GeoPoint
	}
	out := []int64{}
	var courses []course
	if err := eachRow(ctx, tx, stGapCourses, []any{ds}, func(r *sql.Rows) error {
		var (
			rid      int64
			lat, lon sql.NullFloat64
		)
		if err := r.Scan(&rid, &lat, &lon); err != nil {
			return err
		}
		if p := scanPoint(lat, lon); p != nil {
			courses = append(courses, course{rid, *p})
		} else {
			out = append(out, rid)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	if len(courses) == 0 {
		return out, nil
	}
	points := make([]directory.GeoPoint, len(courses))
	for i, c := range courses {
		points[i] = c.at
	}
	reach := directory.NewReach(points, radiusKm)
	minLat, maxLat, minLon, maxLon := reach.Box()
	var childcare []directory.GeoPoint
	if err := eachRow(ctx, tx, stGapChildcare, []any{sql.Named("min_lat", minLat), sql.Named("max_lat", maxLat),
		sql.Named("min_lon", minLon), sql.Named("max_lon", maxLon)}, func(r *sql.Rows) error {
		var p directory.GeoPoint
		if err := r.Scan(&p.Lat, &p.Lon); err != nil {
			return err
		}
		childcare = append(childcare, p)
		return nil
	}); err != nil {
		return nil, err
	}
	near := reach.AnyWithin(childcare)
	for i, c := range courses {
		if !near[i] {
			out = append(out, c.rid)
		}
	}
	return out, nil
}

// byOfferID returns the offers ordered by id; it sorts indexes, so that each
// (large) offer is copied once instead of on every swap.
func byOfferID(l []directory.Offer) []directory.Offer {
	idx := make([]int, len(l))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return l[idx[a]].ID < l[idx[b]].ID })
	out := make([]directory.Offer, len(l))
	for k, i := range idx {
		out[k] = l[i]
	}
	return out
}

// eachRow runs a query and calls fn for every row.
func eachRow(ctx context.Context, q queryer, st *statement, args []any, fn func(*sql.Rows) error) error {
	rows, err := query(ctx, q, st, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// CooperationGraph returns the organisations of a municipality ("" = all),
// by id, and the cooperations with both ends among them, by A then B. An
// organisation belongs to a municipality as OrganisationFilter.Municipality
// says (its own municipality or its district's): the directory's query decides.
func (s *Store) CooperationGraph(ctx context.Context, municipality string) (store.Graph, error) {
	var m any
	if municipality != "" {
		m = municipality
	}
	page, _, err := s.organisations(ctx, s.r, orgQuery{municipality: m, graph: true})
	if err != nil {
		return store.Graph{}, fmt.Errorf("cooperation graph: %w", err)
	}
	orgs := page.Organisations
	if len(orgs) == 0 {
		return store.Graph{Organisations: []directory.Organisation{}, Cooperations: []directory.Cooperation{}}, nil
	}
	var coops []directory.Cooperation
	if municipality == "" {
		coops, err = cooperations(ctx, s.r, stExportCooperations)
	} else {
		ids := make([]string, len(orgs))
		for i, o := range orgs {
			ids[i] = o.ID
		}
		coops, err = cooperationsAmong(ctx, s.r, ids)
	}
	if err != nil {
		return store.Graph{}, fmt.Errorf("cooperation graph: %w", err)
	}
	return completeGraph(orgs, coops), nil
}

// Neighbourhood returns the organisations within depth (1..3) cooperation
// hops of id, including it, by id, and the cooperations among them.
func (s *Store) Neighbourhood(ctx context.Context, id string, depth int) (store.Graph, error) {
	var known bool
	if err := queryRow(ctx, s.r, stOrganisationExists, sql.Named("id", id)).Scan(&known); err != nil {
		return store.Graph{}, fmt.Errorf("neighbourhood of %q: %w", id, err)
	}
	if !known {
		return store.Graph{}, &store.NotFound{Entity: "organisation", ID: id}
	}
	var ids []string
	if err := eachRow(ctx, s.r, stNeighbourhoodIDs, []any{sql.Named("id", id), sql.Named("depth", depth)}, func(r *sql.Rows) error {
		var id string
		if err := r.Scan(&id); err != nil {
			return err
		}
		ids = append(ids, id)
		return nil
	}); err != nil {
		return store.Graph{}, fmt.Errorf("neighbourhood of %q: %w", id, err)
	}
	coops, err := cooperationsAmong(ctx, s.r, ids)
	if err != nil {
		return store.Graph{}, fmt.Errorf("neighbourhood of %q: %w", id, err)
	}
	orgs, err := s.OrganisationsByID(ctx, ids)
	if err != nil {
		return store.Graph{}, fmt.Errorf("neighbourhood of %q: %w", id, err)
	}
	return completeGraph(orgs, coops), nil
}

// completeGraph orders the organisations by id and keeps the cooperations
// whose both ends are among them (an organisation deleted between two reads
// takes its cooperations along).
func completeGraph(orgs []directory.Organisation, coops []directory.Cooperation) store.Graph {
	sort.Slice(orgs, func(i, j int) bool { return orgs[i].ID < orgs[j].ID })
	have := make(map[string]bool, len(orgs))
	for _, o := range orgs {
		have[o.ID] = true
	}
	kept := coops[:0]
	for _, c := range coops {
		if have[c.A] && have[c.B] {
			kept = append(kept, c)
		}
	}
	return store.Graph{Organisations: orgs, Cooperations: kept}
}

func cooperationsAmong(ctx context.Context, q queryer, ids []string) ([]directory.Cooperation, error) {
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	return cooperations(ctx, q, stCooperationsAmong, sql.Named("ids", string(list)))
}

func cooperations(ctx context.Context, q queryer, st *statement, args ...any) ([]directory.Cooperation, error) {
	out := []directory.Cooperation{}
	// Cooperations repeat a few topic lists (NRW: 65,332 cooperations, each
	// with topics): each distinct list is decoded once and copied.
	decoded := map[string][]string{}
	err := eachRow(ctx, q, st, args, func(r *sql.Rows) error {
		var (
			c      directory.Cooperation
			topics string
		)
		if err := r.Scan(&c.A, &c.B, &c.Since, &topics); err != nil {
			return err
		}
		if topics != "[]" && topics != "" {
			l, ok := decoded[topics]
			if !ok {
				var err error
				if l, err = decodeList[string]("topics", topics, false); err != nil {
					return fmt.Errorf("cooperation %s–%s: %w", c.A, c.B, err)
				}
				decoded[topics] = l
			}
			c.Topics = slices.Clone(l)
		}
		out = append(out, c)
		return nil
	})
	return out, err
}
