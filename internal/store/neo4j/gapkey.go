package neo4j

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// gapKey is an offer property that holds, in one string, everything of the
// offer that the gap rules read (store.GapSupply, store.GapListing):
//
//	g2|whole|id|districtId|lat|lon|status|category|needs|languages|freePlaces|capacity|funding|childcare
//
// lists comma-separated, unknowns empty, whole "w" when the offer looks
// always full or unfunded (gap_base then brings it whole). gap_base collects
// one string per offer instead of a list of eleven properties: Dortmund's
// 9,027 offers in 5 instead of 42 ms. No field holds "|" or "," (ids,
// vocabulary and language codes are validated, numbers are numbers). An
// offer whose key is missing or of another version (written by another
// Lotse: `SET o = props` replaces it) is read field by field.
const (
	gapKeyVersion = "g2|"
	gapKeyWhole   = gapKeyVersion + "w|"
	gapKeyFields  = 14
)

// offerGapKey is the gapKey property of o.
func offerGapKey(o directory.Offer) string {
	whole, lat, lon := "", "", ""
	if gapWhole(o) {
		whole = "w"
	}
	if o.Location != nil {
		lat, lon = strconv.FormatFloat(o.Location.Lat, 'g', -1, 64), strconv.FormatFloat(o.Location.Lon, 'g', -1, 64)
	}
	return gapKeyVersion + strings.Join([]string{whole, o.ID, o.DistrictID, lat, lon, string(o.Status), string(o.Category),
		strings.Join(strings_(o.Needs), ","), strings.Join(o.Languages, ","), intText(o.FreePlaces), intText(o.Capacity),
		string(o.Funding), strconv.FormatBool(o.Childcare)}, "|")
}

// gapWhole says whether gap_base brings o whole: the same guess as its
// fallback for offers without a gapKey. Go still decides what is listed.
func gapWhole(o directory.Offer) bool {
	_, unfunded, _ := store.GapListing(o)
	return unfunded || o.Status == directory.StatusActive && o.FreePlaces != nil && *o.FreePlaces == 0
}

// decodeGapKey decodes the offer of gapKey k, with the fields the gap rules
// read.
func decodeGapKey(k string) (directory.Offer, error) {
	f := strings.Split(k, "|")
	if len(f) != gapKeyFields || f[0]+"|" != gapKeyVersion {
		return directory.Offer{}, fmt.Errorf("neo4j: gapKey %q: want %d fields, the first %q", k, gapKeyFields, gapKeyVersion)
	}
	o := directory.Offer{ID: f[2], DistrictID: f[3], Status: directory.OfferStatus(f[6]), Category: directory.OfferCategory(f[7]),
		Needs: codes[directory.NeedArea](f[8]), Languages: codes[string](f[9]), Funding: directory.Funding(f[12]),
		Childcare: f[13] == "true"}
	var err error
	if f[4] != "" {
		o.Location = &directory.GeoPoint{}
		if o.Location.Lat, err = strconv.ParseFloat(f[4], 64); err == nil {
			o.Location.Lon, err = strconv.ParseFloat(f[5], 64)
		}
	}
	if err == nil {
		o.FreePlaces, err = textInt(f[10])
	}
	if err == nil {
		o.Capacity, err = textInt(f[11])
	}
	if err != nil {
		return directory.Offer{}, fmt.Errorf("neo4j: gapKey %q: %w", k, err)
	}
	return o, nil
}

func gapBaseParams(m string) map[string]any {
	p := municipalityParam(m)
	p["gapKeyVersion"], p["gapKeyWhole"] = gapKeyVersion, gapKeyWhole
	p["batch"], p["wholeBatch"] = gapBaseBatch, gapBaseWholeBatch
	return p
}

// The most keys or rows, and whole offers, in one record of gap_base (about
// 120 and 150 kB); variables for a test.
var gapBaseBatch, gapBaseWholeBatch int64 = 1000, 250

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
