package model

import (
	"fmt"
	"io"
	"strconv"

	"github.com/99designs/gqlgen/graphql"

	"github.com/lotse-kim/lotse/internal/directory"
)

// MarshalLanguageCode writes an ISO 639-1 code.
func MarshalLanguageCode(s string) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(s)) })
}

// UnmarshalLanguageCode reads a current ISO 639-1 code.
func UnmarshalLanguageCode(v any) (string, error) {
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("a LanguageCode is a string, not %T", v)
	}
	if !directory.ValidLanguage(s) {
		return "", fmt.Errorf("%q is not an ISO 639-1 code", s)
	}
	return s, nil
}
