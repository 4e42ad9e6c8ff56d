package server_test

import (
	"math"
	"slices"
	"testing"

	"github.com/lotse-kim/lotse/internal/access"
)

// networkGraph pictures exactly what networkReport counts.
func TestNetworkGraph(t *testing.T) {
	e := newEnv(t)
	var got struct {
		NetworkGraph struct {
			Municipality string
			Nodes        []struct {
				ID                         string
				Organisation               struct{ ID, Kind string }
				Betweenness                float64
				Degree, Component          int
				Isolated, ReachesJobcenter bool
				ReachesImmigrationOffice   bool
			}
			Edges []struct{ Source, Target string }
		}
		NetworkReport struct {
			Organisations, Cooperations int
			Isolated, NoPathToJobcenter []struct{ ID string }
			Brokers                     []struct {
				Organisation struct{ ID string }
				Betweenness  float64
			}
		}
	}
	e.ok(access.RoleSteering, `{
	  networkGraph(municipality: "Solingen") {
	    municipality
	    nodes { id organisation { id kind } betweenness degree component isolated reachesJobcenter reachesImmigrationOffice }
	    edges { source target }
	  }
	  networkReport(municipality: "Solingen") { organisations cooperations isolated { id } noPathToJobcenter { id } brokers { organisation { id } betweenness } }
	}`, nil, &got)
	g, r := got.NetworkGraph, got.NetworkReport
	if len(g.Nodes) != r.Organisations || len(g.Edges) != r.Cooperations || g.Municipality != "Solingen" {
		t.Fatalf("%d nodes, %d edges; the report counts %d organisations, %d cooperations", len(g.Nodes), len(g.Edges), r.Organisations, r.Cooperations)
	}
	ids := func(l []struct{ ID string }) []string {
		var out []string
		for _, o := range l {
			out = append(out, o.ID)
		}
		slices.Sort(out)
		return out
	}
	var isolated, noJobcenter []string
	byID := map[string]int{}
	degrees := 0
	for i, n := range g.Nodes {
		byID[n.ID] = i
		degrees += n.Degree
		if n.Isolated {
			isolated = append(isolated, n.ID)
			if n.Degree != 0 {
				t.Errorf("%s is isolated with degree %d", n.ID, n.Degree)
			}
		}
		if !n.ReachesJobcenter {
			noJobcenter = append(noJobcenter, n.ID)
		}
		if n.Organisation.Kind == "JOBCENTER" && !n.ReachesJobcenter {
			t.Errorf("the Jobcenter %s does not reach itself", n.ID)
		}
	}
	if !slices.Equal(isolated, ids(r.Isolated)) || len(isolated) == 0 {
		t.Errorf("isolated nodes %v, report %v", isolated, ids(r.Isolated))
	}
	if !slices.Equal(noJobcenter, ids(r.NoPathToJobcenter)) {
		t.Errorf("nodes without a path to the Jobcenter %v, report %v", noJobcenter, ids(r.NoPathToJobcenter))
	}
	if degrees != 2*len(g.Edges) {
		t.Errorf("degrees sum to %d, want twice the %d edges", degrees, len(g.Edges))
	}
	for _, b := range r.Brokers {
		if n := g.Nodes[byID[b.Organisation.ID]]; math.Abs(n.Betweenness-b.Betweenness) > 1e-9 || n.Component != 0 {
			t.Errorf("broker %s: node betweenness %v component %d, report %v", b.Organisation.ID, n.Betweenness, n.Component, b.Betweenness)
		}
	}

	for _, c := range []struct {
		role access.Role
		m    string
		code string
	}{
		{access.RolePublic, "Solingen", "UNAUTHENTICATED"},
		{access.RolePartner, "Solingen", "FORBIDDEN"},
		{access.RoleSteering, "", "BAD_USER_INPUT municipality"},
		{access.RoleSteering, "Atlantis", "NOT_FOUND municipality"},
	} {
		res := e.do(c.role, `query($m: String!) { networkGraph(municipality: $m) { nodes { id } } }`, map[string]any{"m": c.m})
		if got := codes(res); len(got) != 1 || got[0] != c.code {
			t.Errorf("%s %q: %v, want %s", c.role, c.m, got, c.code)
		}
	}
}
