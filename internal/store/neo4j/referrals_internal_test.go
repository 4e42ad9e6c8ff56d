package neo4j

import (
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/referral"
	"github.com/lotse-kim/lotse/internal/store"
)

// referralParamsOf is paramsOf for the referral statements.
func referralParamsOf(t *testing.T) map[*statement]map[string]any {
	r := referral.Referral{ID: "r", History: []referral.Event{{}}}
	upsert, err := referralParams(r)
	if err != nil {
		t.Fatal(err)
	}
	return map[*statement]map[string]any{
		stReferralCheck: referralCheckParams(r), stReferralLock: idParam("r"), stReferralsPut: rowsParam([]any{upsert}), stReferralsByID: idsParam(nil),
		stReferralsCount: referralFilterParams(store.ReferralFilter{}),
		stReferralsPage:  pageParams(referralFilterParams(store.ReferralFilter{}), 0, 1),
		stReferralCounts: referralCountParams(store.ReferralCountQuery{}),
		stReferralsErase: eraseParams(time.Time{}, time.Time{}),
		stInboxCount:     referralFilterParams(store.ReferralFilter{}),
		stInboxPage:      pageParams(referralFilterParams(store.ReferralFilter{}), 0, 1),
		stOutboxCount:    referralFilterParams(store.ReferralFilter{}),
		stOutboxPage:     pageParams(referralFilterParams(store.ReferralFilter{}), 0, 1),
	}
}
