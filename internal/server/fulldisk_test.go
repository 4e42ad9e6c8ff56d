package server_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/server"
	"github.com/lotse-kim/lotse/internal/service"
	"github.com/lotse-kim/lotse/internal/store/sqlite"
)

// smallDisk mounts a tmpfs of size bytes for the test (root only; the test
// skips where it cannot mount).
func smallDisk(t *testing.T, size int64) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+jsonInt64(size), "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small file system (needs root): %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir
}

func jsonInt64(n int64) string { b, _ := json.Marshal(n); return string(b) }

// fill writes to path until the file system is full.
func fill(t *testing.T, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	buf := make([]byte, 64<<10)
	for {
		if _, err := f.Write(buf); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatalf("fill: %v", err)
			}
			break
		}
	}
	for n := 4096; n > 0; n /= 2 { // the last blocks
		for {
			if _, err := f.Write(buf[:n]); err != nil {
				break
			}
		}
	}
}

// On a full disk writes answer UNAVAILABLE "storage is full" and lose
// nothing, reads go on, /readyz says so, a restart works when no migration
// is pending, and writes work again once space is freed — no restart.
func TestFullDisk(t *testing.T) {
	ctx := context.Background()
	tmpl := demoDatabase(t)
	fi, err := os.Stat(tmpl)
	if err != nil {
		t.Fatal(err)
	}
	dir := smallDisk(t, fi.Size()+8<<20)
	db := filepath.Join(dir, "lotse.db")
	copyFile(t, tmpl, db)
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	secret := access.NewSecret()
	if err := st.CreateToken(ctx, access.Token{ID: "tok-admin", Name: "admin", Role: access.RoleAdmin,
		Hash: access.HashSecret(secret), CreatedAt: time.Now().UTC()}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(server.New(server.Config{CORSOrigins: []string{"*"}}, service.New(st)))
	e := &env{t: t, url: srv.URL, snap: demoSnapshot(), tokens: map[access.Role]string{access.RoleAdmin: secret}}
	offer := e.snap.Offers[0].ID
	const update = `mutation($id: ID!, $d: String) { updateOffer(id: $id, input: {description: $d}) { description } }`
	const read = `query($id: ID!) { offer(id: $id) { description } }`
	var before struct{ Offer struct{ Description string } }
	e.ok(access.RolePublic, read, map[string]any{"id": offer}, &before)

	filler := filepath.Join(dir, "filler")
	fill(t, filler)
	refused := false
	for i := 0; i < 200 && !refused; i++ { // the WAL may hold a few writes yet
		r := e.do(access.RoleAdmin, update, map[string]any{"id": offer, "d": strings.Repeat(string(rune('a'+i%26)), 4900)})
		switch got := codes(r); {
		case len(got) == 0:
			var ok struct{ UpdateOffer struct{ Description string } }
			json.Unmarshal(r.Data, &ok)
			before.Offer.Description = ok.UpdateOffer.Description
		case len(got) == 1 && got[0] == "UNAVAILABLE" && strings.Contains(r.Errors[0].Message, "storage is full"):
			refused = true
		default:
			t.Fatalf("write on a full disk: %+v", r.Errors)
		}
	}
	if !refused {
		t.Fatal("200 writes on a full disk all succeeded")
	}
	var during struct{ Offer struct{ Description string } }
	e.ok(access.RolePublic, read, map[string]any{"id": offer}, &during)
	if during.Offer.Description != before.Offer.Description {
		t.Error("the refused write changed the offer")
	}
	readyz := func(q string) (int, map[string]string) {
		res, err := http.Get(e.url + "/readyz" + q)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var m map[string]string
		json.NewDecoder(res.Body).Decode(&m)
		return res.StatusCode, m
	}
	if code, m := readyz(""); code != http.StatusOK || m["writes"] != "failing: storage full" {
		t.Errorf("/readyz on a full disk: %d %v", code, m)
	}
	if code, _ := readyz("?writes=1"); code != http.StatusServiceUnavailable {
		t.Errorf("/readyz?writes=1 on a full disk: %d, want 503", code)
	}

	// A restart on the full disk: no migration is pending, so it opens and reads.
	srv.Close()
	st.Close()
	st, err = sqlite.Open(ctx, db)
	if err != nil {
		t.Fatalf("restart on a full disk: %v", err)
	}
	defer st.Close()
	srv = httptest.NewServer(server.New(server.Config{CORSOrigins: []string{"*"}}, service.New(st)))
	defer srv.Close()
	e.url = srv.URL
	e.ok(access.RolePublic, read, map[string]any{"id": offer}, &during)

	// Space freed: writes work again without a restart.
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	e.ok(access.RoleAdmin, update, map[string]any{"id": offer, "d": "wieder frei"}, nil)
	if code, m := readyz("?writes=1"); code != http.StatusOK || m["status"] != "ready" {
		t.Errorf("/readyz after freeing space: %d %v", code, m)
	}
}
