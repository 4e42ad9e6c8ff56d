package demo

import (
	"math"
	"slices"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/gaps"
)

// Tensions are what strategic steering should find in a network. Each list
// is computed from the data; see the package comment for the definitions.
type Tensions struct {
	// CoursesWithoutChildcare: ACTIVE located integration courses without
	// childcare and without an ACTIVE CHILDCARE or PASSAGE_GROUP offer
	// within gaps.ChildcareRadiusKm (the gap rule's radius).
	CoursesWithoutChildcare []string `json:"coursesWithoutChildcare"`
	// DistrictsWithoutPassageGroup: districts where no ACTIVE PASSAGE_GROUP
	// offer takes place.
	DistrictsWithoutPassageGroup []string `json:"districtsWithoutPassageGroup"`
	// FullOffers: ACTIVE offers with a capacity above 0 and 0 free places.
	FullOffers []string `json:"fullOffers"`
	// GermanOnlyOffers: ACTIVE offers held in German alone.
	GermanOnlyOffers []string `json:"germanOnlyOffers"`
	// UnfundedPassageGroups: PASSAGE_GROUP offers that are PLANNED or
	// PAUSED with funding UNFUNDED or APPLIED.
	UnfundedPassageGroups []string `json:"unfundedPassageGroups"`
	// IsolatedOrganisations: organisations without any cooperation.
	IsolatedOrganisations []string `json:"isolatedOrganisations"`
	// UnmetLanguage: recorded unmet needs in a language for which no ACTIVE
	// offer in the district addresses that need in that language.
	UnmetLanguage []UnmetLanguage `json:"unmetLanguage"`
}

// UnmetLanguage is a need that case management could not meet in a
// district in the client's language.
type UnmetLanguage struct {
	District string             `json:"district"`
	Language string             `json:"language"`
	Need     directory.NeedArea `json:"need"`
}

// DemoTensions are the tensions of Demo().
func DemoTensions() Tensions { return FindTensions(Demo()) }

// FindTensions computes the tensions of any snapshot. It is linear in the
// size of the snapshot (the 1 km check uses a grid), so it serves for the
// NRW network too. Lists keep the snapshot's order.
func FindTensions(s directory.Snapshot) Tensions {
	var t Tensions
	grid := newGrid(gaps.ChildcareRadiusKm)
	for _, o := range s.Offers {
		if o.Status == directory.StatusActive && o.Location != nil &&
			(o.Category == directory.CategoryChildcare || o.Category == directory.CategoryPassageGroup) {
			grid.add(*o.Location)
		}
	}
	passage := map[string]bool{}
	type key struct {
		district, lang string
		need           directory.NeedArea
	}
	spoken := map[key]bool{}
	for _, o := range s.Offers {
		active := o.Status == directory.StatusActive
		if active && o.Category == directory.CategoryIntegrationCourse && !o.Childcare && o.Location != nil &&
			!grid.near(*o.Location, gaps.ChildcareRadiusKm) {
			t.CoursesWithoutChildcare = append(t.CoursesWithoutChildcare, o.ID)
		}
		if active && o.Category == directory.CategoryPassageGroup && o.DistrictID != "" {
			passage[o.DistrictID] = true
		}
		if active && o.Capacity != nil && *o.Capacity > 0 && o.FreePlaces != nil && *o.FreePlaces == 0 {
			t.FullOffers = append(t.FullOffers, o.ID)
		}
		if active && len(o.Languages) == 1 && o.Languages[0] == "de" {
			t.GermanOnlyOffers = append(t.GermanOnlyOffers, o.ID)
		}
		if o.Category == directory.CategoryPassageGroup &&
			(o.Status == directory.StatusPlanned || o.Status == directory.StatusPaused) &&
			(o.Funding == directory.FundingUnfunded || o.Funding == directory.FundingApplied) {
			t.UnfundedPassageGroups = append(t.UnfundedPassageGroups, o.ID)
		}
		if active && o.DistrictID != "" {
			for _, n := range o.Needs {
				for _, l := range o.Languages {
					spoken[key{o.DistrictID, l, n}] = true
				}
			}
		}
	}
	for _, d := range s.Districts {
		if !passage[d.ID] {
			t.DistrictsWithoutPassageGroup = append(t.DistrictsWithoutPassageGroup, d.ID)
		}
	}
	linked := make(map[string]bool, len(s.Organisations))
	for _, c := range s.Cooperations {
		linked[c.A], linked[c.B] = true, true
	}
	for _, o := range s.Organisations {
		if !linked[o.ID] {
			t.IsolatedOrganisations = append(t.IsolatedOrganisations, o.ID)
		}
	}
	for _, u := range s.UnmetNeeds {
		if u.Language == "" || spoken[key{u.DistrictID, u.Language, u.Need}] {
			continue
		}
		ul := UnmetLanguage{District: u.DistrictID, Language: u.Language, Need: u.Need}
		if !slices.Contains(t.UnmetLanguage, ul) {
			t.UnmetLanguage = append(t.UnmetLanguage, ul)
		}
	}
	return t
}

// grid buckets points into cells at least cellKm wide, so that every point
// within cellKm of p lies in p's cell or one of its eight neighbours.
type grid struct {
	dLat  float64
	cells map[[2]int32][]directory.GeoPoint
}

func newGrid(cellKm float64) *grid {
	return &grid{dLat: cellKm / kmPerDegLat, cells: map[[2]int32][]directory.GeoPoint{}}
}

// dLon is the cell width in degrees at latitude band row; bands use their
// pole-side edge, where a degree of longitude is shortest.
func (g *grid) dLon(row int32) float64 {
	lat := math.Max(math.Abs(float64(row)*g.dLat), math.Abs(float64(row+1)*g.dLat))
	c := math.Cos(math.Min(lat+g.dLat, 89.9) * math.Pi / 180)
	return g.dLat / c
}

func (g *grid) cell(p directory.GeoPoint) (int32, int32) {
	row := int32(math.Floor(p.Lat / g.dLat))
	return row, int32(math.Floor(p.Lon / g.dLon(row)))
}

func (g *grid) add(p directory.GeoPoint) {
	r, c := g.cell(p)
	g.cells[[2]int32{r, c}] = append(g.cells[[2]int32{r, c}], p)
}

func (g *grid) near(p directory.GeoPoint, km float64) bool {
	row, _ := g.cell(p)
	for dr := int32(-1); dr <= 1; dr++ {
		r := row + dr
		c := int32(math.Floor(p.Lon / g.dLon(r)))
		for dc := int32(-1); dc <= 1; dc++ {
			for _, q := range g.cells[[2]int32{r, c + dc}] {
				if directory.DistanceKm(p, q) <= km {
					return true
				}
			}
		}
	}
	return false
}
