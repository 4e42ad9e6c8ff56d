package service

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/gaps"
	"github.com/lotse-kim/lotse/internal/network"
	"github.com/lotse-kim/lotse/internal/store"
)

// Strategic steering: the gap report, the network report, an organisation's
// cooperation neighbourhood and the unmet-need counts. The GraphQL API and
// the report files of the CLI (internal/report) both read these results, so
// that they show the same numbers with the same suppression.

// MaxNetworkDepth bounds network's depth: three hops already reach most of a
// municipality's network.
const MaxNetworkDepth = 3

// maxMunicipalityLen bounds the municipality argument like other free text.
const maxMunicipalityLen = 200

// GapReport is the gap report as one reader may see it.
type GapReport struct {
	// Municipality is the municipality of the report's districts; "" when
	// they span several (no municipality asked for).
	Municipality string
	Needs        []directory.NeedArea // the need areas reported on, in contract order
	Cells        []GapCell
	Gaps         []StructuralGap
}

// GapCell is a cell of the gap report. Its UnmetNeeds is 0 when Unmet is
// suppressed, so that no writer can show a suppressed count by mistake.
type GapCell struct {
	gaps.Cell
	Unmet gaps.Count
}

// StructuralGap is a structural gap with the records it refers to (nil when
// it refers to none). UnmetNeeds is 0 when Unmet is suppressed.
type StructuralGap struct {
	gaps.Gap
	Unmet        gaps.Count // LANGUAGE_NOT_COVERED: the unmet needs behind it
	District     *directory.District
	Offer        *directory.Offer
	Organisation *directory.Organisation
}

// GapReport analyses the supply of a municipality ("" = all) for needs
// (every need area when empty). Only report readers may ask; unmet-need
// counts below gaps.MinPublicCount are suppressed unless the caller sees
// small counts.
func (s *Service) GapReport(ctx context.Context, municipality string, needs []directory.NeedArea) (GapReport, error) {
	p := access.FromContext(ctx)
	if err := access.Require(p, "gapReport", access.ReportReaders...); err != nil {
		return GapReport{}, err
	}
	problems := directory.NewProblems()
	checkMunicipality(problems, municipality)
	for i, n := range needs {
		if !n.Valid() {
			problems.Add(fmt.Sprintf("needs[%d]", i), "%q is not a need area", n)
		}
	}
	if err := problems.Err(); err != nil {
		return GapReport{}, err
	}
	municipality, err := s.municipality(ctx, "municipality", municipality)
	if err != nil {
		return GapReport{}, err
	}
	facts, err := s.gapFacts(ctx, municipality, needs)
	if err != nil {
		return GapReport{}, err
	}
	r := gaps.Analyse(facts, needs)

	districts := make(map[string]*directory.District, len(facts.Districts))
	for i := range facts.Districts {
		districts[facts.Districts[i].ID] = &facts.Districts[i]
	}
	offers := map[string]*directory.Offer{}
	for _, list := range [][]directory.Offer{facts.CoursesWithoutChildcare, facts.AlwaysFull, facts.Unfunded} {
		for i := range list {
			offers[list[i].ID] = &list[i]
		}
	}
	orgs, err := s.providersOf(ctx, r.Gaps)
	if err != nil {
		return GapReport{}, err
	}

	out := GapReport{Municipality: r.Municipality, Needs: selectedNeeds(needs),
		Cells: make([]GapCell, len(r.Cells)), Gaps: make([]StructuralGap, len(r.Gaps))}
	for i, c := range r.Cells {
		v := gaps.VisibleCount(c.UnmetNeeds, p)
		if v.Suppressed {
			c.UnmetNeeds = 0
		}
		out.Cells[i] = GapCell{Cell: c, Unmet: v}
	}
	for i, g := range r.Gaps {
		sg := StructuralGap{Gap: g, District: districts[g.DistrictID], Offer: offers[g.OfferID], Organisation: orgs[g.OrganisationID]}
		if g.Kind == gaps.GapLanguageNotCovered {
			sg.Unmet = gaps.VisibleCount(g.UnmetNeeds, p)
			if sg.Unmet.Suppressed {
				sg.Gap.UnmetNeeds = 0
			}
		}
		out.Gaps[i] = sg
	}
	return out, nil
}

