package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lotse-kim/lotse/internal/store"
	"github.com/lotse-kim/lotse/internal/store/neo4j"
)

// TestNeo4jOpenErrorsNameTheFlag: a Neo4j that cannot be opened is reported
// with the flag and environment variable to look at; an unreachable one stays
// store.ErrUnavailable (serve waits for it), refused credentials do not (serve
// used to wait for ever on a wrong password, saying "not reachable yet").
func TestNeo4jOpenErrorsNameTheFlag(t *testing.T) {
	// A port nobody listens on: bind one, then close it.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := ln.Addr().String()
	ln.Close()
	open := func(uri string) error {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		_, err := openNeo4j(ctx, &storeFlags{neo4jURI: uri, neo4jUser: "neo4j", neo4jDatabase: "neo4j", neo4jTimeout: time.Second})
		return err
	}
	for _, c := range []struct {
		name        string
		err         error
		want        string
		unavailable bool
	}{
		{"unknown scheme", open("http://" + closed), "--neo4j-uri (NEO4J_URI)", false},
		{"nobody listening", open("bolt://" + closed), "reachable at --neo4j-uri (NEO4J_URI)", true},
		{"refused credentials", explainNeo4j(&neo4j.AuthError{Username: "neo4j",
			Err: &driver.Neo4jError{Code: "Neo.ClientError.Security.Unauthorized"}}), "--neo4j-password (NEO4J_PASSWORD)", false},
		{"no such database", explainNeo4j(fmt.Errorf("schema: %w", &driver.Neo4jError{Code: "Neo.ClientError.Database.DatabaseNotFound"})),
			"--neo4j-database (NEO4J_DATABASE)", false},
	} {
		if c.err == nil || !strings.Contains(c.err.Error(), c.want) {
			t.Errorf("%s: %v, want a message naming %s", c.name, c.err, c.want)
		}
		if got := errors.Is(c.err, store.ErrUnavailable); got != c.unavailable {
			t.Errorf("%s: %v is unavailable = %v, want %v", c.name, c.err, got, c.unavailable)
		}
	}
	if err := explainNeo4j(errors.New("other")); err.Error() != "other" {
		t.Errorf("another error changed: %v", err)
	}
}
