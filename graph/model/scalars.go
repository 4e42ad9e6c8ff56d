package model

// ScalarChecks are the input checks of Lotse's own scalars, by GraphQL
// name, for the server's preflight: it runs them on every input value
// before execution, so that a bad value is refused as BAD_USER_INPUT
// naming its field (gqlgen reports an Unmarshal error as an untyped
// error instead).
var ScalarChecks = map[string]func(any) error{
	"Date":         func(v any) error { _, err := UnmarshalDate(v); return err },
	"LanguageCode": func(v any) error { _, err := UnmarshalLanguageCode(v); return err },
	"Time":         func(v any) error { _, err := UnmarshalTime(v); return err },
}
