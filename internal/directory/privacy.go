package directory

// Visibility says who may see an offer or organisation at all.
type Visibility string

const (
	// VisibilityPublic: everyone, anonymous readers included (the default).
	VisibilityPublic Visibility = "PUBLIC"
	// VisibilityProfessional: signed-in case management, steering, admin and
	// the provider's own partner only.
	VisibilityProfessional Visibility = "PROFESSIONAL"
)

// Visibilities lists every visibility in contract order.
var Visibilities = []Visibility{VisibilityPublic, VisibilityProfessional}

// Valid reports whether v is one of Visibilities ("" counts as PUBLIC).
func (v Visibility) Valid() bool { return v == "" || contains(Visibilities, v) }

// Or returns v, or PUBLIC when v is empty (records stored before visibility existed).
func (v Visibility) Or() Visibility {
	if v == "" {
		return VisibilityPublic
	}
	return v
}

// VisibilityOrPublic is the offer's visibility, PUBLIC when unset.
func (o Offer) VisibilityOrPublic() Visibility { return o.Visibility.Or() }

// VisibilityOrPublic is the organisation's visibility, PUBLIC when unset.
func (o Organisation) VisibilityOrPublic() Visibility { return o.Visibility.Or() }

// Redacted returns o as a reader who may not see its place gets it: no
// address and no position; the district and the public contact remain.
func (o Offer) Redacted() Offer {
	if o.ConfidentialAddress {
		o.Address, o.Location = "", nil
	}
	return o
}

// Redacted returns o as a reader who may not see its place gets it.
func (o Organisation) Redacted() Organisation {
	if o.ConfidentialAddress {
		o.Address, o.Location = "", nil
	}
	return o
}

// CooperationStatus says whether both sides (or steering) stand behind a cooperation.
type CooperationStatus string

const (
	// CooperationProposed: one side's partner declared it; not yet counted.
	CooperationProposed CooperationStatus = "PROPOSED"
	// CooperationConfirmed: confirmed by the other side or by steering.
	CooperationConfirmed CooperationStatus = "CONFIRMED"
)
