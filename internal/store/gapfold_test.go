package store

import (
	"reflect"
	"slices"
	"testing"

	"github.com/lotse-kim/lotse/internal/directory"
)

func intp(n int) *int { return &n }

// TestGapListing: each rule of GapFacts' lists, and what keeps an offer out.
func TestGapListing(t *testing.T) {
	active, course := directory.StatusActive, directory.CategoryLanguageCourse
	for _, c := range []struct {
		name                  string
		o                     directory.Offer
		full, unfunded, isCrs bool
	}{
		{"full", directory.Offer{Status: active, Capacity: intp(10), FreePlaces: intp(0)}, true, false, false},
		{"places free", directory.Offer{Status: active, Capacity: intp(10), FreePlaces: intp(1)}, false, false, false},
		{"no capacity known", directory.Offer{Status: active, FreePlaces: intp(0)}, false, false, false},
		{"no free places known", directory.Offer{Status: active, Capacity: intp(10)}, false, false, false},
		{"full but paused", directory.Offer{Status: directory.StatusPaused, Capacity: intp(10), FreePlaces: intp(0)}, false, false, false},
		{"planned, applied", directory.Offer{Status: directory.StatusPlanned, Funding: directory.FundingApplied}, false, true, false},
		{"paused, unfunded", directory.Offer{Status: directory.StatusPaused, Funding: directory.FundingUnfunded}, false, true, false},
		{"planned, funded", directory.Offer{Status: directory.StatusPlanned, Funding: directory.FundingFunded}, false, false, false},
		{"active, unfunded", directory.Offer{Status: active, Funding: directory.FundingUnfunded}, false, false, false},
		{"course", directory.Offer{Status: active, Category: course}, false, false, true},
		{"integration course", directory.Offer{Status: active, Category: directory.CategoryIntegrationCourse}, false, false, true},
		{"course with childcare", directory.Offer{Status: active, Category: course, Childcare: true}, false, false, false},
		{"course planned", directory.Offer{Status: directory.StatusPlanned, Category: course}, false, false, false},
		{"counselling", directory.Offer{Status: active, Category: directory.CategoryMigrationCounselling}, false, false, false},
	} {
		full, unfunded, isCourse := GapListing(c.o)
		if full != c.full || unfunded != c.unfunded || isCourse != c.isCrs {
			t.Errorf("%s: GapListing = %v, %v, %v; want %v, %v, %v", c.name, full, unfunded, isCourse, c.full, c.unfunded, c.isCrs)
		}
	}
}

// TestGapSupply: active offers only; supply of the wanted need areas with
// their free places, categories and languages of every need area, in key
// order.
func TestGapSupply(t *testing.T) {
	lang, work := directory.NeedLanguage, directory.NeedWork
	offers := []directory.Offer{
		{ID: "a", DistrictID: "d-2", Status: directory.StatusActive, Category: directory.CategoryLanguageCourse,
			Needs: []directory.NeedArea{lang, work}, Languages: []string{"de", "ar"}, FreePlaces: intp(3)},
		{ID: "b", DistrictID: "d-1", Status: directory.StatusActive, Category: directory.CategoryLanguageCourse,
			Needs: []directory.NeedArea{lang}, Languages: []string{"de"}},
		{ID: "c", DistrictID: "d-2", Status: directory.StatusActive, Category: directory.CategoryEmploymentSupport,
			Needs: []directory.NeedArea{work}, FreePlaces: intp(2)},
		{ID: "d", DistrictID: "d-1", Status: directory.StatusPlanned, Category: directory.CategoryLanguageCourse,
			Needs: []directory.NeedArea{lang}, Languages: []string{"de"}, FreePlaces: intp(9)},
	}
	var f GapFacts
	GapSupply(slices.Values(offers), []directory.NeedArea{work}, &f)
	if want := []NeedSupply{{DistrictID: "d-2", Need: work, ActiveOffers: 2, FreePlaces: 5}}; !reflect.DeepEqual(f.Supply, want) {
		t.Errorf("supply = %+v, want %+v", f.Supply, want)
	}
	if want := []CategorySupply{{DistrictID: "d-1", Category: directory.CategoryLanguageCourse, ActiveOffers: 1},
		{DistrictID: "d-2", Category: directory.CategoryEmploymentSupport, ActiveOffers: 1},
		{DistrictID: "d-2", Category: directory.CategoryLanguageCourse, ActiveOffers: 1}}; !reflect.DeepEqual(f.Categories, want) {
		t.Errorf("categories = %+v, want %+v", f.Categories, want)
	}
	if want := []DistrictLanguage{{DistrictID: "d-1", Need: lang, Language: "de", Offers: 1},
		{DistrictID: "d-2", Need: lang, Language: "ar", Offers: 1}, {DistrictID: "d-2", Need: lang, Language: "de", Offers: 1},
		{DistrictID: "d-2", Need: work, Language: "ar", Offers: 1}, {DistrictID: "d-2", Need: work, Language: "de", Offers: 1},
	}; !reflect.DeepEqual(f.DistrictLanguages, want) {
		t.Errorf("district languages = %+v, want %+v", f.DistrictLanguages, want)
	}
}
