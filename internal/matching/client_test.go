package matching

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

func TestValidate(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*Client)
		field string // "" = valid
		msg   string
	}{
		{"the mother", func(*Client) {}, "", ""},
		{"only needs", func(c *Client) { *c = Client{Needs: []directory.NeedArea{work}} }, "", ""},
		{"district instead of location", func(c *Client) { c.Location, c.DistrictID = nil, "sg-ohligs" }, "", ""},
		{"no needs", func(c *Client) { c.Needs = nil }, "needs", "must name at least one need area"},
		{"unknown need", func(c *Client) { c.Needs = []directory.NeedArea{lang, "SHOPPING"} }, "needs[1]", `"SHOPPING" is not a known need area`},
		{"need twice", func(c *Client) { c.Needs = []directory.NeedArea{lang, work, lang} }, "needs[2]", `"LANGUAGE" is listed twice`},
		{"unknown language", func(c *Client) { c.Languages = []string{"arabic"} }, "languages[0]", `"arabic" is not an ISO 639-1 code`},
		{"upper-case language", func(c *Client) { c.Languages = []string{"ar", "TR"} }, "languages[1]", `"TR" is not an ISO 639-1 code`},
		{"latitude", func(c *Client) { c.Location = &directory.GeoPoint{Lat: 91, Lon: 7} }, "location.lat", "must be between -90 and 90"},
		{"longitude", func(c *Client) { c.Location = &directory.GeoPoint{Lat: 51, Lon: -181} }, "location.lon", "must be between -180 and 180"},
		{"district id", func(c *Client) { c.DistrictID = "sg ohligs" }, "districtId", "may only contain"},
		{"negative distance", func(c *Client) { c.MaxDistanceKm = ptr(-1.0) }, "maxDistanceKm", "must be greater than 0"},
		{"zero distance", func(c *Client) { c.MaxDistanceKm = ptr(0.0) }, "maxDistanceKm", "must be greater than 0"},
		{"NaN distance", func(c *Client) { c.MaxDistanceKm = ptr(math.NaN()) }, "maxDistanceKm", "must be greater than 0"},
		{"huge distance", func(c *Client) { c.MaxDistanceKm = ptr(5000.0) }, "maxDistanceKm", "must be at most 1000"},
		{"distance from nowhere", func(c *Client) { c.Location, c.MaxDistanceKm = nil, ptr(5.0) }, "maxDistanceKm", "needs a location or a districtId"},
		{"negative age", func(c *Client) { c.Age = ptr(-1) }, "age", "must be between 0 and 130"},
		{"age 131", func(c *Client) { c.Age = ptr(131) }, "age", "must be between 0 and 130"},
		{"unknown target group", func(c *Client) { c.TargetGroups = []directory.TargetGroup{"MEN"} }, "targetGroups[0]", `"MEN" is not a known target group`},
		{"unknown legal circuit", func(c *Client) { c.LegalCircuits = []directory.LegalCircuit{"SGB_II", "SGB_V"} }, "legalCircuits[1]", `"SGB_V" is not a known legal circuit`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := mother()
			tt.edit(&c)
			err := c.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("Validate = %v, want nil", err)
				}
				return
			}
			var ve *directory.ValidationError
			if !errors.As(err, &ve) || len(ve.Problems) != 1 {
				t.Fatalf("Validate = %#v, want one problem on %s", err, tt.field)
			}
			if p := ve.Problems[0]; p.Field != tt.field || !strings.Contains(p.Message, tt.msg) {
				t.Fatalf("problem = %s: %s, want %s: …%s…", p.Field, p.Message, tt.field, tt.msg)
			}
		})
	}
	// Every problem at once.
	c := Client{Languages: []string{"xx"}, MaxDistanceKm: ptr(-2.0), Age: ptr(200)}
	var ve *directory.ValidationError
	if err := c.Validate(); !errors.As(err, &ve) || len(ve.Problems) != 4 {
		t.Fatalf("Validate = %v, want needs, languages[0], maxDistanceKm, age", err)
	}
}

func TestCheckDistrict(t *testing.T) {
	ohligsDistrict := &directory.District{ID: "sg-ohligs", Name: "Ohligs/Aufderhöhe/Merscheid", Municipality: "Solingen",
		Centre: &ohligs, RadiusKm: 3}
	far := north(14.2)
	edge := north(4.9)
	tests := []struct {
		name     string
		client   Client
		district *directory.District
		want     string // the error's text, "" = nil
	}{
		{"no district given", Client{Needs: []directory.NeedArea{work}, Location: &far}, nil, ""},
		{"unknown district", Client{Needs: []directory.NeedArea{work}, DistrictID: "x"}, nil, `districtId: district "x" not found`},
		{"district only", Client{Needs: []directory.NeedArea{work}, DistrictID: "sg-ohligs"}, ohligsDistrict, ""},
		{"location in the district", Client{DistrictID: "sg-ohligs", Location: &edge}, ohligsDistrict, ""},
		{"location far from the district", Client{DistrictID: "sg-ohligs", Location: &far}, ohligsDistrict,
			"location: lies 14.2 km from district Ohligs/Aufderhöhe/Merscheid (more than its radius + 2 km); give one of location or districtId"},
		{"district without centre", Client{DistrictID: "sg-ohligs", Location: &far},
			&directory.District{ID: "sg-ohligs", Name: "Ohligs"}, ""},
		{"district without radius", Client{DistrictID: "sg-ohligs", Location: ptr(north(7.5))},
			&directory.District{ID: "sg-ohligs", Name: "Ohligs", Centre: &ohligs}, "location: lies 7.5 km from district Ohligs (more than its radius + 2 km); give one of location or districtId"},
		{"district without radius, location near", Client{DistrictID: "sg-ohligs", Location: ptr(north(6.5))},
			&directory.District{ID: "sg-ohligs", Name: "Ohligs", Centre: &ohligs}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckDistrict(tt.client, tt.district)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("CheckDistrict = %v", err)
				}
				return
			}
			var ve *directory.ValidationError
			if !errors.As(err, &ve) || err.Error() != tt.want {
				t.Fatalf("CheckDistrict = %v, want %s", err, tt.want)
			}
		})
	}
}

