package neo4j

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// gapKey is an offer property that holds, in one string, the fields the gap
// rules read (store.GapSupply, store.GapListing) but its position:
//
//	status|category|needs|languages|freePlaces|capacity|funding|childcare|whole
//
// lists comma-separated, unknown numbers empty, whole "w" when the offer looks
// always full or unfunded (gap_base then brings it whole). Reading one
// property instead of eight is most of what a gap base costs Neo4j (Dortmund,
// 9,027 offers: 42 → 16 ms). Every field is a vocabulary code, a language
// code or a number, none of which holds "|" or ",". An offer without one
// (written by an older Lotse: `SET o = props` drops it) is read field by
// field.
const gapKeyFields = 9

// offerGapKey is the gapKey property of o.
func offerGapKey(o directory.Offer) string {
	whole := ""
	if gapWhole(o) {
		whole = "w"
	}
	return strings.Join([]string{string(o.Status), string(o.Category), strings.Join(strings_(o.Needs), ","),
		strings.Join(o.Languages, ","), intText(o.FreePlaces), intText(o.Capacity), string(o.Funding),
		strconv.FormatBool(o.Childcare), whole}, "|")
}

// gapWhole says whether gap_base brings o whole: the same guess as its
// fallback for offers without a gapKey. Go still decides what is listed.
func gapWhole(o directory.Offer) bool {
	_, unfunded, _ := store.GapListing(o)
	return unfunded || o.Status == directory.StatusActive && o.FreePlaces != nil && *o.FreePlaces == 0
}

// decodeGapKey sets the fields of gapKey k on o.
func decodeGapKey(k string, o *directory.Offer) error {
	f := strings.Split(k, "|")
	if len(f) != gapKeyFields {
		return fmt.Errorf("neo4j: offer %q: a gapKey of %d fields, want %d", o.ID, len(f), gapKeyFields)
	}
	o.Status, o.Category = directory.OfferStatus(f[0]), directory.OfferCategory(f[1])
	o.Needs = codes[directory.NeedArea](f[2])
	o.Languages = codes[string](f[3])
	var err error
	if o.FreePlaces, err = textInt(f[4]); err != nil {
		return fmt.Errorf("neo4j: offer %q: gapKey freePlaces: %w", o.ID, err)
	}
	if o.Capacity, err = textInt(f[5]); err != nil {
		return fmt.Errorf("neo4j: offer %q: gapKey capacity: %w", o.ID, err)
	}
	o.Funding, o.Childcare = directory.Funding(f[6]), f[7] == "true"
	return nil
}

func intText(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

func textInt(s string) (*int, error) {
	if s == "" {
		return nil, nil
	}
	n, err := strconv.Atoi(s)
	return &n, err
}

func codes[T ~string](s string) []T {
	if s == "" {
		return nil
	}
	parts := strings.Split(s, ",")
	out := make([]T, len(parts))
	for i, p := range parts {
		out[i] = T(p)
	}
	return out
}
