package graph

import (
	"context"

	"github.com/lotse-kim/lotse/graph/model"
	"github.com/lotse-kim/lotse/graph/relay"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/referral"
	"github.com/lotse-kim/lotse/internal/service"
	"github.com/lotse-kim/lotse/internal/store"
)

// Mapping between the referral API's GraphQL models and the service.

func draft(in model.CreateReferralInput) referral.Draft {
	d := referral.Draft{CaseRef: in.CaseRef, OfferID: in.OfferID, Needs: in.Needs, Note: deref(in.Note)}
	if c := in.Consent; c != nil {
		d.Consent = &referral.Consent{GivenOn: c.GivenOn, Form: c.Form, Shares: c.Shares, ValidUntil: c.ValidUntil}
	}
	return d
}

func referralFilter(f *model.ReferralFilter) service.ReferralFilter {
	if f == nil {
		return service.ReferralFilter{}
	}
	out := service.ReferralFilter{Status: f.Status, OfferID: deref(f.OfferID), Since: deref(f.Since), Until: deref(f.Until)}
	if f.Direction != nil {
		out.Direction = service.Direction(*f.Direction)
	}
	return out
}

func referralConnection(ctx context.Context, res store.ReferralPage) *model.ReferralConnection {
	conn := &model.ReferralConnection{TotalCount: res.TotalCount, PageInfo: pageInfo(res.PageInfo),
		Edges: make([]model.ReferralEdge, len(res.Referrals))}
	for i := range res.Referrals {
		conn.Edges[i] = model.ReferralEdge{Node: &res.Referrals[i], Cursor: res.Cursors[i]}
	}
	// One batch for the organisations and offers of the page, when asked for.
	var orgs, offers []string
	for _, r := range res.Referrals {
		orgs = append(orgs, r.FromOrganisationID, r.ToOrganisationID)
		offers = append(offers, r.OfferID)
	}
	if selects(ctx, "edges", "node", "from") || selects(ctx, "edges", "node", "provider") {
		_, _ = LoadersFor(ctx).Organisation.LoadAll(ctx, orgs)
	}
	if selects(ctx, "edges", "node", "offer") {
		_, _ = LoadersFor(ctx).Offer.LoadAll(ctx, offers)
	}
	return conn
}

func cell(c referral.Cell) *int { return c.Value }

func tally(v referral.View) *model.ReferralTally {
	t := &model.ReferralTally{
		Sent: cell(v.Sent), Open: cell(v.Open), Accepted: cell(v.Accepted), Waitlisted: cell(v.Waitlisted),
		Declined: cell(v.Declined), Completed: cell(v.Completed), Cancelled: cell(v.Cancelled), NoShows: cell(v.NoShows),
		MedianDaysToFirstAnswer: v.Median, Suppressed: v.MedianSuppressed,
	}
	for _, c := range []referral.Cell{v.Sent, v.Open, v.Accepted, v.Waitlisted, v.Declined, v.Completed, v.Cancelled, v.NoShows} {
		t.Suppressed = t.Suppressed || c.Suppressed
	}
	for _, r := range referral.DeclineReasons {
		c := v.DeclinedBy[r]
		t.Suppressed = t.Suppressed || c.Suppressed
		t.DeclinedByReason = append(t.DeclinedByReason, model.ReferralDeclineCount{Reason: r, Count: cell(c)})
	}
	return t
}

// referralStats maps the statistics; the groups' offers, organisations and
// districts come through the request's loaders, in one batch each.
func referralStats(ctx context.Context, st service.ReferralStats) (*model.ReferralStats, error) {
	out := &model.ReferralStats{Municipality: optString(st.Municipality), GroupBy: model.ReferralGroupBy(st.GroupBy),
		Total: tally(st.Total), Groups: make([]model.ReferralStatsGroup, len(st.Groups))}
	keys := make([]string, len(st.Groups))
	for i, g := range st.Groups {
		keys[i] = g.Key
	}
	var (
		offers    []*directory.Offer
		orgs      []*directory.Organisation
		districts []*directory.District
		err       error
	)
	switch st.GroupBy {
	case store.GroupOffer:
		offers, err = LoadersFor(ctx).Offer.LoadAll(ctx, keys)
	case store.GroupProvider:
		orgs, err = LoadersFor(ctx).Organisation.LoadAll(ctx, keys)
	case store.GroupDistrict:
		districts, err = LoadersFor(ctx).District.LoadAll(ctx, keys)
	}
	if err != nil {
		return nil, err
	}
	for i, g := range st.Groups {
		m := model.ReferralStatsGroup{Key: statsKey(st.GroupBy, g.Key), Tally: tally(g.View)}
		switch st.GroupBy {
		case store.GroupOffer:
			m.Offer = offers[i]
		case store.GroupProvider:
			m.Provider = orgs[i]
		case store.GroupDistrict:
			m.District = districts[i]
		case store.GroupNeed:
			m.Need = optString(directory.NeedArea(g.Key))
		case store.GroupCategory:
			m.Category = optString(directory.OfferCategory(g.Key))
		}
		out.Groups[i] = m
	}
	return out, nil
}

func referralFlows(fs []service.ReferralFlow) []model.ReferralFlow {
	out := make([]model.ReferralFlow, len(fs))
	for i := range fs {
		f := &fs[i]
		out[i] = model.ReferralFlow{From: &f.From, To: &f.To, Referrals: f.Visible.Value, Suppressed: f.Visible.Suppressed, Cooperation: f.Cooperation}
	}
	return out
}

// referralNetwork sets the referral part of the network report.
func referralNetwork(out *model.NetworkReport, r service.ReferralNetwork) {
	out.ReferralFlows = referralFlows(r.Flows)
	out.ReferralsWithoutCooperation = referralFlows(r.ReferralsWithoutCooperation)
	out.CooperationsWithoutReferrals = make([]model.Cooperation, len(r.CooperationsWithoutReferrals))
	for i := range r.CooperationsWithoutReferrals {
		c := &r.CooperationsWithoutReferrals[i]
		out.CooperationsWithoutReferrals[i] = model.Cooperation{A: c.A, B: c.B, Since: optString(c.Since), SinceDate: optString(c.Since), Topics: nonNil(c.Topics), Status: directory.CooperationConfirmed}
	}
}

// statsKey is a group's key as the API shows it: the global id of an
// offer, organisation or district (as their id field), codes as they are.
func statsKey(by store.ReferralGroup, key string) string {
	typ := map[store.ReferralGroup]string{store.GroupOffer: relay.TypeOffer, store.GroupProvider: relay.TypeOrganisation,
		store.GroupDistrict: relay.TypeDistrict}[by]
	if typ == "" || key == "" {
		return key
	}
	return relay.Global(typ, key)
}
