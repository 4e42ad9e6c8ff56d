package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/lotse-kim/lotse/internal/directory"
)

// FuzzImportParse feeds random bytes to what lotse import does before it
// touches a store: readSnapshot, then Snapshot.Validate. Neither may panic,
// and a document that reads must validate the same way twice.
func FuzzImportParse(f *testing.F) {
	small := directory.Snapshot{
		Format:    directory.SnapshotFormat,
		Districts: []directory.District{{ID: "sg-mitte", Name: "Mitte", Municipality: "Solingen", Population: 50000}},
		Organisations: []directory.Organisation{
			{ID: "org-a", Name: "AWO Solingen", Kind: directory.KindWelfareAssociation, DistrictID: "sg-mitte"},
			{ID: "org-b", Name: "Elterncafé", Kind: directory.KindMigrantOrganisation},
		},
		Offers: []directory.Offer{{ID: "off-1", ProviderID: "org-a", Title: "Sprachcafé", Category: directory.CategoryLanguageCourse,
			Needs: []directory.NeedArea{"LANGUAGE"}, Languages: []string{"de", "ar"}, Cost: "FREE", Funding: "FUNDED", Status: "ACTIVE"}},
		Cooperations: []directory.Cooperation{{A: "org-a", B: "org-b", Since: "2024-03-01"}},
	}
	b, _ := json.Marshal(small)
	f.Add(b)
	f.Add([]byte(`{"format":"lotse.directory/v1","offers":[{"id":"x","ageMin":-1,"location":{"lat":1e999}}]}`))
	f.Add([]byte(`{"districts":[{"id":""}],"cooperations":[{"a":"x","b":"x"}],"unmetNeeds":[{"recordedOn":"2024-13-45"}]}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`{"unknown": 1}`))
	f.Add([]byte("\xff\xfe{"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "doc.json")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		snap, err := readSnapshot(path, false)
		if err != nil {
			return
		}
		err1, err2 := snap.Validate(), snap.Validate()
		if (err1 == nil) != (err2 == nil) || (err1 != nil && err1.Error() != err2.Error()) {
			t.Fatalf("Validate is not deterministic: %v, then %v", err1, err2)
		}
	})
}
