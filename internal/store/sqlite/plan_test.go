package sqlite

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestKeysetPlans: the page statements whose order an index gives seek to the
// cursor (a range on the index or primary key) and sort nothing, so that a
// page deep in a list costs what the first does. The search and the
// organisation list count their whole result anyway; their plans are logged.
// LOTSE_PLAN_DB names a database to explain against instead of an empty one
// (e.g. one of `lotse gen --scale 10`, imported).
func TestKeysetPlans(t *testing.T) {
	path := os.Getenv("LOTSE_PLAN_DB")
	if path == "" {
		path = filepath.Join(t.TempDir(), "plan.db")
	}
	s, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, c := range []struct {
		st   *statement
		want []string // every branch seeks this way
	}{
		{stAuditPage, []string{"USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)"}},
		{stReferralsInboxPage, []string{"USING INDEX referrals_inbox (to_org=? AND (created_at,id)>(?,?) AND (created_at,id)<(?,?))"}},
		{stReferralsOutboxPage, []string{"USING INDEX referrals_outbox (from_org=? AND (created_at,id)>(?,?) AND (created_at,id)<(?,?))"}},
		{stOrganisationsPage, nil},
		{stSearchOffersPage, nil},
		{stSearchOffersNear, nil},
	} {
		var args []any
		for _, p := range c.st.params {
			args = append(args, sql.Named(p, nil))
		}
		rows, err := s.r.QueryContext(t.Context(), "EXPLAIN QUERY PLAN "+c.st.text, args...)
		if err != nil {
			t.Fatalf("%s: %v", c.st.name, err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		text := strings.Join(plan, "\n")
		t.Logf("%s:\n%s", c.st.name, text)
		for _, w := range c.want {
			if n := strings.Count(text, w); n != 2 {
				t.Errorf("%s: %d branches seek %q, want both:\n%s", c.st.name, n, w, text)
			}
			if strings.Contains(text, "TEMP B-TREE") {
				t.Errorf("%s sorts:\n%s", c.st.name, text)
			}
		}
	}
}
