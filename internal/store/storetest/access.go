package storetest

// Owned by the steering/access engineer: conformance tests of store.Access.
func accessTests() []Test { return nil }