// providersOf reads the providers of the gaps' offers, each once, in one batch.
func (s *Service) providersOf(ctx context.Context, gs []gaps.Gap) (map[string]*directory.Organisation, error) {
	var providers []string
	seen := map[string]bool{}
	for _, g := range gs {
		if g.OrganisationID != "" && !seen[g.OrganisationID] {
			seen[g.OrganisationID] = true
			providers = append(providers, g.OrganisationID)
		}
	}
	orgs := map[string]*directory.Organisation{}
	if len(providers) == 0 {
		return orgs, nil
	}
	list, err := s.store.OrganisationsByID(ctx, providers)
	if err != nil {
		return nil, err
	}
	for i := range list {
		orgs[list[i].ID] = &list[i]
	}
	return orgs, nil
}

// gapFacts reads the municipality's gap facts with the referral evidence
// (declineEvidence). The referral counts do not depend on the facts, so
// both are read at once: on Neo4j two round trips and two statements'
// work in the time of the longer one.
func (s *Service) gapFacts(ctx context.Context, municipality string, needs []directory.NeedArea) (store.GapFacts, error) {
	type counted struct {
		declines map[string]int
		err      error
	}
	declines := make(chan counted, 1)
	go func() {
		d, err := s.noCapacityDeclines(ctx, municipality)
		declines <- counted{d, err}
	}()
	facts, err := s.store.GapFacts(ctx, gaps.Query(municipality, needs))
	d := <-declines
	if err != nil {
		return store.GapFacts{}, err
	}
	if municipality != "" && len(facts.Districts) == 0 {
		return store.GapFacts{}, &store.NotFound{Field: "municipality", Entity: "municipality", ID: municipality}
	}
	if d.err != nil {
		return store.GapFacts{}, d.err
	}
	return facts, s.declineEvidence(ctx, d.declines, &facts)
}

// selectedNeeds returns needs deduplicated in contract order, or all need areas.
func selectedNeeds(needs []directory.NeedArea) []directory.NeedArea {
	if len(needs) == 0 {
		return slices.Clone(directory.NeedAreas)
	}
	var out []directory.NeedArea
	for _, n := range directory.NeedAreas {
		if slices.Contains(needs, n) {
			out = append(out, n)
		}
	}
	return out
}

// NetworkReport is the analysis of a municipality's cooperation network.
type NetworkReport struct {
	Municipality string // "" for the whole network
	network.Report
	Referrals ReferralNetwork // referral flows beside the declared cooperations
	// Proposed are the proposals among the report's organisations, by A
	// then B: not counted in the analysis, shown apart.
	Proposed []directory.Cooperation
}

// NetworkReport analyses the cooperation network of a municipality ("" =
// all). Only report readers may ask: the report ranks organisations.
func (s *Service) NetworkReport(ctx context.Context, municipality string) (NetworkReport, error) {
	_, r, err := s.analyseNetwork(ctx, "networkReport", municipality, false)
	return r, err
}

// NetworkGraph is a municipality's whole cooperation network with the
// analysis of it, for a picture of every organisation and cooperation.
type NetworkGraph struct {
	Graph store.Graph
	NetworkReport
}

// NetworkGraph returns the cooperation network of a municipality (required:
// a picture of all of NRW helps nobody) with its analysis. Only report
// readers may ask, as for the network report it pictures.
func (s *Service) NetworkGraph(ctx context.Context, municipality string) (NetworkGraph, error) {
	g, r, err := s.analyseNetwork(ctx, "networkGraph", municipality, true)
	return NetworkGraph{Graph: g, NetworkReport: r}, err
}

func (s *Service) analyseNetwork(ctx context.Context, op, municipality string, required bool) (store.Graph, NetworkReport, error) {
	if err := access.Require(access.FromContext(ctx), op, access.ReportReaders...); err != nil {
		return store.Graph{}, NetworkReport{}, err
	}
	problems := directory.NewProblems()
	if required && municipality == "" {
		problems.Add("municipality", "must not be empty")
	}
	checkMunicipality(problems, municipality)
	if err := problems.Err(); err != nil {
		return store.Graph{}, NetworkReport{}, err
	}
	municipality, err := s.municipality(ctx, "municipality", municipality)
	if err != nil {
		return store.Graph{}, NetworkReport{}, err
	}
	g, err := s.store.CooperationGraph(ctx, municipality)
	if err != nil {
		return store.Graph{}, NetworkReport{}, err
	}
	if municipality != "" && len(g.Organisations) == 0 {
		return store.Graph{}, NetworkReport{}, &store.NotFound{Field: "municipality", Entity: "municipality", ID: municipality}
	}
	refs, err := s.referralNetwork(ctx, municipality, g)
	if err != nil {
		return store.Graph{}, NetworkReport{}, err
	}
	ids := make([]string, len(g.Organisations))
	for i, o := range g.Organisations {
		ids[i] = o.ID
	}
	proposed, err := s.proposedAmong(ctx, ids)
	if err != nil {
		return store.Graph{}, NetworkReport{}, err
	}
	return g, NetworkReport{Municipality: municipality, Report: network.Analyse(g, network.Options{}), Referrals: refs,
		Proposed: proposed}, nil
}

