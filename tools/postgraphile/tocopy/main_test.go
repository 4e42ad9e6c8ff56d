package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lotse-kim/lotse/internal/directory"
)

// The COPY files hold what an anonymous reader sees, escaped for COPY's text format.
func TestCopyFiles(t *testing.T) {
	dir := t.TempDir()
	snap := directory.Snapshot{Format: directory.SnapshotFormat,
		Districts: []directory.District{{ID: "d1", Name: "Mitte", Municipality: "Solingen"}},
		Organisations: []directory.Organisation{{ID: "o1", Name: "Verein\tA", Kind: directory.KindOther},
			{ID: "o2", Name: "Geheim", Kind: directory.KindOther, Visibility: directory.VisibilityProfessional}},
		Offers: []directory.Offer{{ID: "f1", ProviderID: "o1", Title: `Kurs \ 1`, Description: "zwei\nZeilen", Category: directory.CategoryOther, DistrictID: "d1"},
			{ID: "f2", ProviderID: "o2", Title: "vom geheimen Verein"},
			{ID: "f3", ProviderID: "o1", Title: "nur für Fachleute", Visibility: directory.VisibilityProfessional}},
	}
	in := filepath.Join(dir, "snap.json")
	b, _ := json.Marshal(snap)
	os.WriteFile(in, b, 0o644)
	if err := run(in, dir); err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if got, want := read("organisations.tsv"), "o1\tVerein\\tA\tOTHER\t\t\\N\n"; got != want {
		t.Errorf("organisations.tsv = %q, want %q", got, want)
	}
	offers := read("offers.tsv")
	if want := "f1\to1\tKurs \\\\ 1\tzwei\\nZeilen\tOTHER\t\td1\n"; offers != want {
		t.Errorf("offers.tsv = %q, want %q", offers, want)
	}
	if strings.Contains(offers, "f2") || strings.Contains(offers, "f3") {
		t.Error("a PROFESSIONAL offer or one of a PROFESSIONAL organisation was written")
	}
}
