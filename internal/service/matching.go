package service

import (
	"context"
	"errors"
	"math"
	"strings"
	"time"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/matching"
	"github.com/lotse-kim/lotse/internal/store"
)

// MaxMatches bounds matchOffers' first.
const MaxMatches = 100

// Matching ranks the MaxCandidates nearest fitting offers. They are searched
// first within NearRadiusKm and, only when that finds fewer, within the
// client's whole radius: the answer is the same as one search of the whole
// radius, but a client in a dense city costs one small query instead of
// computing the distance to thousands of offers.
const (
	MaxCandidates = 200
	NearRadiusKm  = 3.0
)

// ChildcarePerCourse is how many childcare offers near a course the care
// plan looks at; the nearest come first, and Plan prefers ones with free places.
const ChildcarePerCourse = 50

// MatchOffers returns the first offers that fit c, best first. Anyone may
// ask: the profile identifies nobody and the answer is public directory data.
func (s *Service) MatchOffers(ctx context.Context, c matching.Client, first int) ([]matching.Match, error) {
	hits, err := s.candidates(ctx, c, func(p directory.Problems) {
		if first < 1 || first > MaxMatches {
			p.Add("first", "must be between 1 and %d", MaxMatches)
		}
	})
	if err != nil {
		return nil, err
	}
	return matching.Rank(c, hits, first), nil
}

// CarePlan puts together a small set of offers that covers as many of c's
// needs as possible. With record it stores each uncovered need as an unmet
// need (need, district, language, target group, date; nothing about the
// client) for strategic steering, and returns what it stored.
func (s *Service) CarePlan(ctx context.Context, c matching.Client, record bool) (matching.CarePlan, []directory.UnmetNeed, error) {
	if err := access.Require(access.FromContext(ctx), "carePlan", access.CaseWorkers...); err != nil {
		return matching.CarePlan{}, nil, err
	}
	hits, err := s.candidates(ctx, c, func(p directory.Problems) {
		if record && c.Location == nil && c.DistrictID == "" {
			p.Add("districtId", "record: true needs a districtId or location to record unmet needs in")
		}
	})
	if err != nil {
		return matching.CarePlan{}, nil, err
	}
	var childErr error
	plan := matching.Plan(c, hits, func(course directory.Offer) []store.OfferHit {
		if course.Location == nil || childErr != nil {
			return nil
		}
		page, err := s.SearchOffers(ctx, store.OfferQuery{ // the reader's restriction applies
			Filter: matching.ChildcareFilter(*course.Location, c),
			Order:  store.OrderDistance,
			Page:   store.Page{First: ChildcarePerCourse},
		})
		if err != nil {
			childErr = err
			return nil
		}
		return page.Hits
	})
	if childErr != nil {
		return matching.CarePlan{}, nil, childErr
	}
	recorded := []directory.UnmetNeed{}
	if !record || len(plan.UncoveredNeeds) == 0 {
		return plan, recorded, nil
	}
	districtID := c.DistrictID
	if districtID == "" {
		ds, err := s.store.Districts(ctx, "")
		if err != nil {
			return plan, nil, err
		}
		d := matching.NearestDistrict(*c.Location, ds)
		if d == nil {
			return plan, nil, &directory.ValidationError{Problems: []directory.FieldError{{
				Field: "location", Message: "no stored district to record unmet needs in; give a districtId"}}}
		}
		districtID = d.ID
	}
	recorded = matching.UnmetNeeds(c, plan, districtID, s.today(), func() string { return NewID("unm-") })
	if err := directory.ValidateUnmetNeeds(recorded); err != nil {
		return plan, nil, err
	}
	ids := make([]string, len(recorded))
	for i, u := range recorded {
		ids[i] = u.ID
	}
	actx := s.audited(ctx, "carePlan.record", "UnmetNeed", strings.Join(ids, ","), nil,
		map[string]any{"unmetNeeds": recorded})
	if err := s.store.RecordUnmetNeeds(actx, recorded); err != nil {
		return plan, nil, err
	}
	return plan, recorded, nil
}

// RecordUnmetNeed stores one need that case management found no offer for.
func (s *Service) RecordUnmetNeed(ctx context.Context, u directory.UnmetNeed) (directory.UnmetNeed, error) {
	if err := access.Require(access.FromContext(ctx), "recordUnmetNeed", access.CaseWorkers...); err != nil {
		return u, err
	}
	u.ID = NewID("unm-")
	if u.RecordedOn == "" {
		u.RecordedOn = s.today()
	}
	if err := u.Validate(); err != nil {
		return u, err
	}
	if err := s.store.RecordUnmetNeeds(s.audited(ctx, "recordUnmetNeed", "UnmetNeed", u.ID, nil, u), []directory.UnmetNeed{u}); err != nil {
		return u, err
	}
	return u, nil
}

func (s *Service) today() string { return s.Now().Format(time.DateOnly) }

// candidates validates c (with the caller's own checks in more), resolves its
// district and origin, and fetches the nearest offers that may fit it.
func (s *Service) candidates(ctx context.Context, c matching.Client, more func(directory.Problems)) ([]store.OfferHit, error) {
	p := directory.NewProblems()
	var ve *directory.ValidationError
	if err := c.Validate(); errors.As(err, &ve) {
		for _, fe := range ve.Problems {
			p.Add(fe.Field, "%s", fe.Message)
		}
	} else if err != nil {
		return nil, err
	}
	more(p)
	if err := p.Err(); err != nil {
		return nil, err
	}
	var d *directory.District
	if c.DistrictID != "" {
		ds, err := s.store.DistrictsByID(ctx, []string{c.DistrictID})
		if err != nil {
			return nil, err
		}
		for i := range ds {
			if ds[i].ID == c.DistrictID {
				d = &ds[i]
			}
		}
		if err := matching.CheckDistrict(c, d); err != nil {
			return nil, err
		}
	}
	q := store.OfferQuery{Filter: matching.CandidateFilter(c, matching.Origin(c, d)), Page: store.Page{First: MaxCandidates}}
	if q.Filter.Near == nil {
		page, err := s.SearchOffers(ctx, q)
		return page.Hits, err
	}
	q.Order = store.OrderDistance
	full := *q.Filter.Near
	// A search within a radius that holds MaxCandidates offers has the
	// answer of the whole radius: every offer beyond it is farther. The
	// second search widens only as far as the density the first one met says
	// is needed, instead of to the whole radius at once: a client whose 3 km
	// held 195 offers cost a search over 5,000 offers (the p99 of matchOffers
	// at NRW scale).
	radius := full.RadiusKm
	if radius > NearRadiusKm {
		radius = NearRadiusKm
	}
	for search := 1; ; search++ {
		near := full
		near.RadiusKm = radius
		q.Filter.Near = &near
		page, err := s.SearchOffers(ctx, q)
		if err != nil || page.TotalCount >= MaxCandidates || radius >= full.RadiusKm {
			return page.Hits, err
		}
		radius = full.RadiusKm
		if search == 1 && page.TotalCount >= minDensityCount {
			radius = math.Min(full.RadiusKm, near.RadiusKm*math.Sqrt(float64(MaxCandidates)/float64(page.TotalCount))*widening)
		}
	}
}

// The second candidate search's radius: the first one's, scaled so that the
// offers found there would number MaxCandidates at the same density, and
// widened by widening for density that thins out. With fewer than
// minDensityCount offers the density says too little, and the whole radius is
// searched.
const (
	minDensityCount = 20
	widening        = 1.3
)
