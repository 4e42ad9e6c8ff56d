package matching

import (
	"fmt"
	"math"

	"github.com/lotse-kim/lotse/internal/directory"
)

// Client is what a case manager tells Lotse about a client for matching
// (GraphQL ClientProfile). It holds no identity: no name, no contact data.
type Client struct {
	Needs         []directory.NeedArea
	Languages     []string // ISO 639-1, the client's preferred first
	Location      *directory.GeoPoint
	DistrictID    string
	MaxDistanceKm *float64
	TargetGroups  []directory.TargetGroup
	Age           *int
	// NeedsChildcare: the client can only attend when children are looked after.
	NeedsChildcare bool
	LegalCircuits  []directory.LegalCircuit
	FreeOnly       bool
}

// MaxRadiusKm bounds maxDistanceKm; the stores refuse larger radii.
const MaxRadiusKm = 1000

// DistrictToleranceKm is how far beyond a district's radius a given location
// may lie before location and districtId count as contradicting.
const DistrictToleranceKm = 2

// DefaultDistrictRadiusKm stands in for a district whose extent is not known
// (RadiusKm 0), so that an unknown radius does not reject every location.
const DefaultDistrictRadiusKm = 5

// Validate checks the profile on its own, naming fields as the GraphQL input
// does ("needs[1]", "location.lat"). The checks that need stored districts are
// CheckDistrict's.
func (c Client) Validate() error {
	p := directory.NewProblems()
	if len(c.Needs) == 0 {
		p.Add("needs", "must name at least one need area")
	}
	enum(p, "needs", c.Needs, directory.NeedArea.Valid, "need area")
	p.Languages("languages", c.Languages)
	p.Point("location", c.Location)
	p.ID("districtId", c.DistrictID, false)
	if d := c.MaxDistanceKm; d != nil {
		switch {
		case !(*d > 0) || math.IsInf(*d, 0):
			p.Add("maxDistanceKm", "must be greater than 0")
		case *d > MaxRadiusKm:
			p.Add("maxDistanceKm", "must be at most %d", MaxRadiusKm)
		case c.Location == nil && c.DistrictID == "":
			p.Add("maxDistanceKm", "needs a location or a districtId to measure from")
		}
	}
	enum(p, "targetGroups", c.TargetGroups, directory.TargetGroup.Valid, "target group")
	if c.Age != nil && (*c.Age < 0 || *c.Age > 130) {
		p.Add("age", "must be between 0 and 130")
	}
	enum(p, "legalCircuits", c.LegalCircuits, directory.LegalCircuit.Valid, "legal circuit")
	return p.Err()
}

func enum[T ~string](p directory.Problems, field string, list []T, valid func(T) bool, what string) {
	seen := map[T]bool{}
	for i, v := range list {
		f := fmt.Sprintf("%s[%d]", field, i)
		switch {
		case !valid(v):
			p.Add(f, "%q is not a known %s", v, what)
		case seen[v]:
			p.Add(f, "%q is listed twice", v)
		}
		seen[v] = true
	}
}

// CheckDistrict does the checks of a profile that need its stored district:
// d is the district stored under c.DistrictID, nil when there is none. It
// returns a *directory.ValidationError on "districtId" for an unknown
// district, and on "location" when location and districtId are both given
// and the location lies more than the district's radius plus
// DistrictToleranceKm from its centre. Without a districtId it returns nil.
func CheckDistrict(c Client, d *directory.District) error {
	if c.DistrictID == "" {
		return nil
	}
	p := directory.NewProblems()
	switch {
	case d == nil:
		p.Add("districtId", "district %q not found", c.DistrictID)
	case c.Location != nil && d.Centre != nil:
		radius := d.RadiusKm
		if radius <= 0 {
			radius = DefaultDistrictRadiusKm
		}
		if dist := directory.DistanceKm(*c.Location, *d.Centre); dist > radius+DistrictToleranceKm {
			p.Add("location", "lies %.1f km from district %s (more than its radius + %d km); give one of location or districtId",
				dist, d.Name, DistrictToleranceKm)
		}
	}
	return p.Err()
}

// Origin is the point distances are measured from: the client's location,
// else the centre of the client's district (d may be nil), else nil.
func Origin(c Client, d *directory.District) *directory.GeoPoint {
	if c.Location != nil {
		return c.Location
	}
	if d != nil && c.DistrictID != "" && d.ID == c.DistrictID {
		return d.Centre
	}
	return nil
}

// NearestDistrict returns the district whose centre is nearest to p, or nil
// when none has a centre: the district an unmet need is recorded in when the
// client gave a location but no districtId. Ties go to the smaller id.
func NearestDistrict(p directory.GeoPoint, ds []directory.District) *directory.District {
	var best *directory.District
	bestKm := math.Inf(1)
	for i := range ds {
		d := &ds[i]
		if d.Centre == nil {
			continue
		}
		km := directory.DistanceKm(p, *d.Centre)
		if km < bestKm || km == bestKm && best != nil && d.ID < best.ID {
			best, bestKm = d, km
		}
	}
	return best
}

// needs returns the client's valid need areas in input order, without repeats.
func (c Client) needs() []directory.NeedArea {
	var out []directory.NeedArea
	for _, n := range c.Needs {
		if n.Valid() && !has(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// radiusKm is the radius distance scores decay over.
func (c Client) radiusKm() float64 {
	if c.MaxDistanceKm != nil && *c.MaxDistanceKm > 0 {
		return *c.MaxDistanceKm
	}
	return DefaultSearchRadiusKm
}

// hasOrigin reports whether the client gave something to measure distance from.
func (c Client) hasOrigin() bool { return c.Location != nil || c.DistrictID != "" }

func has[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
