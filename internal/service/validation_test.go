package service_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/service"
	"github.com/lotse-kim/lotse/internal/store"
)

// The service validates every input before the store sees it (the Store
// contract says inputs are valid). Each case names the field of its problem,
// and nothing is written.

func wantProblem(t *testing.T, what string, err error, field string) {
	t.Helper()
	var ve *directory.ValidationError
	if !errors.As(err, &ve) {
		t.Errorf("%s: got %v, want a ValidationError on %q", what, err, field)
		return
	}
	if !slices.ContainsFunc(ve.Problems, func(p directory.FieldError) bool { return p.Field == field }) {
		t.Errorf("%s: problems %v do not name %q", what, ve.Problems, field)
	}
}

func TestSearchOffersValidated(t *testing.T) {
	svc := newService(t)
	ctx := t.Context()
	for _, tc := range []struct {
		name  string
		q     store.OfferQuery
		field string
	}{
		{"distance without near", store.OfferQuery{Order: store.OrderDistance, Page: store.Page{First: 10}}, "orderBy"},
		{"zero radius", store.OfferQuery{Filter: store.OfferFilter{Near: &store.Near{Lat: 51, Lon: 7}}, Page: store.Page{First: 10}}, "filter.near.radiusKm"},
		{"bad latitude", store.OfferQuery{Filter: store.OfferFilter{Near: &store.Near{Lat: 91, Lon: 7, RadiusKm: 1}}, Page: store.Page{First: 10}}, "filter.near.lat"},
		{"unknown order", store.OfferQuery{Order: "RANDOM", Page: store.Page{First: 10}}, "orderBy"},
		{"page too large", store.OfferQuery{Page: store.Page{First: store.MaxPageSize + 1}}, "first"},
		{"bad cursor", store.OfferQuery{Page: store.Page{First: 10, After: "nonsense"}}, "after"},
		{"bad language", store.OfferQuery{Filter: store.OfferFilter{Languages: []string{"xx"}}, Page: store.Page{First: 10}}, "filter.languages[0]"},
	} {
		_, err := svc.SearchOffers(ctx, tc.q)
		wantProblem(t, tc.name, err, tc.field)
	}
}

func TestSteeringInputsValidated(t *testing.T) {
	svc := newService(t)
	ctx := access.WithPrincipal(t.Context(), access.Principal{Role: access.RoleSteering, TokenID: "tok-s", Name: "s"})
	for _, c := range []struct {
		f     store.UnmetNeedFilter
		field string
	}{
		{store.UnmetNeedFilter{Since: "2025-13-01"}, "filter.since"},
		{store.UnmetNeedFilter{Until: "1.2.2025"}, "filter.until"},
		{store.UnmetNeedFilter{Needs: []directory.NeedArea{"HAPPINESS"}}, "filter.needs[0]"},
	} {
		_, err := svc.UnmetNeedCounts(ctx, c.f)
		wantProblem(t, "UnmetNeedCounts", err, c.field)
	}
	for _, depth := range []int{0, service.MaxNetworkDepth + 1, -1} {
		_, err := svc.Network(ctx, "org-a", depth)
		wantProblem(t, "Network depth", err, "depth")
	}
}

func TestWritesValidated(t *testing.T) {
	svc := newService(t)
	op := access.WithPrincipal(t.Context(), access.Operator)
	_, _, err := svc.CreateToken(op, service.TokenRequest{Name: "x", Role: "WIZARD"})
	wantProblem(t, "CreateToken(role WIZARD)", err, "role")
	if ts, err := svc.Tokens(op); err != nil || len(ts) != 0 {
		t.Errorf("after a refused token: %d tokens, %v", len(ts), err)
	}

	cm := access.WithPrincipal(t.Context(), access.Principal{Role: access.RoleCaseManager, TokenID: "tok-c", Name: "c"})
	_, err = svc.RecordUnmetNeed(cm, directory.UnmetNeed{Need: directory.NeedLanguage, DistrictID: "d", Language: "klingon", RecordedOn: "2025/01/02"})
	wantProblem(t, "RecordUnmetNeed", err, "language")
	wantProblem(t, "RecordUnmetNeed", err, "recordedOn")

	_, err = svc.CreateOffer(op, directory.Offer{ProviderID: "org-x"})
	wantProblem(t, "CreateOffer without a title", err, "title")
	_, err = svc.AddCooperation(op, directory.Cooperation{A: "org-a", B: "org-a"})
	var ve *directory.ValidationError
	if !errors.As(err, &ve) {
		t.Errorf("AddCooperation with itself: %v, want a ValidationError", err)
	}
}
