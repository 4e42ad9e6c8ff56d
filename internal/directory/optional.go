package directory

import "encoding/base64"

// Optional text fields are "" when absent; these accessors answer nil
// instead, so that GraphQL (gqlgen binds them in gqlgen.yml) shows null
// rather than an empty string.

func orNil[T ~string](s T) *T {
	if s == "" {
		return nil
	}
	return &s
}

// DescriptionOrNil is the offer's description, nil when empty.
func (o *Offer) DescriptionOrNil() *string { return orNil(o.Description) }

// CourseTypeOrNil is the offer's course type, nil when empty.
func (o *Offer) CourseTypeOrNil() *CourseType { return orNil(o.CourseType) }

// ScheduleOrNil is the offer's schedule, nil when empty.
func (o *Offer) ScheduleOrNil() *string { return orNil(o.Schedule) }

// AddressOrNil is the offer's address, nil when empty.
func (o *Offer) AddressOrNil() *string { return orNil(o.Address) }

// ContactOrNil is the offer's contact, nil when empty.
func (o *Offer) ContactOrNil() *string { return orNil(o.Contact) }

// DescriptionOrNil is the organisation's description, nil when empty.
func (o *Organisation) DescriptionOrNil() *string { return orNil(o.Description) }

// MunicipalityOrNil is the organisation's municipality, nil when empty.
func (o *Organisation) MunicipalityOrNil() *string { return orNil(o.Municipality) }

// AddressOrNil is the organisation's address, nil when empty.
func (o *Organisation) AddressOrNil() *string { return orNil(o.Address) }

// WebsiteOrNil is the organisation's website, nil when empty.
func (o *Organisation) WebsiteOrNil() *string { return orNil(o.Website) }

// EmailOrNil is the organisation's e-mail address, nil when empty.
func (o *Organisation) EmailOrNil() *string { return orNil(o.Email) }

// PhoneOrNil is the organisation's phone number, nil when empty.
func (o *Organisation) PhoneOrNil() *string { return orNil(o.Phone) }

// LanguageOrNil is the unmet need's language, nil when empty.
func (u *UnmetNeed) LanguageOrNil() *string { return orNil(u.Language) }

// TargetGroupOrNil is the unmet need's target group, nil when empty.
func (u *UnmetNeed) TargetGroupOrNil() *TargetGroup { return orNil(u.TargetGroup) }

// GlobalID is the offer's id in the API: base64url of "Offer:<id>", the
// encoding of graph/relay (whose test holds the two together). A method,
// so that GraphQL reads it like a field: gqlgen runs every resolver in a
// goroutine of its own, which cost more than the id itself.
func (o *Offer) GlobalID() string { return globalID("Offer", o.ID) }

// GlobalID is the organisation's id in the API (see Offer.GlobalID).
func (o *Organisation) GlobalID() string { return globalID("Organisation", o.ID) }

// GlobalID is the district's id in the API (see Offer.GlobalID).
func (d *District) GlobalID() string { return globalID("District", d.ID) }

func globalID(typ, local string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(typ + ":" + local))
}
