package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strings"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/gaps"
	"github.com/lotse-kim/lotse/internal/service"
)

// WriteGaps writes a gap report in format f.
func WriteGaps(w io.Writer, r service.GapReport, f Format) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	var err error
	switch f {
	case CSV:
		err = gapsCSV(bw, r)
	case JSON:
		err = writeJSON(bw, gapsJSON(r))
	case GeoJSON:
		err = writeGeoJSON(bw, gapsGeoJSON(r))
	default:
		_, err = ParseFormat(string(f), GapFormats)
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// writeGeoJSON writes a feature collection with one feature per line:
// indenting every coordinate of the district outlines would multiply the
// file's size, and a line per feature still diffs well.
func writeGeoJSON(w io.Writer, fc featureCollection) error {
	if _, err := io.WriteString(w, `{"type":"FeatureCollection","features":[`); err != nil {
		return err
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	for i, f := range fc.Features {
		b.Reset()
		if err := enc.Encode(f); err != nil {
			return err
		}
		sep := ",\n"
		if i == 0 {
			sep = "\n"
		}
		if _, err := io.WriteString(w, sep+strings.TrimSuffix(b.String(), "\n")); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, "\n]}\n")
	return err
}

// JSON shapes, named like the GraphQL fields.

type districtRef struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	Municipality string `json:"municipality"`
	Population   int    `json:"population"`
}

type offerRef struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

type organisationRef struct {
	ID   string                     `json:"id"`
	Name string                     `json:"name"`
	Kind directory.OrganisationKind `json:"kind"`
}

type gapCell struct {
	District     districtRef        `json:"district"`
	Need         directory.NeedArea `json:"need"`
	ActiveOffers int                `json:"activeOffers"`
	FreePlaces   int                `json:"freePlaces"`
	OffersPer10k float64            `json:"offersPer10k"`
	UnmetNeeds   *int               `json:"unmetNeeds"`
	Suppressed   bool               `json:"suppressed"`
	Level        gaps.Level         `json:"level"`
}

type structuralGap struct {
	Kind         gaps.GapKind        `json:"kind"`
	District     *districtRef        `json:"district"`
	Need         *directory.NeedArea `json:"need"`
	Offer        *offerRef           `json:"offer"`
	Organisation *organisationRef    `json:"organisation"`
	Language     *string             `json:"language"`
	Detail       string              `json:"detail"`
}

type gapReport struct {
	Municipality   *string              `json:"municipality"`
	Needs          []directory.NeedArea `json:"needs"`
	Cells          []gapCell            `json:"cells"`
	StructuralGaps []structuralGap      `json:"structuralGaps"`
}

func district(d directory.District) districtRef {
	return districtRef{ID: d.ID, Name: d.Name, Municipality: d.Municipality, Population: d.Population}
}

func organisation(o directory.Organisation) organisationRef {
	return organisationRef{ID: o.ID, Name: o.Name, Kind: o.Kind}
}

func opt[T ~string](s T) *T {
	if s == "" {
		return nil
	}
	return &s
}

func gapsJSON(r service.GapReport) gapReport {
	out := gapReport{Municipality: opt(r.Municipality), Needs: r.Needs,
		Cells: make([]gapCell, len(r.Cells)), StructuralGaps: make([]structuralGap, len(r.Gaps))}
	for i, c := range r.Cells {
		out.Cells[i] = gapCell{District: district(c.District), Need: c.Need, ActiveOffers: c.ActiveOffers,
			FreePlaces: c.FreePlaces, OffersPer10k: c.OffersPer10k, UnmetNeeds: c.Unmet.Value,
			Suppressed: c.Unmet.Suppressed, Level: c.Level}
	}
	for i, g := range r.Gaps {
		sg := structuralGap{Kind: g.Kind, Need: opt(g.Need), Language: opt(g.Language), Detail: g.Detail}
		if g.District != nil {
			d := district(*g.District)
			sg.District = &d
		}
		if g.Offer != nil {
			sg.Offer = &offerRef{ID: g.Offer.ID, Title: g.Offer.Title}
		}
		if g.Organisation != nil {
			o := organisation(*g.Organisation)
			sg.Organisation = &o
		}
		out.StructuralGaps[i] = sg
	}
	return out
}

// gapColumns are the properties of the GeoJSON features; the CSV shows them
// under German headers (gapCSV).
var gapColumns = []string{
	"record", "municipality", "district_id", "district", "population", "need",
	"active_offers", "free_places", "offers_per_10k", "unmet_needs", "suppressed", "level",
	"kind", "offer_id", "offer", "organisation_id", "organisation", "language", "detail",
}

// gapRows turns the report into rows keyed by gapColumns; values are
// strings, ints, floats, bools or nil (an empty field).
func gapRows(r service.GapReport) []map[string]any {
	rows := make([]map[string]any, 0, len(r.Cells)+len(r.Gaps))
	for _, c := range r.Cells {
		var unmet any
		if c.Unmet.Value != nil {
			unmet = *c.Unmet.Value
		}
		rows = append(rows, map[string]any{
			"record": "cell", "municipality": c.District.Municipality, "district_id": c.District.ID,
			"district": c.District.Name, "population": c.District.Population, "need": string(c.Need),
			"active_offers": c.ActiveOffers, "free_places": c.FreePlaces, "offers_per_10k": c.OffersPer10k,
			"unmet_needs": unmet, "suppressed": c.Unmet.Suppressed, "level": string(c.Level),
		})
	}
	for _, g := range r.Gaps {
		row := map[string]any{"record": "gap", "kind": string(g.Kind), "detail": g.Detail}
		if g.District != nil {
			row["municipality"], row["district_id"], row["district"], row["population"] =
				g.District.Municipality, g.District.ID, g.District.Name, g.District.Population
		}
		if g.Need != "" {
			row["need"] = string(g.Need)
		}
		if g.Offer != nil {
			row["offer_id"], row["offer"] = g.Offer.ID, g.Offer.Title
		}
		if g.Organisation != nil {
			row["organisation_id"], row["organisation"] = g.Organisation.ID, g.Organisation.Name
		}
		if g.Language != "" {
			row["language"] = g.Language
		}
		if g.Kind == gaps.GapLanguageNotCovered {
			if g.Unmet.Value != nil {
				row["unmet_needs"] = *g.Unmet.Value
			}
			row["suppressed"] = g.Unmet.Suppressed
		}
		rows = append(rows, row)
	}
	return rows
}

func gapsCSV(w io.Writer, r service.GapReport) error {
	return writeExcelCSV(w, gapCSV, gapRows(r))
}

type feature struct {
	Type       string         `json:"type"`
	Geometry   any            `json:"geometry"` // *point, *directory.Boundary or nil
	Properties map[string]any `json:"properties"`
}

type point struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"`
}

