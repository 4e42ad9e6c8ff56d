package neo4j

import (
	"fmt"
	"sort"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// How domain values become node properties and back. Times are fixed-width
// UTC text (store.TimeText, so that text order is time order and they read
// back exactly as written), positions are WGS-84 points, optional values are absent
// properties, vocabularies are their codes.

// sridWGS84 is the spatial reference of 2D geographic points (x = longitude, y = latitude).
const sridWGS84 = 4326

// metresPerKm rescales Neo4j's WGS-84 distances to directory.DistanceKm:
// Neo4j computes the haversine distance on a sphere of radius 6378140 m,
// Lotse on one of 6371.0088 km, so Lotse's kilometres are Neo4j's metres
// divided by 6378140 / 6371.0088.
const metresPerKm = 6378140.0 / directory.EarthRadiusKm

func point(g *directory.GeoPoint) any {
	if g == nil {
		return nil
	}
	return neo4j.Point2D{X: g.Lon, Y: g.Lat, SpatialRefId: sridWGS84}
}

// props is a property map that leaves out empty optional values, so that
// they are absent on the node.
type props map[string]any

func (p props) str(k, v string) {
	if v != "" {
		p[k] = v
	}
}

func (p props) intp(k string, v *int) {
	if v != nil {
		p[k] = int64(*v)
	}
}

func (p props) geo(k string, g *directory.GeoPoint) {
	if g != nil {
		p[k] = point(g)
	}
}

func (p props) list(k string, v []string) {
	if len(v) > 0 {
		p[k] = v
	}
}

func strings_[T ~string](v []T) []string {
	out := make([]string, len(v))
	for i, x := range v {
		out[i] = string(x)
	}
	return out
}

// orNil turns "" into a null parameter.
func orNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// listOrNil turns an empty list into a null parameter (which does not filter).
func listOrNil[T ~string](v []T) any {
	if len(v) == 0 {
		return nil
	}
	return strings_(v)
}

// Reading: records hold maps (from map projections) of driver values.

type row map[string]any

func asRow(rec *neo4j.Record, key string) row {
	v, _ := rec.Get(key)
	m, _ := v.(map[string]any)
	return row(m)
}

func get(rec *neo4j.Record, key string) any {
	v, _ := rec.Get(key)
	return v
}

func (r row) str(k string) string {
	s, _ := r[k].(string)
	return s
}

func (r row) integer(k string) int {
	switch v := r[k].(type) {
	case int64:
		return int(v)
	case float64:
		return int(v)
	}
	return 0
}

func (r row) intp(k string) *int {
	switch v := r[k].(type) {
	case int64:
		n := int(v)
		return &n
	case float64:
		n := int(v)
		return &n
	}
	return nil
}

func (r row) float(k string) float64 {
	switch v := r[k].(type) {
	case float64:
		return v
	case int64:
		return float64(v)
	}
	return 0
}

func (r row) boolean(k string) bool {
	b, _ := r[k].(bool)
	return b
}

func (r row) strs(k string) []string { return anyStrings(r[k]) }

func anyStrings(v any) []string {
	list, _ := v.([]any)
	if len(list) == 0 {
		return nil
	}
	out := make([]string, 0, len(list))
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func enums[T ~string](v []string) []T {
	if v == nil {
		return nil
	}
	out := make([]T, len(v))
	for i, x := range v {
		out[i] = T(x)
	}
	return out
}

func (r row) geo(k string) *directory.GeoPoint { return geoValue(r[k]) }

func geoValue(v any) *directory.GeoPoint {
	switch p := v.(type) {
	case neo4j.Point2D:
		return &directory.GeoPoint{Lat: p.Y, Lon: p.X}
	case neo4j.Point3D:
		return &directory.GeoPoint{Lat: p.Y, Lon: p.X}
	}
	return nil
}

func (r row) time(k string) (time.Time, error) {
	s := r.str(k)
	if s == "" {
		return time.Time{}, nil
	}
	return store.ParseTime(s)
}

// District

func districtProps(d directory.District) map[string]any {
	p := props{"id": d.ID, "name": d.Name, "municipality": d.Municipality, "population": int64(d.Population)}
	p.geo("centre", d.Centre)
	if d.RadiusKm != 0 {
		p["radiusKm"] = d.RadiusKm
	}
	// The outline is kept as GeoJSON text: Neo4j has no polygon type, and
	// nothing queries inside it. Marshalling a validated boundary cannot fail.
	if b, err := d.Boundary.GeoJSON(); err == nil {
		p.str("boundary", b)
	}
	return p
}

func decodeDistrict(r row) directory.District {
	d := directory.District{
		ID: r.str("id"), Name: r.str("name"), Municipality: r.str("municipality"),
		Population: r.integer("population"), Centre: r.geo("centre"), RadiusKm: r.float("radiusKm"),
	}
	// Only validated boundaries are written, so a stored one always parses.
	d.Boundary, _ = directory.ParseBoundary(r.str("boundary"))
	return d
}

// WorkingGroup

func workingGroupProps(w directory.WorkingGroup) map[string]any {
	p := props{"id": w.ID, "name": w.Name}
	p.str("municipality", w.Municipality)
	p.str("description", w.Description)
	return p
}

func decodeWorkingGroup(r row) directory.WorkingGroup {
	return directory.WorkingGroup{ID: r.str("id"), Name: r.str("name"), Municipality: r.str("municipality"), Description: r.str("description")}
}

// Organisation

// organisationRow is one row of organisation_upsert and organisation_link_parents.
func organisationRow(o directory.Organisation) map[string]any {
	p := props{
		"id": o.ID, "name": o.Name, "kind": string(o.Kind), "updatedAt": store.TimeText(o.UpdatedAt),
		"searchText": directory.Fold(o.Name + " " + o.Description),
	}
	p.str("description", o.Description)
	p.str("municipality", o.Municipality)
	p.str("address", o.Address)
	p.geo("location", o.Location)
	p.str("website", o.Website)
	p.str("email", o.Email)
	p.str("phone", o.Phone)
	p.str("visibility", string(o.Visibility))
	if o.ConfidentialAddress {
		p["confidentialAddress"] = true
	}
	groups := o.WorkingGroupIDs
	if groups == nil {
		groups = []string{}
	}
	return map[string]any{
		"id": o.ID, "parentId": orNil(o.ParentID), "districtId": orNil(o.DistrictID),
		"workingGroupIds": groups, "props": map[string]any(p),
	}
}

func decodeOrganisation(r row) (directory.Organisation, error) {
	o := directory.Organisation{
		ID: r.str("id"), Name: r.str("name"), Kind: directory.OrganisationKind(r.str("kind")),
		Description: r.str("description"), ParentID: r.str("parentId"), DistrictID: r.str("districtId"),
		Municipality: r.str("municipality"), Address: r.str("address"), Location: r.geo("location"),
		Website: r.str("website"), Email: r.str("email"), Phone: r.str("phone"),
		Visibility: directory.Visibility(r.str("visibility")), ConfidentialAddress: r.boolean("confidentialAddress"),
	}
	// Working groups read back ordered by id, as from the embedded store
	// (MEMBER_OF still carries the position as written, for older readers).
	list, _ := r["workingGroups"].([]any)
	for _, x := range list {
		o.WorkingGroupIDs = append(o.WorkingGroupIDs, row(asMap(x)).str("id"))
	}
	sort.Strings(o.WorkingGroupIDs)
	var err error
	if o.UpdatedAt, err = r.time("updatedAt"); err != nil {
		return o, fmt.Errorf("organisation %q: %w", o.ID, err)
	}
	return o, nil
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

// Offer

// offerRow is one row of offer_upsert.
func offerRow(o directory.Offer) map[string]any {
	p := props{
		"id": o.ID, "title": o.Title, "category": string(o.Category), "childcare": o.Childcare,
		"cost": string(o.Cost), "funding": string(o.Funding), "status": string(o.Status), "digital": o.Digital,
		"updatedAt":  store.TimeText(o.UpdatedAt),
		"searchText": directory.Fold(o.Title + " " + o.Description),
		"searchKeys": offerSearchKeys(o),
		"gapKey":     offerGapKey(o),
	}
	p.str("description", o.Description)
	p.str("courseType", string(o.CourseType))
	p.list("needs", strings_(o.Needs))
	p.list("targetGroups", strings_(o.TargetGroups))
	p.list("languages", o.Languages)
	p.list("legalCircuits", strings_(o.LegalCircuits))
	p.intp("capacity", o.Capacity)
	p.intp("freePlaces", o.FreePlaces)
	p.str("schedule", o.Schedule)
	p.intp("ageMin", o.AgeMin)
	p.intp("ageMax", o.AgeMax)
	p.str("address", o.Address)
	p.geo("location", o.Location)
	p.str("contact", o.Contact)
	p.str("visibility", string(o.Visibility))
	// Kept beside the PROVIDES and LOCATED_IN relationships (written with
	// them, in offer_upsert) so that a search reads an offer's ids from
	// the node instead of expanding its relationships.
	p["providerId"] = o.ProviderID
	p.str("districtId", o.DistrictID)
	if o.ConfidentialAddress {
		p["confidentialAddress"] = true
	}
	return map[string]any{
		"id": o.ID, "providerId": o.ProviderID, "districtId": orNil(o.DistrictID),
		"needs": strings_(o.Needs), "targetGroups": strings_(o.TargetGroups),
		"languages": append([]string{}, o.Languages...), "legalCircuits": strings_(o.LegalCircuits),
		"props": map[string]any(p),
	}
}

func decodeOffer(r row) (directory.Offer, error) {
	o := directory.Offer{
		ID: r.str("id"), ProviderID: r.str("providerId"), Title: r.str("title"), Description: r.str("description"),
		Category: directory.OfferCategory(r.str("category")), CourseType: directory.CourseType(r.str("courseType")),
		Needs:         enums[directory.NeedArea](r.strs("needs")),
		TargetGroups:  enums[directory.TargetGroup](r.strs("targetGroups")),
		Languages:     r.strs("languages"),
		LegalCircuits: enums[directory.LegalCircuit](r.strs("legalCircuits")),
		Childcare:     r.boolean("childcare"), Cost: directory.Cost(r.str("cost")),
		Capacity: r.intp("capacity"), FreePlaces: r.intp("freePlaces"), Schedule: r.str("schedule"),
		AgeMin: r.intp("ageMin"), AgeMax: r.intp("ageMax"),
		Funding: directory.Funding(r.str("funding")), Status: directory.OfferStatus(r.str("status")),
		Digital: r.boolean("digital"), Address: r.str("address"), Location: r.geo("location"),
		DistrictID: r.str("districtId"), Contact: r.str("contact"),
		Visibility: directory.Visibility(r.str("visibility")), ConfidentialAddress: r.boolean("confidentialAddress"),
	}
	var err error
	if o.UpdatedAt, err = r.time("updatedAt"); err != nil {
		return o, fmt.Errorf("offer %q: %w", o.ID, err)
	}
	return o, nil
}

// Cooperation

func cooperationRow(c directory.Cooperation) map[string]any {
	c = c.Normalized()
	p := props{}
	p.str("since", c.Since)
	p.list("topics", c.Topics)
	return map[string]any{"a": c.A, "b": c.B, "props": map[string]any(p)}
}

func decodeCooperation(rec *neo4j.Record) directory.Cooperation {
	a, _ := get(rec, "a").(string)
	b, _ := get(rec, "b").(string)
	since, _ := get(rec, "since").(string)
	return directory.Cooperation{A: a, B: b, Since: since, Topics: anyStrings(get(rec, "topics"))}.Normalized()
}

// UnmetNeed

func unmetNeedRow(u directory.UnmetNeed) map[string]any {
	p := props{"id": u.ID, "need": string(u.Need), "recordedOn": u.RecordedOn}
	p.str("language", u.Language)
	p.str("targetGroup", string(u.TargetGroup))
	return map[string]any{"id": u.ID, "districtId": u.DistrictID, "props": map[string]any(p)}
}

func decodeUnmetNeed(r row) directory.UnmetNeed {
	return directory.UnmetNeed{
		ID: r.str("id"), Need: directory.NeedArea(r.str("need")), DistrictID: r.str("districtId"),
		Language: r.str("language"), TargetGroup: directory.TargetGroup(r.str("targetGroup")), RecordedOn: r.str("recordedOn"),
	}
}

// Parameter builders: every statement gets its parameters from one of these
// (TestStatementParameters checks each statement against its builder).

func noParams() map[string]any                  { return map[string]any{} }
func idParam(id string) map[string]any          { return map[string]any{"id": id} }
func idsParam(ids []string) map[string]any      { return map[string]any{"ids": nonNil(ids)} }
func rowsParam(rows []any) map[string]any       { return map[string]any{"rows": rows} }
func pairParams(a, b string) map[string]any     { return map[string]any{"a": a, "b": b} }
func municipalityParam(m string) map[string]any { return map[string]any{"municipality": orNil(m)} }
func afterParams(after string, limit int) map[string]any {
	return map[string]any{"after": after, "limit": int64(limit)}
}
func providerIDsParam(ids []string) map[string]any {
	return map[string]any{"providerIds": nonNil(ids)}
}

func nonNil(ids []string) []string {
	if ids == nil {
		return []string{}
	}
	return ids
}

// windowParams adds a keyset window's parameters to params: the cursors'
// sort keys as $after<sort>/$before<sort> (null: open), their ids, the
// direction, and $limit (one row more than the page).
func windowParams(params map[string]any, w store.Window, sort string) map[string]any {
	params["after"+sort], params["afterId"] = w.AfterKey()
	params["before"+sort], params["beforeId"] = w.BeforeKey()
	params["backward"], params["sortDesc"] = w.Backward, w.SortDesc
	params["limit"] = int64(w.Fetch())
	return params
}

// edges reads the total and the flags of a count statement.
func edges(rec *neo4j.Record) store.Edges {
	total, _ := get(rec, "total").(int64)
	upTo, _ := get(rec, "upToAfter").(bool)
	from, _ := get(rec, "fromBefore").(bool)
	return store.Edges{Total: int(total), UpToAfter: upTo, FromBefore: from}
}
