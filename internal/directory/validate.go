package directory

import (
	"fmt"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"
)

// FieldError is one problem with one field of an input. Field is a path in
// the input's own (GraphQL/JSON) names: "title", "languages[2]", "location.lat".
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

func (e FieldError) Error() string { return e.Field + ": " + e.Message }

// ValidationError collects every problem of one input, so that a user can
// correct them all at once.
type ValidationError struct {
	Problems []FieldError
}

func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		parts[i] = p.Error()
	}
	return strings.Join(parts, "; ")
}

// Problems accumulates FieldErrors under an optional path prefix.
type Problems struct {
	prefix string
	list   *[]FieldError
}

// NewProblems starts an empty collection.
func NewProblems() Problems { return Problems{list: &[]FieldError{}} }

// At returns a view that prefixes fields with path ("offers[3]").
func (p Problems) At(path string) Problems {
	if p.prefix != "" {
		path = p.prefix + "." + path
	}
	return Problems{prefix: path, list: p.list}
}

// Add records a problem with field.
func (p Problems) Add(field, format string, args ...any) {
	if p.prefix != "" {
		if field == "" {
			field = p.prefix
		} else {
			field = p.prefix + "." + field
		}
	}
	*p.list = append(*p.list, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

// Err returns a *ValidationError when problems were recorded, nil otherwise.
func (p Problems) Err() error {
	if len(*p.list) == 0 {
		return nil
	}
	return &ValidationError{Problems: append([]FieldError(nil), *p.list...)}
}

// Len is the number of problems recorded so far.
func (p Problems) Len() int { return len(*p.list) }

// MaxTextLen bounds free-text fields so that no single record can bloat the store.
const MaxTextLen = 5000

// A search text is bounded in characters and words: every word is one more
// condition on every offer, so 100,000 words cost the store seconds.
const (
	MaxSearchChars = 200
	MaxSearchWords = 20
)

func (p Problems) required(field, v string, max int) {
	if strings.TrimSpace(v) == "" {
		p.Add(field, "must not be empty")
		return
	}
	p.optional(field, v, max)
}

// optional bounds a text in characters (not bytes: "Straße" is 6) and
// refuses control characters other than tab and line breaks.
func (p Problems) optional(field, v string, max int) {
	switch {
	case utf8.RuneCountInString(v) > max:
		p.Add(field, "must be at most %d characters", max)
	case strings.IndexFunc(v, IsControl) >= 0:
		p.Add(field, "must not contain control characters")
	}
}

// IsControl reports the characters refused in text: C0 and C1 controls
// (NUL, escape, …) other than tab, line feed and carriage return.
func IsControl(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || (r >= 0x7f && r < 0xa0)
}

// SearchText bounds a search text (MaxSearchChars, MaxSearchWords).
func (p Problems) SearchText(field, text string) {
	switch {
	case utf8.RuneCountInString(text) > MaxSearchChars:
		p.Add(field, "must be at most %d characters", MaxSearchChars)
	case len(SearchTerms(text)) > MaxSearchWords:
		p.Add(field, "must have at most %d words", MaxSearchWords)
	case strings.IndexFunc(text, IsControl) >= 0:
		p.Add(field, "must not contain control characters")
	}
}

// ID checks an identifier: 1–100 characters of letters, digits, '-', '_', '.', ':'.
func (p Problems) ID(field, id string, required bool) {
	if id == "" {
		if required {
			p.Add(field, "must not be empty")
		}
		return
	}
	if utf8.RuneCountInString(id) > 100 {
		p.Add(field, "must be at most 100 characters")
		return
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_.:", r)) {
			p.Add(field, "%q may only contain letters, digits, '-', '_', '.' and ':'", id)
			return
		}
	}
}

// Point checks a geo position.
func (p Problems) Point(field string, g *GeoPoint) {
	if g == nil {
		return
	}
	if !(g.Lat >= -90 && g.Lat <= 90) {
		p.Add(field+".lat", "must be between -90 and 90")
	}
	if !(g.Lon >= -180 && g.Lon <= 180) {
		p.Add(field+".lon", "must be between -180 and 180")
	}
}

// Languages checks a list of ISO 639-1 codes.
func (p Problems) Languages(field string, codes []string) {
	seen := map[string]bool{}
	for i, c := range codes {
		f := fmt.Sprintf("%s[%d]", field, i)
		switch {
		case !ValidLanguage(c):
			p.Add(f, "%q is not an ISO 639-1 code", c)
		case seen[c]:
			p.Add(f, "%q is listed twice", c)
		}
		seen[c] = true
	}
}

func checkEnum[T ~string](p Problems, field string, list []T, valid func(T) bool) {
	seen := map[T]bool{}
	for i, v := range list {
		f := fmt.Sprintf("%s[%d]", field, i)
		switch {
		case !valid(v):
			p.Add(f, "%q is not a known value", v)
		case seen[v]:
			p.Add(f, "%q is listed twice", v)
		}
		seen[v] = true
	}
}

// Dates are accepted from MinYear to MaxYear.
const (
	MinYear = 1900
	MaxYear = 2100
)

// Date checks an ISO date (YYYY-MM-DD) between MinYear and MaxYear.
func (p Problems) Date(field, v string, required bool) {
	if v == "" {
		if required {
			p.Add(field, "must not be empty")
		}
		return
	}
	d, err := time.Parse(time.DateOnly, v)
	switch {
	case err != nil:
		p.Add(field, "%q is not a date of the form YYYY-MM-DD", v)
	case d.Year() < MinYear || d.Year() > MaxYear:
		// A typo (0202-05-01, 20255-01-01 cut short) rather than a date
		// anybody means in a directory of current offers.
		p.Add(field, "%q is outside the years %d to %d", v, MinYear, MaxYear)
	}
}

// Validate checks an organisation.
func (o Organisation) Validate() error {
	p := NewProblems()
	o.ValidateInto(p)
	return p.Err()
}

// ValidateInto records the organisation's problems in p.
func (o Organisation) ValidateInto(p Problems) {
	p.ID("id", o.ID, true)
	p.required("name", o.Name, 300)
	if !o.Kind.Valid() {
		p.Add("kind", "%q is not a known organisation kind", o.Kind)
	}
	p.optional("description", o.Description, MaxTextLen)
	p.ID("parentId", o.ParentID, false)
	if o.ParentID != "" && o.ParentID == o.ID {
		p.Add("parentId", "an organisation cannot be part of itself")
	}
	p.ID("districtId", o.DistrictID, false)
	p.optional("municipality", o.Municipality, 200)
	p.optional("address", o.Address, 500)
	p.Point("location", o.Location)
	p.optional("website", o.Website, 500)
	if o.Website != "" && !strings.HasPrefix(o.Website, "https://") && !strings.HasPrefix(o.Website, "http://") {
		p.Add("website", "must start with http:// or https://")
	}
	if o.Email != "" {
		if _, err := mail.ParseAddress(o.Email); err != nil || strings.ContainsAny(o.Email, "<> ") {
			p.Add("email", "%q is not an e-mail address", o.Email)
		}
	}
	p.optional("phone", o.Phone, 50)
	if !o.Visibility.Valid() {
		p.Add("visibility", "%q is not a known visibility", o.Visibility)
	}
	seen := map[string]bool{}
	for i, id := range o.WorkingGroupIDs {
		f := fmt.Sprintf("workingGroupIds[%d]", i)
		p.ID(f, id, true)
		if seen[id] {
			p.Add(f, "%q is listed twice", id)
		}
		seen[id] = true
	}
}

// Validate checks an offer.
func (o Offer) Validate() error {
	p := NewProblems()
	o.ValidateInto(p)
	return p.Err()
}

// ValidateInto records the offer's problems in p.
func (o Offer) ValidateInto(p Problems) {
	p.ID("id", o.ID, true)
	p.ID("providerId", o.ProviderID, true)
	p.required("title", o.Title, 300)
	p.optional("description", o.Description, MaxTextLen)
	if !o.Category.Valid() {
		p.Add("category", "%q is not a known offer category", o.Category)
	}
	if !o.Visibility.Valid() {
		p.Add("visibility", "%q is not a known visibility", o.Visibility)
	}
	switch {
	case o.CourseType != "" && !o.CourseType.Valid():
		p.Add("courseType", "%q is not a known course type", o.CourseType)
	case o.CourseType != "" && o.Category != CategoryIntegrationCourse:
		p.Add("courseType", "only integration courses have a course type")
	}
	if len(o.Needs) == 0 {
		p.Add("needs", "must name at least one need area")
	}
	checkEnum(p, "needs", o.Needs, NeedArea.Valid)
	checkEnum(p, "targetGroups", o.TargetGroups, TargetGroup.Valid)
	if len(o.Languages) == 0 {
		p.Add("languages", "must name at least one language")
	}
	p.Languages("languages", o.Languages)
	checkEnum(p, "legalCircuits", o.LegalCircuits, LegalCircuit.Valid)
	if !o.Cost.Valid() {
		p.Add("cost", "%q is not a known cost", o.Cost)
	}
	if o.Capacity != nil && *o.Capacity < 0 {
		p.Add("capacity", "must not be negative")
	}
	if o.FreePlaces != nil {
		switch {
		case *o.FreePlaces < 0:
			p.Add("freePlaces", "must not be negative")
		case o.Capacity != nil && *o.FreePlaces > *o.Capacity:
			p.Add("freePlaces", "must not exceed capacity (%d)", *o.Capacity)
		}
	}
	p.optional("schedule", o.Schedule, 1000)
	for _, a := range []struct {
		f string
		v *int
	}{{"ageMin", o.AgeMin}, {"ageMax", o.AgeMax}} {
		if a.v != nil && (*a.v < 0 || *a.v > 130) {
			p.Add(a.f, "must be between 0 and 130")
		}
	}
	if o.AgeMin != nil && o.AgeMax != nil && *o.AgeMin > *o.AgeMax {
		p.Add("ageMin", "must not exceed ageMax")
	}
	if !o.Funding.Valid() {
		p.Add("funding", "%q is not a known funding state", o.Funding)
	}
	if !o.Status.Valid() {
		p.Add("status", "%q is not a known status", o.Status)
	}
	p.optional("address", o.Address, 500)
	p.Point("location", o.Location)
	p.ID("districtId", o.DistrictID, false)
	if !o.Digital && o.Location == nil && o.DistrictID == "" {
		p.Add("location", "an offer that is not digital needs a location or a districtId")
	}
	p.optional("contact", o.Contact, 500)
}

// Validate checks a district.
func (d District) Validate() error {
	p := NewProblems()
	d.ValidateInto(p)
	return p.Err()
}

// ValidateInto records the district's problems in p.
func (d District) ValidateInto(p Problems) {
	p.ID("id", d.ID, true)
	p.required("name", d.Name, 200)
	p.required("municipality", d.Municipality, 200)
	if d.Population < 0 {
		p.Add("population", "must not be negative")
	}
	p.Point("centre", d.Centre)
	if d.RadiusKm < 0 {
		p.Add("radiusKm", "must not be negative")
	}
	if d.Boundary != nil {
		d.ValidateBoundaryInto(p.At("boundary"))
	}
}

// ValidateBoundaryInto records the problems of the district's boundary in p,
// with fields relative to the geometry ("coordinates[0][3]"), so that an
// import can name them as they are in its own file.
func (d District) ValidateBoundaryInto(p Problems) {
	if d.Boundary == nil {
		return
	}
	before := p.Len()
	d.Boundary.ValidateInto(p)
	// The centre anchors the district's markers and the gap report's
	// points; outside its own outline it would sit in a neighbour.
	if p.Len() == before && d.Centre != nil && !d.Boundary.Contains(*d.Centre) {
		p.Add("", "the district's centre (lat %g, lon %g) lies outside the boundary", d.Centre.Lat, d.Centre.Lon)
	}
}

// Validate checks a cooperation.
func (c Cooperation) Validate() error {
	p := NewProblems()
	c.ValidateInto(p)
	return p.Err()
}

// ValidateInto records the cooperation's problems in p.
func (c Cooperation) ValidateInto(p Problems) {
	p.ID("a", c.A, true)
	p.ID("b", c.B, true)
	if c.A != "" && c.A == c.B {
		p.Add("b", "an organisation cannot cooperate with itself")
	}
	p.Date("since", c.Since, false)
	for i, t := range c.Topics {
		p.required(fmt.Sprintf("topics[%d]", i), t, 200)
	}
}

// Validate checks a working group.
func (w WorkingGroup) Validate() error {
	p := NewProblems()
	w.ValidateInto(p)
	return p.Err()
}

// ValidateInto records the working group's problems in p.
func (w WorkingGroup) ValidateInto(p Problems) {
	p.ID("id", w.ID, true)
	p.required("name", w.Name, 300)
	p.optional("municipality", w.Municipality, 200)
	p.optional("description", w.Description, MaxTextLen)
}

// Validate checks an unmet need.
func (u UnmetNeed) Validate() error {
	p := NewProblems()
	u.ValidateInto(p)
	return p.Err()
}

// ValidateInto records the unmet need's problems in p.
func (u UnmetNeed) ValidateInto(p Problems) {
	p.ID("id", u.ID, true)
	if !u.Need.Valid() {
		p.Add("need", "%q is not a known need area", u.Need)
	}
	p.ID("districtId", u.DistrictID, true)
	if u.Language != "" && !ValidLanguage(u.Language) {
		p.Add("language", "%q is not an ISO 639-1 code", u.Language)
	}
	if u.TargetGroup != "" && !u.TargetGroup.Valid() {
		p.Add("targetGroup", "%q is not a known target group", u.TargetGroup)
	}
	p.Date("recordedOn", u.RecordedOn, true)
}

// ValidateUnmetNeeds checks a batch of unmet needs to be recorded together.
// Problems of one need are named by field ("need"), of several by index
// ("[2].need"); an id given twice is a problem too.
func ValidateUnmetNeeds(us []UnmetNeed) error {
	p := NewProblems()
	seen := map[string]bool{}
	for i, u := range us {
		at := p
		if len(us) > 1 {
			at = p.At(fmt.Sprintf("[%d]", i))
		}
		u.ValidateInto(at)
		if seen[u.ID] {
			at.Add("id", "%q appears twice", u.ID)
		}
		seen[u.ID] = true
	}
	return p.Err()
}

// Validate checks a whole snapshot: every record, and every reference
// between records, with paths such as "offers[17].languages[0]".
func (s Snapshot) Validate() error {
	p := NewProblems()
	if s.Format != SnapshotFormat {
		p.Add("format", "must be %q, got %q", SnapshotFormat, s.Format)
	}
	v := snapshotCheck{p: p, orgs: map[string]bool{}, parents: map[string]string{}}
	v.districts = uniqueIDs(p, "districts", s.Districts, func(d District, at Problems) string { d.ValidateInto(at); return d.ID }, nil)
	v.groups = uniqueIDs(p, "workingGroups", s.WorkingGroups, func(w WorkingGroup, at Problems) string { w.ValidateInto(at); return w.ID }, nil)
	for _, o := range s.Organisations {
		v.orgs[o.ID], v.parents[o.ID] = true, o.ParentID
	}
	uniqueIDs(p, "organisations", s.Organisations, func(o Organisation, at Problems) string { o.ValidateInto(at); return o.ID }, v.organisationRefs)
	uniqueIDs(p, "offers", s.Offers, func(o Offer, at Problems) string { o.ValidateInto(at); return o.ID }, v.offerRefs)
	pairs := v.cooperations(s.Cooperations)
	v.proposals(s.CooperationProposals, pairs)
	uniqueIDs(p, "unmetNeeds", s.UnmetNeeds, func(u UnmetNeed, at Problems) string { u.ValidateInto(at); return u.ID }, v.unmetNeedRefs)
	return p.Err()
}

// snapshotCheck holds the ids a snapshot's references may point to.
type snapshotCheck struct {
	p                 Problems
	districts, groups map[string]bool
	orgs              map[string]bool
	parents           map[string]string
}

// uniqueIDs checks each record of list at "<name>[i]": validate (which
// returns its id), an id given twice, then refs (nil: none). It returns the ids.
func uniqueIDs[T any](p Problems, name string, list []T, validate func(T, Problems) string, refs func(T, Problems)) map[string]bool {
	ids := map[string]bool{}
	for i, r := range list {
		at := p.At(fmt.Sprintf("%s[%d]", name, i))
		id := validate(r, at)
		if ids[id] {
			at.Add("id", "%q appears twice", id)
		}
		ids[id] = true
		if refs != nil {
			refs(r, at)
		}
	}
	return ids
}

func (v *snapshotCheck) organisationRefs(o Organisation, at Problems) {
	if o.ParentID != "" && !v.orgs[o.ParentID] {
		at.Add("parentId", "no organisation %q in this document", o.ParentID)
	}
	if o.ParentID != "" && o.ParentID != o.ID && inParentCycle(v.parents, o.ID) {
		at.Add("parentId", "%q makes %s part of itself", o.ParentID, o.ID)
	}
	if o.DistrictID != "" && !v.districts[o.DistrictID] {
		at.Add("districtId", "no district %q in this document", o.DistrictID)
	}
	for j, g := range o.WorkingGroupIDs {
		if !v.groups[g] {
			at.Add(fmt.Sprintf("workingGroupIds[%d]", j), "no working group %q in this document", g)
		}
	}
}

func (v *snapshotCheck) offerRefs(o Offer, at Problems) {
	if o.ProviderID != "" && !v.orgs[o.ProviderID] {
		at.Add("providerId", "no organisation %q in this document", o.ProviderID)
	}
	if o.DistrictID != "" && !v.districts[o.DistrictID] {
		at.Add("districtId", "no district %q in this document", o.DistrictID)
	}
}

// cooperations checks the cooperations and returns their pairs (A < B).
func (v *snapshotCheck) cooperations(cs []Cooperation) map[[2]string]bool {
	pairs := map[[2]string]bool{}
	for i, c := range cs {
		v.pair(fmt.Sprintf("cooperations[%d]", i), c, pairs, "cooperation")
	}
	return pairs
}

// proposals checks the proposals: each for a pair that does not cooperate
// in the document, proposed by one of its sides.
func (v *snapshotCheck) proposals(ps []CooperationProposal, cooperating map[[2]string]bool) {
	pairs := map[[2]string]bool{}
	for i, pr := range ps {
		at := v.pair(fmt.Sprintf("cooperationProposals[%d]", i), pr.Cooperation, pairs, "proposal")
		n := pr.Normalized()
		if cooperating[[2]string{n.A, n.B}] {
			at.Add("", "%q and %q cooperate in this document; a proposal is for a pair that does not yet", n.A, n.B)
		}
		if pr.ProposedBy == "" || pr.ProposedBy != pr.A && pr.ProposedBy != pr.B {
			at.Add("proposedBy", "%q is neither side of the proposal (%q, %q)", pr.ProposedBy, pr.A, pr.B)
		}
	}
}

// pair checks one cooperation (or proposal) at path: its fields, its sides
// in the document, and that its pair is not in pairs yet; it records it.
func (v *snapshotCheck) pair(path string, c Cooperation, pairs map[[2]string]bool, what string) Problems {
	at := v.p.At(path)
	c.ValidateInto(at)
	for _, e := range []struct{ f, id string }{{"a", c.A}, {"b", c.B}} {
		if e.id != "" && !v.orgs[e.id] {
			at.Add(e.f, "no organisation %q in this document", e.id)
		}
	}
	n := c.Normalized()
	if pairs[[2]string{n.A, n.B}] {
		at.Add("", "%s between %q and %q appears twice", what, n.A, n.B)
	}
	pairs[[2]string{n.A, n.B}] = true
	return at
}

func (v *snapshotCheck) unmetNeedRefs(u UnmetNeed, at Problems) {
	if u.DistrictID != "" && !v.districts[u.DistrictID] {
		at.Add("districtId", "no district %q in this document", u.DistrictID)
	}
}

// inParentCycle reports whether following parents from id leads back to id.
func inParentCycle(parents map[string]string, id string) bool {
	for cur, n := parents[id], 0; cur != "" && n <= len(parents); n++ {
		if cur == id {
			return true
		}
		cur = parents[cur]
	}
	return false
}