func TestOriginAndNearestDistrict(t *testing.T) {
	centre := north(2)
	d := &directory.District{ID: "sg-ohligs", Centre: &centre}
	if got := Origin(Client{Location: &ohligs, DistrictID: "sg-ohligs"}, d); got != &ohligs {
		t.Fatalf("location comes first: %v", got)
	}
	if got := Origin(Client{DistrictID: "sg-ohligs"}, d); got != &centre {
		t.Fatalf("district centre: %v", got)
	}
	if got := Origin(Client{}, d); got != nil {
		t.Fatalf("no origin: %v", got)
	}
	ds := []directory.District{
		{ID: "b", Centre: ptr(north(3))}, {ID: "none"}, {ID: "a", Centre: ptr(north(-3))}, {ID: "c", Centre: ptr(north(1))},
	}
	if got := NearestDistrict(ohligs, ds); got == nil || got.ID != "c" {
		t.Fatalf("nearest = %v", got)
	}
	if got := NearestDistrict(north(0), ds[:3]); got == nil || got.ID != "a" {
		t.Fatalf("tie by id = %v", got)
	}
	if got := NearestDistrict(ohligs, ds[1:2]); got != nil {
		t.Fatalf("no centres = %v", got)
	}
}

func TestCandidateFilter(t *testing.T) {
	c := mother()
	c.FreeOnly = true
	c.Needs = []directory.NeedArea{lang, work, lang}
	got := CandidateFilter(c, &ohligs)
	want := store.OfferFilter{
		Needs:         []directory.NeedArea{lang, work},
		Status:        []directory.OfferStatus{directory.StatusActive},
		LegalCircuits: []directory.LegalCircuit{directory.CircuitSGBII},
		Age:           ptr(32),
		Cost:          []directory.Cost{directory.CostFree},
		Near:          &store.Near{Lat: ohligs.Lat, Lon: ohligs.Lon, RadiusKm: DefaultSearchRadiusKm},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("CandidateFilter = %+v\nwant %+v", got, want)
	}
	c.MaxDistanceKm = ptr(4.0)
	if got := CandidateFilter(c, &ohligs).Near.RadiusKm; got != 4 {
		t.Fatalf("radius = %v, want maxDistanceKm", got)
	}
	bare := CandidateFilter(Client{Needs: []directory.NeedArea{work}}, nil)
	if bare.Near != nil || bare.Cost != nil || bare.Age != nil || len(bare.LegalCircuits) != 0 || bare.TargetGroups != nil {
		t.Fatalf("CandidateFilter without profile details = %+v", bare)
	}
	q := store.OfferQuery{Filter: CandidateFilter(c, &ohligs), Order: store.OrderDistance, Page: store.Page{First: store.MaxPageSize}}
	if err := q.Validate(); err != nil {
		t.Fatalf("the store refuses the candidate query: %v", err)
	}
}

func TestChildcareFilter(t *testing.T) {
	c := mother()
	c.FreeOnly = true
	kurs := north(1)
	got := ChildcareFilter(kurs, c)
	want := store.OfferFilter{
		Categories: []directory.OfferCategory{directory.CategoryChildcare, directory.CategoryPassageGroup},
		Status:     []directory.OfferStatus{directory.StatusActive},
		Cost:       []directory.Cost{directory.CostFree},
		Near:       &store.Near{Lat: kurs.Lat, Lon: kurs.Lon, RadiusKm: ChildcareRadiusKm},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("ChildcareFilter = %+v\nwant %+v", got, want)
	}
}

func TestJoinGerman(t *testing.T) {
	for _, tt := range []struct {
		in   []string
		want string
	}{
		{nil, ""}, {[]string{"Sprache"}, "Sprache"}, {[]string{"Sprache", "Arbeit"}, "Sprache und Arbeit"},
		{[]string{"Sprache", "Arbeit", "Wohnen"}, "Sprache, Arbeit und Wohnen"},
		{[]string{"Sprache", "Familie und Kinderbetreuung", "Arbeit"}, "Sprache, Familie und Kinderbetreuung sowie Arbeit"},
	} {
		if got := joinGerman(tt.in); got != tt.want {
			t.Errorf("joinGerman(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, n := range directory.NeedAreas {
		if NeedName(n) == string(n) {
			t.Errorf("no German name for %s", n)
		}
	}
	for _, g := range directory.TargetGroups {
		if TargetGroupName(g) == string(g) {
			t.Errorf("no German name for %s", g)
		}
	}
}
