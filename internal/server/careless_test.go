package server_test

import (
	"testing"

	"github.com/lotse-kim/lotse/internal/server"
)

func TestProductionRefusesWildcardOrigins(t *testing.T) {
	for _, o := range []string{"*", " * ", "https://*", "https://*.solingen.de", "*://dashboard.solingen.de"} {
		if err := (server.Config{Production: true, CORSOrigins: []string{"https://dashboard.solingen.de", o}}).Check(); err == nil {
			t.Errorf("production with origin %q accepted", o)
		}
	}
	if err := (server.Config{Production: true, CORSOrigins: []string{"https://dashboard.solingen.de"}}).Check(); err != nil {
		t.Errorf("named origin refused: %v", err)
	}
	if err := (server.Config{CORSOrigins: []string{"https://*"}}).Check(); err != nil {
		t.Errorf("a development server refused a pattern: %v", err)
	}
}
