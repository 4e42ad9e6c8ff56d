package matching

import (
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// DefaultSearchRadiusKm is the search radius when the client gives no
// maxDistanceKm: about the size of a city like Solingen or Wuppertal, so a
// client is shown what can be reached by bus, not the whole region.
const DefaultSearchRadiusKm = 15

// ChildcareRadiusKm is how far from a course a care plan looks for a
// childcare offer or Passagegruppe: far enough for a parent to bring the
// children and still reach the course in time. (The gap rule's stricter
// radius is gaps.ChildcareRadiusKm.)
const ChildcareRadiusKm = 2

// CandidateFilter is what the store should retrieve for c, in one query:
// offers addressing any of c's needs, ACTIVE, open to c's age, eligible under
// one of c's legal circuits (offers listing none are open to all), FREE when
// c.FreeOnly, and, when origin is known, within c.MaxDistanceKm (or
// DefaultSearchRadiusKm) of origin. The caller resolves origin with Origin.
//
// Two things are left to Rank on purpose. Target groups: the store's filter
// keeps offers for ALL but not offers that list no group, and a client who
// names no group should still see exclusive offers (with a warning).
// NeedsChildcare does not widen the needs: it is a condition for attending,
// not a need area; Rank scores childcare, and Plan looks for childcare near a
// course with ChildcareFilter. A client who also wants help with childcare
// as such names FAMILY_CHILDCARE.
//
// With Near set the store returns only offers with a location, so purely
// digital offers (no location) are not retrieved by this filter.
func CandidateFilter(c Client, origin *directory.GeoPoint) store.OfferFilter {
	f := store.OfferFilter{
		Needs:         c.needs(),
		Status:        []directory.OfferStatus{directory.StatusActive},
		LegalCircuits: append([]directory.LegalCircuit(nil), c.LegalCircuits...),
	}
	if c.Age != nil {
		age := *c.Age
		f.Age = &age
	}
	if c.FreeOnly {
		f.Cost = []directory.Cost{directory.CostFree}
	}
	if origin != nil {
		f.Near = &store.Near{Lat: origin.Lat, Lon: origin.Lon, RadiusKm: c.radiusKm()}
	}
	return f
}

// ChildcareFilter finds childcare offers and Passagegruppen within
// ChildcareRadiusKm of a course: active, and FREE when c.FreeOnly. The
// client's age, legal circuits and target groups do not apply: the offer is
// for the client's children, and childcare under SGB VIII is open to every
// child. Order the query by DISTANCE.
func ChildcareFilter(course directory.GeoPoint, c Client) store.OfferFilter {
	f := store.OfferFilter{
		Categories: []directory.OfferCategory{directory.CategoryChildcare, directory.CategoryPassageGroup},
		Status:     []directory.OfferStatus{directory.StatusActive},
		Near:       &store.Near{Lat: course.Lat, Lon: course.Lon, RadiusKm: ChildcareRadiusKm},
	}
	if c.FreeOnly {
		f.Cost = []directory.Cost{directory.CostFree}
	}
	return f
}
