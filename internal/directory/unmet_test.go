package directory

import (
	"errors"
	"reflect"
	"testing"
)

// ValidateUnmetNeeds names problems by field for one need and by index for
// several, and refuses an id given twice.
func TestValidateUnmetNeeds(t *testing.T) {
	u := func(id string, need NeedArea, lang, on string) UnmetNeed {
		return UnmetNeed{ID: id, Need: need, DistrictID: "sg-mitte", Language: lang, RecordedOn: on}
	}
	fields := func(err error) []string {
		var ve *ValidationError
		if !errors.As(err, &ve) {
			return nil
		}
		var fs []string
		for _, p := range ve.Problems {
			fs = append(fs, p.Field)
		}
		return fs
	}
	for _, c := range []struct {
		name string
		us   []UnmetNeed
		want []string
	}{
		{"valid batch", []UnmetNeed{u("u1", NeedLanguage, "ar", "2025-01-02"), u("u2", NeedLanguage, "", "2025-01-02")}, nil},
		{"bad need in a batch", []UnmetNeed{u("u2", NeedLanguage, "ar", "2025-01-02"), u("u3", NeedLanguage, "", "2025-01-02"),
			u("u4", "HAPPINESS", "", "2025-01-02")}, []string{"[2].need"}},
		{"one bad need", []UnmetNeed{u("u5", NeedLanguage, "klingon", "2025/01/02")}, []string{"language", "recordedOn"}},
		{"id twice", []UnmetNeed{u("u6", NeedLanguage, "", "2025-01-02"), u("u6", NeedLanguage, "", "2025-01-02")}, []string{"[1].id"}},
	} {
		if got := fields(ValidateUnmetNeeds(c.us)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: problems on %v, want %v", c.name, got, c.want)
		}
	}
}
