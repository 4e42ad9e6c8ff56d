// Package storetest is the conformance suite every store.Store backend must
// pass (modelled on Dex's storage/conformance). A backend's test calls Run
// with a function that returns a fresh, empty store.
package storetest

import (
	"testing"

	"github.com/lotse-kim/lotse/internal/store"
)

// Test is one conformance test; it gets a fresh, empty store.
type Test struct {
	Name string
	Run  func(t *testing.T, s store.Store)
}

// Run runs every conformance test, each against a store from newStore.
func Run(t *testing.T, newStore func(t *testing.T) store.Store) {
	groups := [][]Test{directoryTests(), updateTests(), steeringTests(), accessTests(), raceTests(), referralTests(), privacyTests(), proposalTests(), changeLogTests(), pagingTests()}
	for _, g := range groups {
		for _, tc := range g {
			t.Run(tc.Name, func(t *testing.T) {
				s := newStore(t)
				tc.Run(t, s)
			})
		}
	}
}
