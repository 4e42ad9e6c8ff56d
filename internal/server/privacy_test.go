package server_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/lotse-kim/lotse/internal/access"
)

// The confidential shelter: an anonymous reader (and another organisation's
// partner) learns its district and contact by every query, never its
// address or position, and cannot find it by radius; a PROFESSIONAL offer
// does not exist for them. Case management and the provider's own partner
// see both whole.
func TestConfidentialPlaces(t *testing.T) {
	e := newEnv(t)
	own := partnerOrg(e.snap)
	var district string
	for _, o := range e.snap.Offers {
		if o.ProviderID == own && o.DistrictID != "" {
			district = o.DistrictID
			break
		}
	}
	const lat, lon = 51.1721, 7.0846
	const create = `mutation($in: CreateOfferInput!) { createOffer(input: $in) { localId } }`
	mk := func(title string, extra map[string]any) string {
		in := map[string]any{"providerId": own, "title": title, "category": "HOUSING_SUPPORT", "needs": []string{"HOUSING"},
			"targetGroups": []string{"WOMEN"}, "languages": []string{"de"}, "address": "Geheimweg 7, 42651 Solingen",
			"location": map[string]any{"lat": lat, "lon": lon}, "districtId": district, "contact": "Notruf 0212 000000"}
		for k, v := range extra {
			in[k] = v
		}
		var out struct{ CreateOffer struct{ LocalID string } }
		e.ok(access.RoleSteering, create, map[string]any{"in": in}, &out)
		return out.CreateOffer.LocalID
	}
	shelter := mk("Frauenhaus Schutzwohnung", map[string]any{"confidentialAddress": true})
	pro := mk("Fallkonferenz häusliche Gewalt", map[string]any{"visibility": "PROFESSIONAL"})

	// Every query an anonymous reader has that returns offers.
	queries := []struct {
		name  string
		query string
		vars  map[string]any
	}{
		{"offer", `query($id: ID!) { offer(id: $id) { localId address location { lat } district { id } contact confidentialAddress } }`, map[string]any{"id": shelter}},
		{"offers by text", `{ offers(filter: {text: "Frauenhaus"}) { edges { distanceKm node { localId address location { lat } district { id } contact } } } }`, nil},
		{"offers by district", `query($d: ID!) { offers(filter: {districtIds: [$d]}, first: 500) { edges { node { localId address location { lat } } } } }`, map[string]any{"d": district}},
		{"offers near", `{ offers(filter: {near: {lat: 51.1721, lon: 7.0846, radiusKm: 0.2}}, orderBy: DISTANCE) { totalCount edges { distanceKm node { localId location { lat } } } } }`, nil},
		{"offers near, title order", `{ offers(filter: {near: {lat: 51.1722, lon: 7.0847, radiusKm: 0.05}}) { totalCount edges { node { localId } } } }`, nil},
		{"organisation offers", `query($id: ID!) { organisation(id: $id) { offers { localId address location { lat } } } }`, map[string]any{"id": own}},
		{"matchOffers near", `{ matchOffers(client: {needs: [HOUSING], location: {lat: 51.1721, lon: 7.0846}, maxDistanceKm: 1}) { distanceKm offer { localId address location { lat } } } }`, nil},
		{"matchOffers district", `query($d: ID!) { matchOffers(client: {needs: [HOUSING], districtId: $d}, first: 50) { distanceKm offer { localId address location { lat } } } }`, map[string]any{"d": district}},
	}
	for _, role := range []access.Role{access.RolePublic} {
		for _, q := range queries {
			r := e.do(role, q.query, q.vars)
			if len(r.Errors) > 0 {
				t.Fatalf("%s: %+v", q.name, r.Errors)
			}
			body := string(r.Data)
			if strings.Contains(body, "Geheimweg") || strings.Contains(body, "51.1721") || strings.Contains(body, "7.0846") {
				t.Errorf("%s as %s shows the shelter's place: %s", q.name, role, body)
			}
			if strings.Contains(body, pro) {
				t.Errorf("%s as %s shows the PROFESSIONAL offer: %s", q.name, role, body)
			}
			if q.name == "offers near" || q.name == "offers near, title order" || q.name == "matchOffers near" {
				if strings.Contains(body, shelter) {
					t.Errorf("%s finds the shelter by radius: %s", q.name, body)
				}
			}
		}
	}
	var got struct {
		Offer *struct {
			Address  *string
			Location *struct{ Lat float64 }
			District struct{ ID string }
			Contact  string
		}
	}
	e.ok(access.RolePublic, `query($id: ID!) { offer(id: $id) { address location { lat } district { id } contact } }`, map[string]any{"id": shelter}, &got)
	if got.Offer == nil || got.Offer.Address != nil || got.Offer.Location != nil || got.Offer.District.ID == "" || got.Offer.Contact == "" {
		t.Errorf("anonymous reader gets the shelter as %+v; want district and contact only", got.Offer)
	}
	var none struct{ Offer *struct{ ID string } }
	e.ok(access.RolePublic, `query($id: ID!) { offer(id: $id) { id } }`, map[string]any{"id": pro}, &none)
	if none.Offer != nil {
		t.Error("an anonymous reader sees the PROFESSIONAL offer")
	}

	// Case management and the provider's own partner see the place, and
	// find it by radius.
	for _, role := range []access.Role{access.RoleCaseManager, access.RolePartner} {
		var full struct {
			Offers struct {
				Edges []struct {
					Node struct {
						LocalID string
						Address *string
					}
				}
			}
		}
		e.ok(role, `{ offers(filter: {near: {lat: 51.1721, lon: 7.0846, radiusKm: 0.2}}, orderBy: DISTANCE, first: 50) { edges { node { localId address } } } }`, nil, &full)
		seen := map[string]bool{}
		for _, ed := range full.Offers.Edges {
			seen[ed.Node.LocalID] = ed.Node.Address != nil && strings.Contains(*ed.Node.Address, "Geheimweg")
		}
		if !seen[shelter] || !seen[pro] {
			b, _ := json.Marshal(full)
			t.Errorf("%s near the shelter: %s; want both offers with their address", role, b)
		}
	}
}

// An organisation with a confidential address shows district and contact
// fields, never address or location, to readers who may not see them.
func TestConfidentialOrganisation(t *testing.T) {
	e := newEnv(t)
	e.ok(access.RoleSteering, `mutation { createOrganisation(input: {id: "org-frauenhaus", name: "Frauenhaus e.V.", kind: WELFARE_ASSOCIATION,
		address: "Geheimweg 7", location: {lat: 51.1721, lon: 7.0846}, phone: "0212 000000", confidentialAddress: true}) { id } }`, nil, nil)
	for _, q := range []string{
		`{ organisation(id: "org-frauenhaus") { name address location { lat } phone confidentialAddress } }`,
		`{ organisations(filter: {text: "Frauenhaus"}) { edges { node { name address location { lat } } } } }`,
		`{ network(organisationId: "org-frauenhaus", depth: 1) { nodes { organisation { address location { lat } } } } }`,
	} {
		for _, role := range []access.Role{access.RolePublic, access.RolePartner, access.RoleCaseManager} {
			r := e.do(role, q, nil)
			if len(r.Errors) > 0 {
				t.Fatalf("%s: %+v", q, r.Errors)
			}
			leaks := strings.Contains(string(r.Data), "Geheimweg") || strings.Contains(string(r.Data), "51.1721")
			if leaks != (role == access.RoleCaseManager) {
				t.Errorf("%s as %s: %s", q, role, r.Data)
			}
		}
	}
}
