package store

import (
	"fmt"
	"io/fs"
	"regexp"
	"sort"
)

// What the statement registries of both backends share: each embeds one
// file per statement and knows, per statement, the parameters it uses.

// MustReadStatement returns the text of the statement file at path; a
// missing file is a programming error and panics at start-up.
func MustReadStatement(fsys fs.FS, path string) string {
	b, err := fs.ReadFile(fsys, path)
	if err != nil {
		panic(fmt.Sprintf("statement %s: %v", path, err))
	}
	return string(b)
}

// ParamNames returns, sorted and once each, the names that param's first
// group finds in text after strip has removed comments (and literals).
func ParamNames(text string, param, strip *regexp.Regexp) []string {
	seen := map[string]bool{}
	for _, m := range param.FindAllStringSubmatch(strip.ReplaceAllString(text, ""), -1) {
		seen[m[1]] = true
	}
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}
