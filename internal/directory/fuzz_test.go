package directory

import (
	"math"
	"strings"
	"testing"
)

// FuzzOfferValidate feeds random field values to Offer.Validate: it must
// never panic, must answer the same twice, and must name a field in every
// problem it reports.
func FuzzOfferValidate(f *testing.F) {
	f.Add("off-1", "org-1", "Sprachcafé", "INTEGRATION_COURSE", "WOMEN", "LANGUAGE", "de,ar", "SGB_II", "FREE", "ACTIVE", "FUNDED", "sg-mitte", 12, 3, 18, 65, 51.17, 7.08, true)
	f.Add("", "", " ", "x", "", "", "xx,,DE", "", "", "", "", "", -1, 99, 70, 10, 123.0, -200.0, false)
	f.Add("off-\x00", "org-ü", strings.Repeat("a", 500), "OTHER", "", "HEALTH,WORK", "", "ASYLBLG", "PAID", "ENDED", "APPLIED", "wt-barmen", 0, 0, 0, 0, math.NaN(), math.Inf(1), true)
	f.Fuzz(func(t *testing.T, id, provider, title, category, courseType, needs, languages, circuits, cost, status, funding, district string,
		capacity, free, ageMin, ageMax int, lat, lon float64, located bool) {
		o := Offer{
			ID: id, ProviderID: provider, Title: title, Category: OfferCategory(category), CourseType: CourseType(courseType),
			Needs: splitAs[NeedArea](needs), Languages: splitAs[string](languages), LegalCircuits: splitAs[LegalCircuit](circuits),
			TargetGroups: splitAs[TargetGroup](courseType), Cost: Cost(cost), Status: OfferStatus(status), Funding: Funding(funding),
			DistrictID: district, Capacity: &capacity, FreePlaces: &free, AgeMin: &ageMin, AgeMax: &ageMax,
			Description: title, Address: district, Contact: provider, Schedule: languages,
		}
		if located {
			o.Location = &GeoPoint{Lat: lat, Lon: lon}
		}
		err1, err2 := o.Validate(), o.Validate()
		if (err1 == nil) != (err2 == nil) || (err1 != nil && err1.Error() != err2.Error()) {
			t.Fatalf("Validate is not deterministic: %v, then %v", err1, err2)
		}
		if err1 == nil {
			return
		}
		ve, ok := err1.(*ValidationError)
		if !ok {
			t.Fatalf("Validate returned %T, not *ValidationError: %v", err1, err1)
		}
		for _, p := range ve.Problems {
			if p.Field == "" || p.Message == "" {
				t.Fatalf("a problem without field or message: %+v", p)
			}
		}
	})
}

func splitAs[T ~string](s string) []T {
	if s == "" {
		return nil
	}
	var out []T
	for _, p := range strings.Split(s, ",") {
		out = append(out, T(p))
	}
	return out
}
