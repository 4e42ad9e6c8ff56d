package neo4j

import (
	"io/fs"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// paramsOf is, for every statement, the parameter map the Go code sends
// with it, made by the same builder the code calls.
func paramsOf(t *testing.T) map[*statement]map[string]any {
	audit, err := auditInsertParams(access.AuditEntry{ID: "a"})
	if err != nil {
		t.Fatal(err)
	}
	rows := rowsParam(nil)
	tok := access.Token{ID: "t", Hash: "h", RevokedAt: &time.Time{}}
	m := map[*statement]map[string]any{
		stDistrictUpsert: rows, stDistricts: municipalityParam(""), stDistrictsByID: idsParam(nil),
		stWorkingGroupUpsert: rows, stWorkingGroupsByID: idsParam(nil),
		stOrganisationExists: idParam("x"), stOrganisationCreate: idParam("x"), stOrganisationLock: idParam("x"), stOfferLock: idParam("x"),
		stOrganisationUpsert: rows, stOrganisationParents: rows,
		stOrganisationDeps: idParam("x"), stOrganisationDelete: idParam("x"), stOrganisationTokensRevoke: revokeParams("x", time.Time{}), stOrganisationsByID: idsParam(nil),
		stOrganisationsCount: windowParams(organisationFilterParams(store.OrganisationFilter{}), store.Window{}, "Name"),
		stOrganisationsPage:  windowParams(organisationFilterParams(store.OrganisationFilter{}), store.Window{}, "Name"),
		stOfferExists:        idParam("x"), stOfferCreate: idParam("x"), stOfferUpsert: rows, stOfferDelete: idParam("x"),
		stOffersByID: idsParam(nil), stOffersByProvider: providerIDsParam(nil),
		stExportOffersAfter: afterParams("", 1), stExportOrgsAfter: afterParams("", 1),
		stSearchOffersPage: searchParams(store.OfferQuery{}, store.Window{}),
		stCooperationCheck: pairParams("a", "b"), stCooperationUpsert: rows, stCooperationDelete: pairParams("a", "b"),
		stCooperationsOf: idsParam(nil), stProposalUpsert: proposalParams(directory.Cooperation{A: "a", B: "b"}, "a"),
		stProposalsOf: idsParam(nil), stProposalConfirm: pairParams("a", "b"), stCooperationsAmong: idsParam(nil), stCooperationsAll: noParams(),
		stCounts: noParams(), stExportDistricts: noParams(), stExportWorkingGroups: noParams(),
		stExportOrganisations: noParams(), stExportOffers: noParams(), stExportCooperations: noParams(), stExportProposals: noParams(),
		stExportUnmetNeeds: noParams(),
		stUnmetNeedsTaken:  idsParam(nil), stUnmetNeedUpsert: rows,
		stUnmetNeedCounts:     unmetNeedFilterParams(store.UnmetNeedFilter{}),
		stGapBase:             gapBaseParams(""),
		stGapChildcare:        boxParams(directory.NewReach(nil, 1)),
		stOrganisationsOfMuni: municipalityParam(""),
		stTokenTaken:          tokenTakenParams(tok), stTokenCreate: tokenCreateParams(tok), stTokenByHash: hashParam("h"),
		stTokens: noParams(), stTokenRevoke: revokeParams("t", time.Time{}),
		stAuditInsert: audit, stAuditCount: windowParams(auditFilterParams(store.AuditFilter{}), store.Window{}, "Seq"),
		stAuditPage:             windowParams(auditFilterParams(store.AuditFilter{}), store.Window{}, "Seq"),
		stDirectoryChangeInsert: changeParams(store.ChangeOffers, nil), stDirectoryChangesPrune: pruneParams(0),
		stDirectoryVersion: noParams(), stDirectoryStamp: noParams(), stDirectoryChanges: changesParams(0, 1),
		stOffersSearchKeysStale: searchKeysVersionParam(), stOffersAfter: offersAfterParams(""),
		stOfferSearchKeysSet: rows, stOfferSearchAwait: awaitParams(time.Second),
	}
	for d := 1; d <= maxNeighbourhoodDepth; d++ {
		m[stNeighbourhood[d]] = idParam("x")
	}
	for _, st := range searchDrivers {
		m[st] = searchParams(store.OfferQuery{}, store.Window{})
	}
	for st, p := range referralParamsOf(t) {
		m[st] = p
	}
	return m
}

// rowsOf is, for every statement that UNWINDs $rows, a row as the Go code
// builds it.
func rowsOf() map[*statement]map[string]any {
	one := 1
	return map[*statement]map[string]any{
		stDistrictUpsert:      districtProps(directory.District{ID: "d"}),
		stWorkingGroupUpsert:  workingGroupProps(directory.WorkingGroup{ID: "w"}),
		stOrganisationUpsert:  organisationRow(directory.Organisation{ID: "o"}),
		stOrganisationParents: organisationRow(directory.Organisation{ID: "o"}),
		stOfferUpsert:         offerRow(directory.Offer{ID: "o", Capacity: &one}),
		stCooperationUpsert:   cooperationRow(directory.Cooperation{A: "a", B: "b"}),
		stUnmetNeedUpsert:     unmetNeedRow(directory.UnmetNeed{ID: "u"}),
		stOfferSearchKeysSet:  searchKeysRow(directory.Offer{ID: "o"}),
	}
}

// TestStatementsEmbedded: every .cypher file is non-empty and every file of
// cypher/ is a registered statement (no stale files, no typos in names).
func TestStatementsEmbedded(t *testing.T) {
	files, err := fs.Glob(cypherFS, "cypher/*.cypher")
	if err != nil {
		t.Fatal(err)
	}
	schema, err := fs.Glob(cypherFS, "cypher/schema/*.cypher")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 || len(schema) == 0 {
		t.Fatalf("embedded: %d statements, %d schema statements", len(files), len(schema))
	}
	for _, f := range append(files, schema...) {
		b, err := fs.ReadFile(cypherFS, f)
		if err != nil {
			t.Fatal(err)
		}
		body := 0
		for _, line := range strings.Split(string(b), "\n") {
			if l := strings.TrimSpace(line); l != "" && !strings.HasPrefix(l, "//") {
				body++
			}
		}
		if body == 0 {
			t.Errorf("%s has no statement", f)
		}
	}
	for _, f := range files {
		name := strings.TrimSuffix(strings.TrimPrefix(f, "cypher/"), ".cypher")
		if statements[name] == nil {
			t.Errorf("%s is embedded but no statement loads it", f)
		}
	}
	for _, f := range schema {
		b, _ := fs.ReadFile(cypherFS, f)
		if p := parameters(string(b)); len(p) > 0 {
			t.Errorf("schema statement %s uses parameters %v", f, p)
		}
		drop := strings.HasPrefix(string(b), "DROP ") && strings.Contains(string(b), "IF EXISTS")
		if !strings.Contains(string(b), "IF NOT EXISTS") && !drop {
			t.Errorf("schema statement %s is neither IF NOT EXISTS nor DROP … IF EXISTS", f)
		}
	}
}

// TestStatementParameters: every $parameter a statement uses is supplied by
// the builder the Go code runs it with, and every row.field it reads is in
// the rows the Go code builds — a guard against typos the linter cannot see.
func TestStatementParameters(t *testing.T) {
	params := paramsOf(t)
	for name, st := range statements {
		p, ok := params[st]
		if !ok {
			t.Errorf("statement %s has no entry in paramsOf", name)
			continue
		}
		for _, want := range st.params {
			if _, ok := p[want]; !ok {
				t.Errorf("statement %s uses $%s, which its parameter builder does not supply (has %v)", name, want, keys(p))
			}
		}
	}
	rowField := regexp.MustCompile(`\brow\.([A-Za-z_][A-Za-z0-9_]*)`)
	for st, row := range rowsOf() {
		for _, m := range rowField.FindAllStringSubmatch(st.text, -1) {
			if _, ok := row[m[1]]; !ok {
				t.Errorf("statement %s reads row.%s, which its rows do not have (have %v)", st.name, m[1], keys(row))
			}
		}
	}
	if got := parameters("MATCH (n {id: $id}) // not $this\nRETURN $b, $id"); !slices.Equal(got, []string{"b", "id"}) {
		t.Errorf("parameters() = %v", got)
	}
}

func keys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// TestFilterBlocksAgree: a count statement and its page statement must
// filter alike, or totalCount lies; every start of the offer search must
// filter, count and page like the scan of all offers.
func TestFilterBlocksAgree(t *testing.T) {
	block := func(st *statement) string {
		_, rest, ok := strings.Cut(st.text, "// filter:begin\n")
		filter, _, ok2 := strings.Cut(rest, "// filter:end\n")
		if !ok || !ok2 {
			t.Fatalf("%s has no // filter:begin … // filter:end block", st.name)
		}
		return filter
	}
	pairs := [][2]*statement{
		{stOrganisationsCount, stOrganisationsPage},
		{stAuditCount, stAuditPage},
		{stReferralCounts, stReferralCountsMunicipality},
		{stInboxCount, stInboxPage}, {stInboxPage, stInboxPageBack},
		{stOutboxCount, stOutboxPage}, {stOutboxPage, stOutboxPageBack},
	}
	// Every driver's statements filter like the full scan's, so the driver
	// never changes a search's result.
	for _, st := range searchDrivers {
		pairs = append(pairs, [2]*statement{stSearchOffersPage, st})
	}
	for _, pair := range pairs {
		if a, b := block(pair[0]), block(pair[1]); a != b {
			t.Errorf("filters of %s and %s differ:\n%s\n---\n%s", pair[0].name, pair[1].name, a, b)
		}
	}
	// After the start, a search statement is the scan's, word for word.
	rest := func(st *statement) string {
		_, r, _ := strings.Cut(st.text, "// filter:begin\n")
		return r
	}
	for _, st := range searchDrivers {
		if a, b := rest(stSearchOffersPage), rest(st); a != b {
			t.Errorf("%s differs from %s after its start:\n%s\n---\n%s", st.name, stSearchOffersPage.name, b, a)
		}
	}
}

// asStored turns a property map as the Go code writes it into what the
// driver hands back when it is read: lists as []any, ints as int64.
func asStored(props map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range props {
		switch x := v.(type) {
		case []string:
			l := make([]any, len(x))
			for i, s := range x {
				l[i] = s
			}
			out[k] = l
		case int:
			out[k] = int64(x)
		default:
			out[k] = v
		}
	}
	return out
}

// TestCodecRoundTrip: what the Go code writes as properties reads back as
// the same domain value (the read side adds the relationship ends).
func TestCodecRoundTrip(t *testing.T) {
	at := time.Date(2025, 3, 14, 9, 26, 53, 589793238, time.UTC)
	capacity, free, lo := 20, 0, 16
	offer := directory.Offer{ID: "o1", ProviderID: "p1", Title: "Mütter-Café", Description: "Treff",
		Category: directory.CategoryIntegrationCourse, CourseType: directory.CourseWomen,
		Needs:        []directory.NeedArea{directory.NeedSocialParticipation, directory.NeedFamilyChildcare},
		TargetGroups: []directory.TargetGroup{directory.GroupWomen}, Languages: []string{"de", "ar"},
		LegalCircuits: []directory.LegalCircuit{directory.CircuitSGBII}, Childcare: true, Cost: directory.CostFree,
		Capacity: &capacity, FreePlaces: &free, Schedule: "Di", AgeMin: &lo, Funding: directory.FundingFunded,
		Status: directory.StatusActive, Address: "Hauptstraße 1", Location: &directory.GeoPoint{Lat: 51.1657, Lon: 7.0836},
		DistrictID: "d1", Contact: "c", UpdatedAt: at}
	r := offerRow(offer)
	stored := asStored(r["props"].(map[string]any))
	if stored["searchText"] != "mutter cafe treff" {
		t.Errorf("searchText = %q", stored["searchText"])
	}
	stored["providerId"], stored["districtId"] = r["providerId"], r["districtId"]
	got, err := decodeOffer(row(stored))
	if err != nil || !reflect.DeepEqual(got, offer) {
		t.Errorf("offer round trip:\n got  %+v, %v\n want %+v", got, err, offer)
	}
	bare := directory.Offer{ID: "o2", ProviderID: "p1", Title: "T", Digital: true, UpdatedAt: at}
	r = offerRow(bare)
	stored = asStored(r["props"].(map[string]any))
	for _, k := range []string{"capacity", "freePlaces", "ageMin", "ageMax", "location", "courseType", "legalCircuits"} {
		if _, ok := stored[k]; ok {
			t.Errorf("unset %s is stored", k)
		}
	}
	stored["providerId"] = r["providerId"]
	if got, err := decodeOffer(row(stored)); err != nil || !reflect.DeepEqual(got, bare) {
		t.Errorf("bare offer round trip:\n got  %+v, %v\n want %+v", got, err, bare)
	}

	org := directory.Organisation{ID: "g1", Name: "AWO", Kind: directory.KindWelfareAssociation, Description: "d",
		ParentID: "g0", DistrictID: "d1", Municipality: "Solingen", Address: "a", Location: &directory.GeoPoint{Lat: 51, Lon: 7},
		Website: "https://x", Email: "a@b.c", Phone: "1", WorkingGroupIDs: []string{"w2", "w1"}, UpdatedAt: at}
	r = organisationRow(org)
	stored = asStored(r["props"].(map[string]any))
	stored["parentId"], stored["districtId"] = r["parentId"], r["districtId"]
	// MEMBER_OF as organisation_upsert writes it: position = index in the list.
	stored["workingGroups"] = []any{map[string]any{"id": "w1", "position": int64(1)}, map[string]any{"id": "w2", "position": int64(0)}}
	org.WorkingGroupIDs = []string{"w1", "w2"} // read back ordered by id
	if got, err := decodeOrganisation(row(stored)); err != nil || !reflect.DeepEqual(got, org) {
		t.Errorf("organisation round trip:\n got  %+v, %v\n want %+v", got, err, org)
	}

	d := directory.District{ID: "d1", Name: "Mitte", Municipality: "Solingen", Population: 50000,
		Centre: &directory.GeoPoint{Lat: 51.1, Lon: 7.1}, RadiusKm: 2.5}
	if got := decodeDistrict(row(asStored(districtProps(d)))); !reflect.DeepEqual(got, d) {
		t.Errorf("district round trip: %+v, want %+v", got, d)
	}
	w := directory.WorkingGroup{ID: "w", Name: "AG", Municipality: "Solingen"}
	if got := decodeWorkingGroup(row(asStored(workingGroupProps(w)))); !reflect.DeepEqual(got, w) {
		t.Errorf("working group round trip: %+v, want %+v", got, w)
	}
	u := directory.UnmetNeed{ID: "u", Need: directory.NeedLanguage, DistrictID: "d1", RecordedOn: "2025-01-02"}
	r = unmetNeedRow(u)
	stored = asStored(r["props"].(map[string]any))
	stored["districtId"] = r["districtId"]
	if got := decodeUnmetNeed(row(stored)); !reflect.DeepEqual(got, u) {
		t.Errorf("unmet need round trip: %+v, want %+v", got, u)
	}
	revoked := at.Add(time.Hour)
	tok := access.Token{ID: "t", Name: "n", Role: access.RolePartner, OrganisationID: "g1", Hash: "h",
		CreatedAt: at.In(time.FixedZone("CET", 3600)), RevokedAt: &revoked}
	gotTok, err := decodeToken(row(asStored(tokenCreateParams(tok)["props"].(map[string]any))))
	if err != nil || gotTok.ID != tok.ID || !gotTok.CreatedAt.Equal(tok.CreatedAt) || gotTok.RevokedAt == nil ||
		!gotTok.RevokedAt.Equal(revoked) || gotTok.OrganisationID != "g1" || gotTok.Role != access.RolePartner {
		t.Errorf("token round trip: %+v, %v", gotTok, err)
	}
	// Fixed-width times sort as text in time order, to the nanosecond.
	if a, b := store.TimeText(at), store.TimeText(at.Add(time.Nanosecond)); !(a < b) || len(a) != len(b) {
		t.Errorf("timeText not ordered: %s, %s", a, b)
	}
}

// TestOfferFilterParams: an empty filter sends nulls (no filtering), a
// target group filter includes ALL.
func TestOfferFilterParams(t *testing.T) {
	p := offerFilterParams(store.OfferFilter{})
	for _, k := range []string{"terms", "categories", "needs", "targetGroups", "languages", "districtIds", "organisationIds",
		"municipality", "childcare", "costs", "statuses", "legalCircuits", "age", "lat", "lon", "radiusKm"} {
		if p[k] != nil {
			t.Errorf("empty filter: $%s = %v, want null", k, p[k])
		}
	}
	if p["freePlacesOnly"] != false {
		t.Errorf("empty filter: $freePlacesOnly = %v", p["freePlacesOnly"])
	}
	p = offerFilterParams(store.OfferFilter{Text: " Mütter-Café! ", TargetGroups: []directory.TargetGroup{directory.GroupWomen}})
	if !reflect.DeepEqual(p["terms"], []string{"mutter", "cafe"}) {
		t.Errorf("terms = %v", p["terms"])
	}
	if !reflect.DeepEqual(p["targetGroups"], []string{"WOMEN", "ALL"}) {
		t.Errorf("targetGroups = %v", p["targetGroups"])
	}
	if q := searchParams(store.OfferQuery{}, store.Window{}); q["order"] != "TITLE" {
		t.Errorf("default order = %v", q["order"])
	}
}

// TestOrderInFinalReturn: a statement that sorts, sorts in its final RETURN
// (ORDER BY, SKIP and LIMIT after the last RETURN). Cypher promises the order
// of the rows only there; an ORDER BY in a WITH before a projection happens
// to hold today and need not tomorrow.
func TestOrderInFinalReturn(t *testing.T) {
	for name, st := range statements {
		text := stripComments(st.text)
		ret := strings.LastIndex(text, "RETURN ")
		if ret < 0 {
			continue
		}
		for _, kw := range []string{"ORDER BY", "SKIP ", "LIMIT "} {
			if i := strings.LastIndex(text, kw); i >= 0 && i < ret && !inSubquery(text[i:ret]) {
				t.Errorf("%s: %s before the final RETURN", name, kw)
			}
		}
		if strings.Contains(text, "SKIP $skip") && !strings.Contains(text[ret:], "ORDER BY") {
			t.Errorf("%s: pages without ORDER BY in the final RETURN", name)
		}
	}
}

// stripComments drops // comments.
func stripComments(text string) string {
	var b strings.Builder
	for _, line := range strings.Split(text, "\n") {
		if i := strings.Index(line, "//"); i >= 0 {
			line = line[:i]
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

// inSubquery reports whether the text between a keyword and the final
// RETURN closes a CALL { } subquery, i.e. the keyword sorts inside it.
func inSubquery(between string) bool {
	return strings.Count(between, "}") > strings.Count(between, "{")
}
