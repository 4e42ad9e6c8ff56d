package directory

import (
	"strings"
	"testing"
)

func TestTextIsCountedInCharactersAndRefusesControls(t *testing.T) {
	for _, c := range []struct {
		text string
		ok   bool
	}{
		{strings.Repeat("ß", 5000), true}, // 10,000 bytes, 5,000 characters
		{strings.Repeat("ß", 5001), false},
		{"Zeile 1\nZeile 2\tmit Tab\r\n", true},
		{"AWO\x00Ohligs", false},
		{"rot\x1b[31m", false},
		{"C1 \u0085 control", false},
	} {
		p := NewProblems()
		p.optional("description", c.text, MaxTextLen)
		if (p.Len() == 0) != c.ok {
			t.Errorf("%q: problems %v, want ok=%v", c.text[:min(len(c.text), 20)], p.Err(), c.ok)
		}
	}
}

func TestDatesOutsideTheRangeAreRefused(t *testing.T) {
	for _, c := range []struct {
		date string
		ok   bool
	}{
		{"1900-01-01", true}, {"2100-12-31", true}, {"2026-12-01", true},
		{"1899-12-31", false}, {"2101-01-01", false}, {"0202-05-01", false}, {"9999-01-01", false}, {"2026-13-01", false},
	} {
		p := NewProblems()
		p.Date("recordedOn", c.date, true)
		if (p.Len() == 0) != c.ok {
			t.Errorf("%s: problems %v, want ok=%v", c.date, p.Err(), c.ok)
		}
	}
}

func TestSearchTextBounds(t *testing.T) {
	for _, c := range []struct {
		text string
		ok   bool
	}{
		{strings.TrimSpace(strings.Repeat("wort ", 20)), true},
		{strings.TrimSpace(strings.Repeat("wort ", 21)), false},
		{strings.Repeat("ä", 200), true},
		{strings.Repeat("ä", 201), false},
	} {
		p := NewProblems()
		p.SearchText("filter.text", c.text)
		if (p.Len() == 0) != c.ok {
			t.Errorf("%d characters: problems %v, want ok=%v", len([]rune(c.text)), p.Err(), c.ok)
		}
	}
}
