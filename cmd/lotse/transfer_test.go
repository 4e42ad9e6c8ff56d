package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lotse-kim/lotse/internal/demo"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store/sqlite"
)

func run(t *testing.T, args ...string) error {
	t.Helper()
	root := newRoot()
	root.SetArgs(args)
	return root.ExecuteContext(t.Context())
}

// Export → import into a fresh store → export gives identical output,
// with a PROFESSIONAL organisation and a cooperation proposal on board.
func TestExportImportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "demo.json")
	f, err := os.Create(src)
	if err != nil {
		t.Fatal(err)
	}
	doc := demo.Demo()
	doc.Organisations[1].Visibility = directory.VisibilityProfessional
	proposal := uncooperatingPair(doc)
	doc.CooperationProposals = []directory.CooperationProposal{proposal}
	if err := json.NewEncoder(f).Encode(doc); err != nil {
		t.Fatal(err)
	}
	f.Close()

	a, b := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	exA, exB := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")
	for _, args := range [][]string{
		{"import", "-q", "--data", a, src},
		{"export", "--data", a, "--out", exA},
		{"import", "-q", "--data", b, exA},
		{"export", "--data", b, "--out", exB},
	} {
		if err := run(t, args...); err != nil {
			t.Fatalf("lotse %s: %v", strings.Join(args, " "), err)
		}
	}
	one, _ := os.ReadFile(exA)
	two, _ := os.ReadFile(exB)
	if len(one) < 100_000 {
		t.Fatalf("export is only %d bytes", len(one))
	}
	if !bytes.Equal(one, two) {
		t.Fatal("second export differs from the first")
	}
	var back directory.Snapshot
	if err := json.Unmarshal(two, &back); err != nil {
		t.Fatal(err)
	}
	if len(back.CooperationProposals) != 1 || back.CooperationProposals[0].ProposedBy != proposal.ProposedBy ||
		back.CooperationProposals[0].Normalized().A != proposal.Normalized().A || back.CooperationProposals[0].Normalized().B != proposal.Normalized().B {
		t.Errorf("proposals after the round trip: %+v, want %+v", back.CooperationProposals, proposal)
	}
	for _, o := range back.Organisations {
		if o.ID == doc.Organisations[1].ID && o.Visibility != directory.VisibilityProfessional {
			t.Errorf("%s lost its visibility: %+v", o.ID, o)
		}
	}
}

// uncooperatingPair proposes a cooperation between two organisations of
// doc that do not cooperate.
func uncooperatingPair(doc directory.Snapshot) directory.CooperationProposal {
	taken := map[[2]string]bool{}
	for _, c := range doc.Cooperations {
		n := c.Normalized()
		taken[[2]string{n.A, n.B}] = true
	}
	for _, a := range doc.Organisations {
		for _, b := range doc.Organisations {
			n := directory.Cooperation{A: a.ID, B: b.ID}.Normalized()
			if a.ID != b.ID && !taken[[2]string{n.A, n.B}] {
				return directory.CooperationProposal{Cooperation: directory.Cooperation{A: a.ID, B: b.ID, Topics: []string{"Sprache"}}, ProposedBy: b.ID}
			}
		}
	}
	panic("every pair cooperates")
}

// A bad record anywhere means nothing is written, and every bad record is named.
func TestImportRejectsBadDocumentWhole(t *testing.T) {
	dir := t.TempDir()
	snap := demo.Demo()
	snap.Offers[17].Languages[0] = "xx"
	snap.Organisations[3].Kind = "BAKERY"
	src := filepath.Join(dir, "bad.json")
	data, _ := json.Marshal(snap)
	os.WriteFile(src, data, 0o644)

	db := filepath.Join(dir, "x.db")
	stderr := captureStderr(t, func() {
		err := run(t, "import", "-q", "--data", db, src)
		if err == nil || !strings.Contains(err.Error(), "nothing was written") {
			t.Errorf("import error = %v", err)
		}
	})
	for _, want := range []string{`offers[17].languages[0]: "xx" is not an ISO 639-1 code`, `organisations[3].kind: "BAKERY"`} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	st, err := sqlite.Open(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	c, _ := st.Counts(t.Context())
	if !c.Empty() {
		t.Errorf("store not empty after a refused import: %+v", c)
	}
}

func captureStderr(t *testing.T, fn func()) string {
	t.Helper()
	r, w, _ := os.Pipe()
	old := os.Stderr
	os.Stderr = w
	done := make(chan string)
	go func() {
		var b bytes.Buffer
		b.ReadFrom(r)
		done <- b.String()
	}()
	fn()
	w.Close()
	os.Stderr = old
	return <-done
}
