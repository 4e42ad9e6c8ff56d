package graph

import (
	"errors"
	"slices"
	"strings"

	"github.com/lotse-kim/lotse/internal/directory"
)

// Typed fields beside the deprecated string fields they replace (for one
// release): either one may be given; both are accepted only when they say
// the same, so a client half-way through switching is never silently
// overruled. field names the typed field as errors do ("filter.sinceDate").

// either is the value of a typed field, or of the deprecated string field
// it replaces when only that one is given.
func either(field, deprecated string, typed, old *string) (string, error) {
	if typed != nil && old != nil && *typed != *old {
		return "", bothGiven(field, deprecated)
	}
	if typed != nil {
		return *typed, nil
	}
	return deref(old), nil
}

// eitherList is either for list fields; nil is absent.
func eitherList(field, deprecated string, typed, old []string) ([]string, error) {
	if typed != nil && old != nil && !slices.Equal(typed, old) {
		return nil, bothGiven(field, deprecated)
	}
	if typed != nil {
		return typed, nil
	}
	return old, nil
}

func bothGiven(field, deprecated string) error {
	return &directory.ValidationError{Problems: []directory.FieldError{{Field: field,
		Message: "give this or the deprecated " + deprecated + ", not both with different values"}}}
}

// renamed names the typed field in the domain's validation errors, which
// know the deprecated name only: a client that sent languageCodes learns
// that languageCodes[1] is a duplicate, not languages[1].
func renamed(err error, from, to string) error {
	var ve *directory.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	out := &directory.ValidationError{Problems: slices.Clone(ve.Problems)}
	for i, p := range out.Problems {
		if rest, ok := strings.CutPrefix(p.Field, from); ok && (rest == "" || rest[0] == '[' || rest[0] == '.') {
			out.Problems[i].Field = to + rest
		}
	}
	return out
}

// languageCodesNamed names languageCodes in err unless the client gave the
// deprecated languages.
func languageCodesNamed(err error, deprecatedGiven bool) error {
	if deprecatedGiven {
		return err
	}
	return renamed(err, "languages", "languageCodes")
}
