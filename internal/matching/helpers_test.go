package matching

import (
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// Solingen-Ohligs, where the client of the issue lives.
var ohligs = directory.GeoPoint{Lat: 51.1667, Lon: 7.0160}

const kmPerDegree = directory.EarthRadiusKm * 3.141592653589793 / 180

// north is the point km north (negative: south) of ohligs.
func north(km float64) directory.GeoPoint {
	return directory.GeoPoint{Lat: ohligs.Lat + km/kmPerDegree, Lon: ohligs.Lon}
}

// east is the point km east of north(nkm).
func east(nkm, ekm float64) directory.GeoPoint {
	p := north(nkm)
	p.Lon += ekm / (kmPerDegree * 0.6271) // cos(51.17°)
	return p
}

func ptr[T any](v T) *T { return &v }

const (
	lang    = directory.NeedLanguage
	family  = directory.NeedFamilyChildcare
	work    = directory.NeedWork
	housing = directory.NeedHousing
	resid   = directory.NeedResidence
	auth    = directory.NeedAuthorities
)

// offer is an active, free offer for everyone, held in German, for needs.
func offer(id string, cat directory.OfferCategory, needs ...directory.NeedArea) directory.Offer {
	return directory.Offer{
		ID: id, ProviderID: "org-1", Title: id, Category: cat, Needs: needs,
		TargetGroups: []directory.TargetGroup{directory.GroupAll}, Languages: []string{"de"},
		Cost: directory.CostFree, Funding: directory.FundingFunded, Status: directory.StatusActive,
	}
}

func course(id string) directory.Offer {
	return offer(id, directory.CategoryIntegrationCourse, lang)
}

func counselling(id string, needs ...directory.NeedArea) directory.Offer {
	return offer(id, directory.CategoryMigrationCounselling, needs...)
}

func with(o directory.Offer, f func(*directory.Offer)) directory.Offer {
	f(&o)
	o.Needs = append([]directory.NeedArea(nil), o.Needs...)
	return o
}

// at places o at p and measures its distance from ohligs, as a store's Near query does.
func at(o directory.Offer, p directory.GeoPoint) store.OfferHit {
	o.Location = &p
	d := directory.DistanceKm(ohligs, p)
	return store.OfferHit{Offer: o, DistanceKm: &d}
}

// km places o km north of ohligs.
func km(o directory.Offer, d float64) store.OfferHit { return at(o, north(d)) }

// mother is the client of the issue: speaks Arabic, two small children,
// lives in Ohligs, needs a German course, childcare and help with work.
func mother() Client {
	return Client{
		Needs:          []directory.NeedArea{lang, family, work},
		Languages:      []string{"ar"},
		Location:       &ohligs,
		TargetGroups:   []directory.TargetGroup{directory.GroupWomen, directory.GroupParents},
		Age:            ptr(32),
		NeedsChildcare: true,
		LegalCircuits:  []directory.LegalCircuit{directory.CircuitSGBII},
	}
}

func ids(ms []Match) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Offer.ID
	}
	return out
}
