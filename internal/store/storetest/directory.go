package storetest

// Owned by the directory engineer: conformance tests of store.Directory.
func directoryTests() []Test { return nil }
