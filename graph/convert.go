package graph

import (
	"github.com/lotse-kim/lotse/graph/model"
	"github.com/lotse-kim/lotse/internal/directory"
)

// Small mapping helpers every resolver file uses; the conversions of one
// schema file live beside its resolvers (schema_convert.go, matching_convert.go,
// steering_convert.go).

func optString[T ~string](s T) *T {
	if s == "" {
		return nil
	}
	return &s
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

func setIf[T any](dst *T, src *T) {
	if src != nil {
		*dst = *src
	}
}

func setList[T any](dst *[]T, src []T) {
	if src != nil {
		*dst = src
	}
}

func geo(p *model.GeoPointInput) *directory.GeoPoint {
	if p == nil {
		return nil
	}
	return &directory.GeoPoint{Lat: p.Lat, Lon: p.Lon}
}

// nonNil turns a nil list into an empty one: the schema's lists are non-null.
func nonNil[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}