// Network returns the organisations within depth (1..MaxNetworkDepth)
// cooperation hops of an organisation and the cooperations among them.
// Anyone may ask: cooperations are public (Organisation.partners).
func (s *Service) Network(ctx context.Context, organisationID string, depth int) (store.Graph, error) {
	problems := directory.NewProblems()
	problems.ID("organisationId", organisationID, true)
	if depth < 1 || depth > MaxNetworkDepth {
		problems.Add("depth", "must be between 1 and %d", MaxNetworkDepth)
	}
	if err := problems.Err(); err != nil {
		return store.Graph{}, err
	}
	g, err := s.store.Neighbourhood(ctx, organisationID, depth)
	var nf *store.NotFound
	if errors.As(err, &nf) {
		nf.Field = "organisationId"
	}
	if err != nil {
		return g, err
	}
	return visibleGraph(ctx, g, organisationID, depth, "organisationId")
}

// UnmetNeedCount is a count of unmet needs as one reader may see it; Count
// is 0 when Visible is suppressed.
type UnmetNeedCount struct {
	store.UnmetNeedCount
	Visible gaps.Count
}

// UnmetNeedCounts counts the recorded unmet needs by district, need area,
// language and target group. Only report readers may ask; counts below
// gaps.MinPublicCount are suppressed unless the caller sees small counts.
//
// A reader who does not see small counts gets one time window only, all
// that is recorded (the gap report's): two windows that overlap or nest
// differ by the needs recorded in one but not the other, and that
// difference is a count nobody suppressed (7 until today, 5 until
// yesterday: 2 today). Complementary suppression within one window cannot
// see the other windows a reader may ask for, so since and until are
// refused for such readers instead.
func (s *Service) UnmetNeedCounts(ctx context.Context, f store.UnmetNeedFilter) ([]UnmetNeedCount, error) {
	p := access.FromContext(ctx)
	if err := access.Require(p, "unmetNeedCounts", access.ReportReaders...); err != nil {
		return nil, err
	}
	problems := directory.NewProblems().At("filter")
	checkMunicipality(problems, f.Municipality)
	for i, id := range f.DistrictIDs {
		problems.ID(fmt.Sprintf("districtIds[%d]", i), id, true)
	}
	for i, n := range f.Needs {
		if !n.Valid() {
			problems.Add(fmt.Sprintf("needs[%d]", i), "%q is not a need area", n)
		}
	}
	problems.Date("since", f.Since, false)
	problems.Date("until", f.Until, false)
	if !access.SeesSmallCounts(p) {
		for _, w := range []struct{ field, value string }{{"since", f.Since}, {"until", f.Until}} {
			if w.value != "" {
				problems.Add(w.field, "time windows are for readers who see exact counts (STEERING, CASE_MANAGER): the difference of two windows would reveal counts below %d; leave since and until out to count everything recorded", gaps.MinPublicCount)
			}
		}
	}
	if f.Since != "" && f.Until != "" && f.Until < f.Since {
		problems.Add("until", "must not be before since (%s)", f.Since)
	}
	if err := problems.Err(); err != nil {
		return nil, err
	}
	var err error
	if f.Municipality, err = s.municipality(ctx, "filter.municipality", f.Municipality); err != nil {
		return nil, err
	}
	counts, err := s.store.UnmetNeedCounts(ctx, f)
	if err != nil {
		return nil, err
	}
	// The rows of one district and need area add up to the gap report's
	// cell: suppress so that the cell minus the shown rows is no small count.
	ns, groups := make([]int, len(counts)), make([]string, len(counts))
	for i, c := range counts {
		ns[i], groups[i] = c.Count, c.DistrictID+"|"+string(c.Need)
	}
	visible := gaps.GroupedCounts(ns, groups, p)
	out := make([]UnmetNeedCount, len(counts))
	for i, c := range counts {
		if visible[i].Suppressed {
			c.Count = 0
		}
		out[i] = UnmetNeedCount{UnmetNeedCount: c, Visible: visible[i]}
	}
	return out, nil
}

func checkMunicipality(p directory.Problems, m string) {
	if len(m) > maxMunicipalityLen {
		p.Add("municipality", "must be at most %d characters", maxMunicipalityLen)
	}
}
