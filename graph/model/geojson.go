package model

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/99designs/gqlgen/graphql"

	"github.com/lotse-kim/lotse/internal/directory"
)

// MarshalGeoJSONGeometry writes a district boundary as the GeoJSON object
// itself, so that a map library can draw District.boundary as it comes.
func MarshalGeoJSONGeometry(b directory.Boundary) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		out, err := json.Marshal(b)
		if err != nil {
			out = []byte("null")
		}
		_, _ = w.Write(out)
	})
}

// UnmarshalGeoJSONGeometry reads a GeoJSON geometry given as a JSON object.
func UnmarshalGeoJSONGeometry(v any) (directory.Boundary, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return directory.Boundary{}, fmt.Errorf("a GeoJSON geometry must be a JSON object: %w", err)
	}
	var b directory.Boundary
	err = json.Unmarshal(raw, &b)
	return b, err
}
