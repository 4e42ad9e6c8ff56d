// Package relay holds Lotse's global object ids (Relay's Node interface):
// base64url("<Type>:<id>") of an object's type and its id within the type,
// e.g. Offer sg-off-0001 → "T2ZmZXI6c2ctb2ZmLTAwMDE".
//
// Every ID argument accepts a global id and the old id within the type
// alike: the ID scalar's Unmarshal turns a global id of a known type into
// the id within the type, so resolvers and the service only ever see those.
package relay

import (
	"encoding/base64"
	"fmt"
	"strings"

	"github.com/99designs/gqlgen/graphql"
)

// The types that implement Node, by their GraphQL names.
const (
	TypeOrganisation = "Organisation"
	TypeOffer        = "Offer"
	TypeDistrict     = "District"
	TypeReferral     = "Referral"
	TypeAuditEntry   = "AuditEntry"
)

var known = map[string]bool{TypeOrganisation: true, TypeOffer: true, TypeDistrict: true, TypeReferral: true, TypeAuditEntry: true}

// Known says whether typ is a type with global ids.
func Known(typ string) bool { return known[typ] }

// Global is the global id of the object of type typ with id local.
func Global(typ, local string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(typ + ":" + local))
}

// Parse splits a global id into type and local id. ok is false for
// anything else, an old local id included.
func Parse(id string) (typ, local string, ok bool) {
	b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(id, "="))
	if err != nil {
		if b, err = base64.StdEncoding.DecodeString(id); err != nil { // padded, as some clients re-encode
			return "", "", false
		}
	}
	typ, local, found := strings.Cut(string(b), ":")
	if !found || !known[typ] || local == "" {
		return "", "", false
	}
	return typ, local, true
}

// Local is the id within its type of a global or local id.
func Local(id string) string {
	if _, local, ok := Parse(id); ok {
		return local
	}
	return id
}

// Globals maps local ids of one type to global ids.
func Globals(typ string, locals []string) []string {
	out := make([]string, len(locals))
	for i, l := range locals {
		out[i] = Global(typ, l)
	}
	return out
}

// MarshalID writes an ID as a JSON string (what the resolvers return is
// already global where it has to be).
func MarshalID(s string) graphql.Marshaler {
	return graphql.MarshalString(s)
}

// UnmarshalID reads an ID argument: a global id becomes the id within its
// type, any other string (an old id) stays as it is; integers are accepted
// as the GraphQL ID scalar requires.
func UnmarshalID(v any) (string, error) {
	switch v := v.(type) {
	case string:
		return Local(v), nil
	case int, int64, int32:
		return fmt.Sprint(v), nil
	case interface{ String() string }: // json.Number
		return v.String(), nil
	default:
		return "", fmt.Errorf("%T is not an ID", v)
	}
}

// Node is what node(id:) returns: one of the bound model types of the Node
// implementations (*directory.Organisation, *directory.Offer, …).
type Node interface{}
