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
		stReferralsCount:             windowParams(referralFilterParams(store.ReferralFilter{}), store.Window{}, "Created"),
		stReferralsPage:              windowParams(referralFilterParams(store.ReferralFilter{}), store.Window{}, "Created"),
		stReferralCounts:             referralCountParams(store.ReferralCountQuery{}),
		stReferralCountsMunicipality: referralCountParams(store.ReferralCountQuery{}),
		stReferralsErase:             eraseParams(time.Time{}, time.Time{}),
		stInboxCount:                 windowParams(referralFilterParams(store.ReferralFilter{}), store.Window{}, "Created"),
		stInboxPage:                  windowParams(referralFilterParams(store.ReferralFilter{}), store.Window{}, "Created"),
		stOutboxCount:                windowParams(referralFilterParams(store.ReferralFilter{}), store.Window{}, "Created"),
		stOutboxPage:                 windowParams(referralFilterParams(store.ReferralFilter{}), store.Window{}, "Created"),
		stInboxPageBack:              windowParams(referralFilterParams(store.ReferralFilter{}), store.Window{}, "Created"),
		stOutboxPageBack:             windowParams(referralFilterParams(store.ReferralFilter{}), store.Window{}, "Created"),
	}
}
