package server_test

import (
	"compress/gzip"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/lotse-kim/lotse/internal/server"
	"github.com/lotse-kim/lotse/web"
)

func get(t *testing.T, url string, header ...string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	// Without Accept-Encoding of our own, the client would unzip silently.
	tr := &http.Transport{DisableCompression: true}
	res, err := (&http.Client{Transport: tr}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var r io.Reader = res.Body
	if res.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(res.Body)
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(b)
}

var testWeb = fstest.MapFS{
	"index.html":              {Data: []byte("<!doctype html><html lang=\"de\"><head><title>Lotse</title></head><body><script type=\"module\" src=\"/assets/index-abc123.js\"></script></body></html>")},
	"assets/index-abc123.js":  {Data: []byte(strings.Repeat("console.log('lotse');\n", 100))},
	"assets/index-abc123.css": {Data: []byte("body{color:#1b1b1b}")},
	"favicon.svg":             {Data: []byte("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>")},
}

func TestWebServesFilesAndClientRoutes(t *testing.T) {
	e := newEnvWith(t, server.Config{CORSOrigins: []string{"*"}, GraphiQL: true, Web: testWeb})
	for _, tc := range []struct {
		path, ctype, cache string
		status             int
		body               string
	}{
		{"/", "text/html; charset=utf-8", "no-cache", 200, "<title>Lotse</title>"},
		{"/angebote/sg-off-0001", "text/html; charset=utf-8", "no-cache", 200, "<title>Lotse</title>"},
		{"/beratung?x=1", "text/html; charset=utf-8", "no-cache", 200, "<title>Lotse</title>"},
		{"/graphiql", "text/html; charset=utf-8", "no-cache", 200, "<title>Lotse</title>"},
		{"/assets/index-abc123.js", "text/javascript; charset=utf-8", "public, max-age=31536000, immutable", 200, "console.log"},
		{"/assets/index-abc123.css", "text/css; charset=utf-8", "public, max-age=31536000, immutable", 200, "color:#1b1b1b"},
		{"/favicon.svg", "image/svg+xml", "public, max-age=3600", 200, "<svg"},
		{"/assets/index-gone.js", "", "", 404, ""},
		{"/robots.txt", "", "", 404, ""},
		{"/../../etc/passwd", "text/html; charset=utf-8", "no-cache", 200, "<title>Lotse</title>"},
	} {
		res, body := get(t, e.url+tc.path)
		if res.StatusCode != tc.status {
			t.Errorf("GET %s = %d, want %d", tc.path, res.StatusCode, tc.status)
			continue
		}
		if tc.status != 200 {
			continue
		}
		if got := res.Header.Get("Content-Type"); got != tc.ctype {
			t.Errorf("GET %s Content-Type = %q, want %q", tc.path, got, tc.ctype)
		}
		if got := res.Header.Get("Cache-Control"); got != tc.cache {
			t.Errorf("GET %s Cache-Control = %q, want %q", tc.path, got, tc.cache)
		}
		if !strings.Contains(body, tc.body) {
			t.Errorf("GET %s body %.80q lacks %q", tc.path, body, tc.body)
		}
		csp := res.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self';") || strings.Contains(csp, "http") || !strings.Contains(csp, "connect-src 'self'") {
			t.Errorf("GET %s CSP %q allows another host or no own scripts", tc.path, csp)
		}
	}
	// The API keeps its own answers.
	if res, body := get(t, e.url+"/healthz"); res.StatusCode != 200 || !strings.Contains(body, "ok") {
		t.Errorf("/healthz = %d %s", res.StatusCode, body)
	}
}

func TestWebGzipAndRevalidation(t *testing.T) {
	e := newEnvWith(t, server.Config{CORSOrigins: []string{"*"}, Web: testWeb})
	plain, body := get(t, e.url+"/assets/index-abc123.js")
	zipped, zbody := get(t, e.url+"/assets/index-abc123.js", "Accept-Encoding", "gzip, br")
	if plain.Header.Get("Content-Encoding") != "" || zipped.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("Content-Encoding plain %q, with gzip %q", plain.Header.Get("Content-Encoding"), zipped.Header.Get("Content-Encoding"))
	}
	if body != zbody {
		t.Error("the gzip answer unpacks to other bytes")
	}
	if zipped.ContentLength >= plain.ContentLength || zipped.Header.Get("Vary") != "Accept-Encoding" {
		t.Errorf("gzip %d bytes vs %d plain, Vary %q", zipped.ContentLength, plain.ContentLength, zipped.Header.Get("Vary"))
	}
	if q0, _ := get(t, e.url+"/assets/index-abc123.js", "Accept-Encoding", "gzip;q=0"); q0.Header.Get("Content-Encoding") != "" {
		t.Error("gzip;q=0 still got gzip")
	}
	etag := plain.Header.Get("ETag")
	if etag == "" || etag == zipped.Header.Get("ETag") {
		t.Fatalf("ETags plain %q gzip %q must exist and differ", etag, zipped.Header.Get("ETag"))
	}
	if res, _ := get(t, e.url+"/assets/index-abc123.js", "If-None-Match", etag); res.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match = %d, want 304", res.StatusCode)
	}
}

func TestWebWithoutGraphiQL(t *testing.T) {
	e := newEnvWith(t, server.Config{Production: true, CORSOrigins: []string{"https://x.example.org"}, GraphiQL: true, Web: testWeb})
	if res, _ := get(t, e.url+"/graphiql"); res.StatusCode != http.StatusNotFound {
		t.Errorf("/graphiql in production = %d, want 404", res.StatusCode)
	}
	res, body := get(t, e.url+"/")
	if res.StatusCode != 200 || !strings.Contains(body, `<meta name="lotse-graphiql" content="off">`) {
		t.Errorf("/ in production = %d, page tells it no GraphiQL: %v", res.StatusCode, strings.Contains(body, "lotse-graphiql"))
	}
}

// The embedded build is complete: every file index.html loads is served,
// from Lotse itself.
func TestWebEmbeddedBuild(t *testing.T) {
	e := newEnvWith(t, server.Config{CORSOrigins: []string{"*"}, GraphiQL: true})
	res, body := get(t, e.url+"/")
	if res.StatusCode != 200 || !strings.Contains(body, `lang="de"`) {
		t.Fatalf("/ = %d: %.200s", res.StatusCode, body)
	}
	refs := regexp.MustCompile(`(?:src|href)="([^"]+)"`).FindAllStringSubmatch(body, -1)
	if len(refs) < 2 {
		t.Fatalf("index.html loads %d files, want a script and a style at least", len(refs))
	}
	for _, m := range refs {
		if !strings.HasPrefix(m[1], "/") || strings.HasPrefix(m[1], "//") {
			t.Errorf("index.html loads %q from elsewhere", m[1])
			continue
		}
		if r, _ := get(t, e.url+m[1]); r.StatusCode != 200 {
			t.Errorf("GET %s = %d", m[1], r.StatusCode)
		}
	}
	if _, err := web.Dist().Open("index.html"); err != nil {
		t.Fatal(err)
	}
}
