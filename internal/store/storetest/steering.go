package storetest

// Owned by the steering/access engineer: conformance tests of store.Steering.
func steeringTests() []Test { return nil }
