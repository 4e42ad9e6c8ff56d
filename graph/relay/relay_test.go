package relay

import (
	"encoding/json"
	"testing"
)

func TestGlobalRoundTrip(t *testing.T) {
	for _, c := range []struct{ typ, local string }{
		{TypeOffer, "sg-off-0001"}, {TypeOrganisation, "org:with:colons"}, {TypeDistrict, "sg-ohligs"},
		{TypeAuditEntry, "aud-x"}, {TypeReferral, "ref-1"},
	} {
		g := Global(c.typ, c.local)
		typ, local, ok := Parse(g)
		if !ok || typ != c.typ || local != c.local {
			t.Errorf("Parse(Global(%q, %q)) = %q, %q, %v", c.typ, c.local, typ, local, ok)
		}
		if got, _ := UnmarshalID(g); got != c.local {
			t.Errorf("UnmarshalID(%q) = %q, want %q", g, got, c.local)
		}
	}
	if g := Global(TypeOffer, "sg-off-0001"); g != "T2ZmZXI6c2ctb2ZmLTAwMDE" {
		t.Errorf("Global = %q: the format changed, and with it every id clients stored", g)
	}
}

func TestOldIdsPassThrough(t *testing.T) {
	for _, id := range []string{"sg-off-0001", "sg-ohligs", "org-abc", "x", "V2hhdGV2ZXI6eA", "Offer:x", ""} {
		if _, _, ok := Parse(id); ok {
			t.Errorf("Parse(%q) took an old id for a global one", id)
		}
		if got, err := UnmarshalID(id); err != nil || got != id {
			t.Errorf("UnmarshalID(%q) = %q, %v", id, got, err)
		}
	}
	if got, _ := UnmarshalID(json.Number("42")); got != "42" {
		t.Errorf("numeric id: %q", got)
	}
	if _, err := UnmarshalID(true); err == nil {
		t.Error("a boolean is no ID")
	}
	// Padded standard base64, as some clients re-encode, is read too.
	if typ, local, ok := Parse("T2ZmZXI6c2ctb2ZmLTAwMDE="); !ok || typ != TypeOffer || local != "sg-off-0001" {
		t.Errorf("padded: %q %q %v", typ, local, ok)
	}
}
