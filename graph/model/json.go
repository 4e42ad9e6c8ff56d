package model

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/99designs/gqlgen/graphql"
)

// JSON is a JSON value carried as its encoding (json.RawMessage), written
// into the response as itself.
type JSON json.RawMessage

// MarshalGQL writes the value; an empty one is null.
func (j JSON) MarshalGQL(w io.Writer) {
	if len(j) == 0 {
		_, _ = io.WriteString(w, "null")
		return
	}
	_, _ = w.Write(j)
}

// UnmarshalGQL takes any input value and keeps its JSON encoding.
func (j *JSON) UnmarshalGQL(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("not a JSON value: %w", err)
	}
	*j = b
	return nil
}

var _ graphql.Marshaler = JSON{}
