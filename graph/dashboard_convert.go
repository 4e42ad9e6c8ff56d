package graph

import (
	"slices"
	"strings"

	"github.com/lotse-kim/lotse/graph/model"
	"github.com/lotse-kim/lotse/graph/relay"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/service"
)

// networkPicture maps a municipality's network and its analysis to the
// nodes of the network picture, by id.
func networkPicture(g service.NetworkGraph) *model.NetworkGraph {
	set := func(list []directory.Organisation) map[string]bool {
		m := make(map[string]bool, len(list))
		for _, o := range list {
			m[o.ID] = true
		}
		return m
	}
	isolated, noJobcenter, noImmigration := set(g.Isolated), set(g.NoPathToJobcenter), set(g.NoPathToImmigrationOffice)
	component := map[string]int{}
	for i, c := range g.Components {
		for _, id := range c.OrganisationIDs {
			component[id] = i
		}
	}
	degree := map[string]int{}
	for _, c := range g.Graph.Cooperations {
		degree[c.A]++
		degree[c.B]++
	}
	orgs := slices.Clone(g.Graph.Organisations)
	slices.SortFunc(orgs, func(a, b directory.Organisation) int { return strings.Compare(a.ID, b.ID) })
	orgs = slices.CompactFunc(orgs, func(a, b directory.Organisation) bool { return a.ID == b.ID })
	out := &model.NetworkGraph{Municipality: g.Municipality, Nodes: make([]model.NetworkGraphNode, len(orgs)),
		Edges: networkEdges(g.Graph.Cooperations), ProposedEdges: networkEdges(g.Proposed), BetweennessExact: g.BetweennessExact}
	for i := range orgs {
		id := orgs[i].ID
		out.Nodes[i] = model.NetworkGraphNode{ID: relay.Global(relay.TypeOrganisation, id), Organisation: &orgs[i], Betweenness: g.Betweenness[id],
			Degree: degree[id], Component: component[id], Isolated: isolated[id],
			ReachesJobcenter: !noJobcenter[id], ReachesImmigrationOffice: !noImmigration[id]}
	}
	return out
}