type featureCollection struct {
	Type     string    `json:"type"`
	Features []feature `json:"features"`
}

func pointAt(g *directory.GeoPoint) any {
	if g == nil {
		return nil
	}
	return &point{Type: "Point", Coordinates: [2]float64{g.Lon, g.Lat}}
}

func gapsGeoJSON(r service.GapReport) featureCollection {
	rows := gapRows(r)
	fc := featureCollection{Type: "FeatureCollection", Features: make([]feature, len(rows))}
	for i, row := range rows {
		var at *directory.GeoPoint
		if i < len(r.Cells) {
			// A cell is its district: drawn as the district's outline when
			// known, so QGIS can fill a choropleth by level.
			if b := r.Cells[i].District.Boundary; b != nil {
				fc.Features[i] = feature{Type: "Feature", Geometry: b, Properties: properties(row)}
				continue
			}
			at = r.Cells[i].District.Centre
		} else {
			g := r.Gaps[i-len(r.Cells)]
			switch {
			case g.Offer != nil && g.Offer.Location != nil && !g.Offer.ConfidentialAddress:
				// A confidential place is drawn at its district's centre:
				// files leave Lotse, so whoever reads them may not see it.
				at = g.Offer.Location
			case g.District != nil:
				at = g.District.Centre
			}
		}
		fc.Features[i] = feature{Type: "Feature", Geometry: pointAt(at), Properties: properties(row)}
	}
	return fc
}

// properties are a feature's properties: every column, null when empty.
func properties(row map[string]any) map[string]any {
	props := make(map[string]any, len(gapColumns))
	for _, col := range gapColumns {
		props[col] = row[col]
	}
	return props
}
