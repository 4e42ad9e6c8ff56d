package readindex

import (
	"slices"

	"github.com/lotse-kim/lotse/internal/directory"
)

// row is what every search checks of an offer, 56 bytes, kept in one array
// in ordinal order: a search that no posting list narrows scans this array
// rather than the offers' full records (over 500 bytes each), which made
// such a search bound by memory traffic.
type row struct {
	lat, lon         float64
	cosLat           float64   // directory.LatCos(lat), for distances
	langs            [2]uint64 // bit per language id (ix.langIDs); bit 127: a language without an id
	needs, groups    uint16
	ageMin, ageMax   int16 // valid with hasAgeMin / hasAgeMax
	circuits         uint8
	category, status uint8 // 1 + position in the vocabulary; 0: not in it (checked on the record)
	cost             uint8
	flags            rowFlags
}

// The row's masks are narrower than the vocabularies could grow.
func init() {
	if len(directory.NeedAreas) > 16 || len(directory.TargetGroups) > 16 || len(directory.LegalCircuits) > 8 ||
		len(directory.OfferCategories) > 63 || len(directory.OfferStatuses) > 63 || len(directory.Costs) > 63 {
		panic("readindex: a vocabulary outgrew its row mask")
	}
}

type rowFlags uint16

const (
	rowLive rowFlags = 1 << iota
	rowHasLoc
	rowChildcare
	rowFreePlaces // known and more than 0
	rowProfessional
	rowOrgProfessional
	rowConfidential
	rowHasAgeMin
	rowHasAgeMax
	rowLangOther
)

// code is 1 + the position of v in vocab, 0 when it is not there.
func code[T comparable](vocab []T, v T) uint8 {
	return uint8(slices.Index(vocab, v) + 1)
}

// codeMask sets bit code(v) for every v: what a list filter accepts.
func codeMask[T comparable](vocab, values []T) (m uint64, unknown bool) {
	for _, v := range values {
		c := code(vocab, v)
		if c == 0 {
			unknown = true
		}
		m |= 1 << c
	}
	return m, unknown
}

// langID returns the id of a language, assigning the next one (up to 127).
func (ix *index) langID(l string) (int, bool) {
	if id, ok := ix.langIDs[l]; ok {
		return id, true
	}
	if len(ix.langIDs) >= 127 {
		return 0, false
	}
	id := len(ix.langIDs)
	ix.langIDs[l] = id
	return id, true
}

// rowOf is the row of o, whose provider is PROFESSIONAL or not.
func (ix *index) rowOf(o *directory.Offer, orgProfessional bool) row {
	w := row{
		needs: uint16(mask(directory.NeedAreas, o.Needs)), groups: uint16(mask(directory.TargetGroups, o.TargetGroups)),
		circuits: uint8(mask(directory.LegalCircuits, o.LegalCircuits)),
		category: code(directory.OfferCategories, o.Category), status: code(directory.OfferStatuses, o.Status),
		cost: code(directory.Costs, o.Cost), flags: rowLive,
	}
	set := func(f rowFlags, on bool) {
		if on {
			w.flags |= f
		}
	}
	if o.Location != nil {
		w.lat, w.lon, w.cosLat = o.Location.Lat, o.Location.Lon, directory.LatCos(o.Location.Lat)
		set(rowHasLoc, true)
	}
	set(rowChildcare, o.Childcare)
	set(rowFreePlaces, o.FreePlaces != nil && *o.FreePlaces > 0)
	set(rowProfessional, o.Visibility == directory.VisibilityProfessional)
	set(rowOrgProfessional, orgProfessional)
	set(rowConfidential, o.ConfidentialAddress)
	if o.AgeMin != nil {
		w.ageMin = int16(clampAge(*o.AgeMin))
		set(rowHasAgeMin, true)
	}
	if o.AgeMax != nil {
		w.ageMax = int16(clampAge(*o.AgeMax))
		set(rowHasAgeMax, true)
	}
	for _, l := range o.Languages {
		if id, ok := ix.langID(l); ok {
			w.langs[id/64] |= 1 << (id % 64)
		} else {
			w.flags |= rowLangOther
		}
	}
	return w
}

// clampAge keeps an age range bound within int16 without changing any
// comparison with an age of 0–130 (the validated filter range).
func clampAge(a int) int { return max(-1000, min(1000, a)) }
