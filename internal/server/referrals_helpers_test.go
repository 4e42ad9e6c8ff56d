package server_test

import (
	"fmt"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
)

// partnerOffer is an ACTIVE offer of the test PARTNER's organisation, to refer to.
func partnerOffer(s directory.Snapshot) string {
	for _, o := range s.Offers {
		if o.ProviderID == partnerOrg(s) && o.Status == directory.StatusActive {
			return o.ID
		}
	}
	panic("the partner organisation has no active offer")
}

// referralInput is a valid createReferral input to the partner's offer.
func (e *env) referralInput(n int) map[string]any {
	return map[string]any{
		"caseRef": fmt.Sprintf("KM-2026-%04d", n), "offerId": partnerOffer(e.snap), "needs": []string{"LANGUAGE"},
		"note": "Bitte Rückmeldung über die Beratungsstelle",
		"consent": map[string]any{"givenOn": e.today(), "form": "WRITTEN", "shares": []string{"NEEDS", "NOTE"},
			"validUntil": "2099-12-31"},
	}
}

// newReferral sends a referral as the test CASE_MANAGER and returns its id.
func (e *env) newReferral() string {
	e.t.Helper()
	e.refs++
	var out struct{ CreateReferral struct{ ID string } }
	e.ok(access.RoleCaseManager, `mutation($in: CreateReferralInput!) { createReferral(input: $in) { id } }`,
		map[string]any{"in": e.referralInput(9000 + e.refs)}, &out)
	return out.CreateReferral.ID
}
