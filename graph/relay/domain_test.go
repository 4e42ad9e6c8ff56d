package relay_test

import (
	"testing"

	"github.com/lotse-kim/lotse/graph/relay"
	"github.com/lotse-kim/lotse/internal/directory"
)

// The domain types' GlobalID methods (which GraphQL reads without a
// resolver) encode exactly as Global does.
func TestDomainGlobalIDs(t *testing.T) {
	for _, id := range []string{"sg-off-0001", "ä ö/ü", ""} {
		for _, c := range []struct{ typ, got string }{
			{relay.TypeOffer, (&directory.Offer{ID: id}).GlobalID()},
			{relay.TypeOrganisation, (&directory.Organisation{ID: id}).GlobalID()},
			{relay.TypeDistrict, (&directory.District{ID: id}).GlobalID()},
		} {
			if want := relay.Global(c.typ, id); c.got != want {
				t.Errorf("%s %q: GlobalID %q, Global %q", c.typ, id, c.got, want)
			}
		}
	}
}
