package report

import (
	"bufio"
	"io"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/service"
)

// WriteNetwork writes a network report in format f (CSV or JSON).
func WriteNetwork(w io.Writer, r service.NetworkReport, f Format) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	var err error
	switch f {
	case CSV:
		err = writeExcelCSV(bw, networkCSV, networkRows(r))
	case JSON:
		err = writeJSON(bw, networkJSON(r))
	default:
		_, err = ParseFormat(string(f), NetworkFormats)
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

type component struct {
	Size            int      `json:"size"`
	OrganisationIDs []string `json:"organisationIds"`
}

type broker struct {
	Organisation organisationRef `json:"organisation"`
	Betweenness  float64         `json:"betweenness"`
}

type kindPair struct {
	A            directory.OrganisationKind `json:"a"`
	B            directory.OrganisationKind `json:"b"`
	Cooperations int                        `json:"cooperations"`
}

type networkReport struct {
	Municipality              *string           `json:"municipality"`
	Organisations             int               `json:"organisations"`
	Cooperations              int               `json:"cooperations"`
	Density                   float64           `json:"density"`
	ComponentCount            int               `json:"componentCount"`
	Components                []component       `json:"components"`
	Isolated                  []organisationRef `json:"isolated"`
	Brokers                   []broker          `json:"brokers"`
	KindMatrix                []kindPair        `json:"kindMatrix"`
	NoPathToJobcenter         []organisationRef `json:"noPathToJobcenter"`
	NoPathToImmigrationOffice []organisationRef `json:"noPathToImmigrationOffice"`
	// Not in the GraphQL answer: whether the brokers' betweenness is exact or
	// estimated from a sample of sources (network.Options.ExactWork).
	BetweennessExact   bool `json:"betweennessExact"`
	BetweennessSources int  `json:"betweennessSources"`
}

func organisations(list []directory.Organisation) []organisationRef {
	out := make([]organisationRef, len(list))
	for i, o := range list {
		out[i] = organisation(o)
	}
	return out
}

func networkJSON(r service.NetworkReport) networkReport {
	out := networkReport{
		Municipality: opt(r.Municipality), Organisations: r.Organisations, Cooperations: r.Cooperations,
		Density: r.Density, ComponentCount: len(r.Components), Components: make([]component, len(r.Components)),
		Isolated: organisations(r.Isolated), Brokers: make([]broker, len(r.Brokers)),
		KindMatrix: make([]kindPair, len(r.KindMatrix)), NoPathToJobcenter: organisations(r.NoPathToJobcenter),
		NoPathToImmigrationOffice: organisations(r.NoPathToImmigrationOffice),
		BetweennessExact:          r.BetweennessExact, BetweennessSources: r.BetweennessSources,
	}
	for i, c := range r.Components {
		ids := c.OrganisationIDs
		if ids == nil {
			ids = []string{}
		}
		out.Components[i] = component{Size: c.Size, OrganisationIDs: ids}
	}
	for i, b := range r.Brokers {
		out.Brokers[i] = broker{Organisation: organisation(b.Organisation), Betweenness: b.Betweenness}
	}
	for i, k := range r.KindMatrix {
		out.KindMatrix[i] = kindPair{A: k.A, B: k.B, Cooperations: k.Cooperations}
	}
	return out
}

// networkRows are the rows of the network CSV (columns in networkCSV), one
// per fact. Sections:
//
//	summary                        key (organisations, cooperations, density, componentCount, betweennessExact), value
//	component                      rank (1 = largest), organisation, value = the component's size
//	isolated                       organisation
//	broker                         rank, organisation, value = betweenness
//	kind_pair                      kind, other_kind, value = cooperations
//	no_path_to_jobcenter           organisation
//	no_path_to_immigration_office  organisation
func networkRows(r service.NetworkReport) []map[string]any {
	rows := []map[string]any{
		{"section": "summary", "key": "municipality", "value": r.Municipality},
		{"section": "summary", "key": "organisations", "value": r.Organisations},
		{"section": "summary", "key": "cooperations", "value": r.Cooperations},
		{"section": "summary", "key": "density", "value": r.Density},
		{"section": "summary", "key": "componentCount", "value": len(r.Components)},
		{"section": "summary", "key": "betweennessExact", "value": r.BetweennessExact},
	}
	org := func(section string, o directory.Organisation) map[string]any {
		return map[string]any{"section": section, "organisation_id": o.ID, "organisation": o.Name, "kind": string(o.Kind)}
	}
	for i, c := range r.Components {
		for _, id := range c.OrganisationIDs {
			rows = append(rows, map[string]any{"section": "component", "rank": i + 1, "organisation_id": id, "value": c.Size})
		}
	}
	for _, o := range r.Isolated {
		rows = append(rows, org("isolated", o))
	}
	for i, b := range r.Brokers {
		row := org("broker", b.Organisation)
		row["rank"], row["value"] = i+1, b.Betweenness
		rows = append(rows, row)
	}
	for _, k := range r.KindMatrix {
		rows = append(rows, map[string]any{"section": "kind_pair", "kind": string(k.A), "other_kind": string(k.B), "value": k.Cooperations})
	}
	for _, o := range r.NoPathToJobcenter {
		rows = append(rows, org("no_path_to_jobcenter", o))
	}
	for _, o := range r.NoPathToImmigrationOffice {
		rows = append(rows, org("no_path_to_immigration_office", o))
	}
	return rows
}
