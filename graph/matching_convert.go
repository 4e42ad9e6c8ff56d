package graph

import (
	"github.com/lotse-kim/lotse/graph/model"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/matching"
)

// Mapping between the matching API's GraphQL models and internal/matching.

func clientFromProfile(in model.ClientProfile) (matching.Client, error) {
	langs, err := eitherList("languageCodes", "languages", in.LanguageCodes, in.Languages)
	return matching.Client{
		Needs: in.Needs, Languages: langs, Location: geo(in.Location), DistrictID: deref(in.DistrictID),
		MaxDistanceKm: in.MaxDistanceKm, TargetGroups: in.TargetGroups, Age: in.Age,
		NeedsChildcare: deref(in.NeedsChildcare), LegalCircuits: in.LegalCircuits, FreeOnly: deref(in.FreeOnly),
	}, err
}

func offerMatches(ms []matching.Match) []model.OfferMatch {
	out := make([]model.OfferMatch, len(ms))
	for i := range ms {
		m := &ms[i]
		out[i] = model.OfferMatch{
			Offer: &m.Offer, Score: m.Score, DistanceKm: m.DistanceKm, MatchedNeeds: nonNil(m.MatchedNeeds),
			Reasons: matchReasons(m.Reasons), Warnings: matchReasons(m.Warnings),
		}
	}
	return out
}

// matchedOffers are the offers of ms, for prefetchOffers.
func matchedOffers(ms []model.OfferMatch) []*directory.Offer {
	out := make([]*directory.Offer, len(ms))
	for i := range ms {
		out[i] = ms[i].Offer
	}
	return out
}

func matchReasons(rs []matching.Reason) []model.MatchReason {
	out := make([]model.MatchReason, len(rs))
	for i, r := range rs {
		out[i] = model.MatchReason{Code: r.Code, Kind: model.MatchReasonKind(r.Code), Text: r.Text}
	}
	return out
}
