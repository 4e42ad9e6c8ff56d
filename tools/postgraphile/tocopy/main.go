// Command tocopy turns a Lotse directory document (lotse export, lotse gen)
// into PostgreSQL COPY text for schema.sql: districts.tsv,
// organisations.tsv, offers.tsv in the directory given by -out. It keeps
// what an anonymous Lotse reader sees (PUBLIC organisations and their
// PUBLIC offers), so that both servers answer the same question.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/lotse-kim/lotse/internal/directory"
)

func main() {
	in := flag.String("in", "", "the directory document (JSON)")
	out := flag.String("out", ".", "where to write the .tsv files")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "tocopy:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	snap, err := directory.DecodeSnapshot(bufio.NewReaderSize(f, 1<<20))
	if err != nil {
		return err
	}
	hidden := map[string]bool{}
	var orgs, offers [][]string
	for _, o := range snap.Organisations {
		if o.Visibility == directory.VisibilityProfessional {
			hidden[o.ID] = true
			continue
		}
		orgs = append(orgs, []string{o.ID, o.Name, string(o.Kind), o.Municipality, null(o.DistrictID)})
	}
	for _, o := range snap.Offers {
		if hidden[o.ProviderID] || o.Visibility == directory.VisibilityProfessional {
			continue
		}
		offers = append(offers, []string{o.ID, o.ProviderID, o.Title, o.Description, string(o.Category), string(o.Status), null(o.DistrictID)})
	}
	var districts [][]string
	for _, d := range snap.Districts {
		districts = append(districts, []string{d.ID, d.Name, d.Municipality})
	}
	for name, rows := range map[string][][]string{"districts": districts, "organisations": orgs, "offers": offers} {
		if err := write(filepath.Join(out, name+".tsv"), rows); err != nil {
			return err
		}
	}
	fmt.Printf("%d districts, %d organisations, %d offers\n", len(districts), len(orgs), len(offers))
	return nil
}

// null is COPY's NULL for an empty reference.
func null(s string) string {
	if s == "" {
		return `\N`
	}
	return s
}

// copyEscape escapes a value for COPY's text format.
var copyEscape = strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`)

func write(path string, rows [][]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for _, r := range rows {
		for i, v := range r {
			if i > 0 {
				w.WriteByte('\t')
			}
			if v != `\N` {
				v = copyEscape.Replace(v)
			}
			w.WriteString(v)
		}
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
