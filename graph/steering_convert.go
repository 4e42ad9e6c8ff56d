package graph

import (
	"context"
	"fmt"

	"github.com/lotse-kim/lotse/graph/model"
	"github.com/lotse-kim/lotse/graph/relay"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/service"
	"github.com/lotse-kim/lotse/internal/store"
)

// Mapping between the steering API's GraphQL models and the service results.

func gapReport(r service.GapReport) *model.GapReport {
	out := &model.GapReport{Municipality: optString(r.Municipality),
		Cells: make([]model.GapCell, len(r.Cells)), StructuralGaps: make([]model.StructuralGap, len(r.Gaps))}
	for i := range r.Cells {
		c := &r.Cells[i]
		out.Cells[i] = model.GapCell{
			District: &c.District, Need: c.Need, ActiveOffers: c.ActiveOffers, FreePlaces: c.FreePlaces,
			OffersPer10k: c.OffersPer10k, UnmetNeeds: c.Unmet.Value, Suppressed: c.Unmet.Suppressed,
			Level: model.GapLevel(c.Level),
		}
	}
	for i := range r.Gaps {
		g := &r.Gaps[i]
		out.StructuralGaps[i] = model.StructuralGap{
			Kind: model.GapKind(g.Kind), District: g.District, Need: optString(g.Need), Offer: g.Offer,
			Organisation: g.Organisation, Language: optString(g.Language), LanguageCode: optString(g.Language), Detail: g.Detail,
		}
	}
	return out
}

func networkReport(r service.NetworkReport) *model.NetworkReport {
	out := &model.NetworkReport{
		Municipality: optString(r.Municipality), Organisations: r.Organisations, Cooperations: r.Cooperations,
		ProposedCooperations: len(r.Proposed),
		Density:              r.Density, ComponentCount: len(r.Components),
		Components: make([]model.NetworkComponent, len(r.Components)), Isolated: nonNil(r.Isolated),
		Brokers: make([]model.Broker, len(r.Brokers)), KindMatrix: make([]model.KindPair, len(r.KindMatrix)),
		NoPathToJobcenter: nonNil(r.NoPathToJobcenter), NoPathToImmigrationOffice: nonNil(r.NoPathToImmigrationOffice),
	}
	for i, c := range r.Components {
		out.Components[i] = model.NetworkComponent{Size: c.Size, OrganisationIds: relay.Globals(relay.TypeOrganisation, c.OrganisationIDs)}
	}
	for i := range r.Brokers {
		out.Brokers[i] = model.Broker{Organisation: &r.Brokers[i].Organisation, Betweenness: r.Brokers[i].Betweenness}
	}
	for i, k := range r.KindMatrix {
		out.KindMatrix[i] = model.KindPair{A: k.A, B: k.B, Cooperations: k.Cooperations}
	}
	referralNetwork(out, r.Referrals)
	return out
}

func networkGraph(g store.Graph) *model.Network {
	out := &model.Network{Nodes: make([]model.NetworkNode, len(g.Organisations)), Edges: networkEdges(g.Cooperations)}
	for i := range g.Organisations {
		out.Nodes[i] = model.NetworkNode{ID: relay.Global(relay.TypeOrganisation, g.Organisations[i].ID), Organisation: &g.Organisations[i]}
	}
	return out
}

func networkEdges(cs []directory.Cooperation) []model.NetworkEdge {
	out := make([]model.NetworkEdge, len(cs))
	for i, c := range cs {
		// Global ids, as Organisation.id: a client joins edges to nodes and
		// organisations by one id.
		out[i] = model.NetworkEdge{Source: relay.Global(relay.TypeOrganisation, c.A), Target: relay.Global(relay.TypeOrganisation, c.B), Since: optString(c.Since), SinceDate: optString(c.Since), Topics: nonNil(c.Topics)}
	}
	return out
}

// unmetNeedCounts maps the counts; their districts come through the
// request's loader, in one batch.
func unmetNeedCounts(ctx context.Context, counts []service.UnmetNeedCount) ([]model.UnmetNeedCount, error) {
	ids := make([]string, len(counts))
	for i, c := range counts {
		ids[i] = c.DistrictID
	}
	districts, err := LoadersFor(ctx).District.LoadAll(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]model.UnmetNeedCount, len(counts))
	for i, c := range counts {
		if districts[i] == nil {
			return nil, fmt.Errorf("district %q of an unmet-need count is missing", c.DistrictID)
		}
		out[i] = model.UnmetNeedCount{
			District: districts[i], Need: c.Need, Language: optString(c.Language), LanguageCode: optString(c.Language), TargetGroup: optString(c.TargetGroup),
			Count: c.Visible.Value, Suppressed: c.Visible.Suppressed,
		}
	}
	return out, nil
}
