package graph

// either is the value of a typed field, or of the deprecated string field
// it replaces when only that one is given.
func either(typed, deprecated *string) string {
	if typed != nil {
		return *typed
	}
	return deref(deprecated)
}
