package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"
)

// cspWeb is the policy of the front end's pages: everything from Lotse
// itself, nothing from any other host. Styles may be inline because
// Leaflet and GraphiQL position elements with style attributes.
const cspWeb = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
	"font-src 'self' data:; connect-src 'self'; manifest-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

// Content types by extension, fixed here so that they do not depend on the
// host's mime.types.
var webTypes = map[string]string{
	".html":  "text/html; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".mjs":   "text/javascript; charset=utf-8",
	".css":   "text/css; charset=utf-8",
	".svg":   "image/svg+xml",
	".png":   "image/png",
	".json":  "application/json",
	".woff2": "font/woff2",
	".woff":  "font/woff",
	".ttf":   "font/ttf",
	".txt":   "text/plain; charset=utf-8",
	".ico":   "image/x-icon",
	".map":   "application/json",
	".webp":  "image/webp",
}

// webFile is one built file, with its gzip form when that is smaller.
type webFile struct {
	body, gz []byte
	ctype    string
	etag     string
}

// webApp serves the embedded front end: its files under their names, and
// index.html for every other path (the client-side routes), so that a
// bookmarked /angebote/… works.
type webApp struct {
	fsys     fs.FS
	graphiQL bool
	mu       sync.Mutex
	files    map[string]*webFile
}

func newWebApp(fsys fs.FS, graphiQL bool) *webApp {
	return &webApp{fsys: fsys, graphiQL: graphiQL, files: map[string]*webFile{}}
}

// file reads and compresses a built file once.
func (a *webApp) file(name string) *webFile {
	a.mu.Lock()
	defer a.mu.Unlock()
	if f, ok := a.files[name]; ok {
		return f
	}
	body, err := fs.ReadFile(a.fsys, name)
	if err != nil {
		a.files[name] = nil
		return nil
	}
	if name == "index.html" && !a.graphiQL {
		// The pages hide their GraphiQL link when the server serves none.
		body = bytes.Replace(body, []byte("<head>"), []byte(`<head><meta name="lotse-graphiql" content="off">`), 1)
	}
	ctype, ok := webTypes[path.Ext(name)]
	if !ok {
		ctype = "application/octet-stream"
	}
	sum := sha256.Sum256(body)
	f := &webFile{body: body, ctype: ctype, etag: `"` + hex.EncodeToString(sum[:12]) + `"`}
	if compressible(ctype) {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		_, _ = zw.Write(body)
		_ = zw.Close()
		if buf.Len() < len(body) {
			f.gz = buf.Bytes()
		}
	}
	a.files[name] = f
	return f
}

func compressible(ctype string) bool {
	return strings.HasPrefix(ctype, "text/") || strings.Contains(ctype, "json") || strings.Contains(ctype, "svg")
}

func (a *webApp) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "graphiql" && !a.graphiQL {
		http.NotFound(w, r)
		return
	}
	f := (*webFile)(nil)
	if name != "" && name != "index.html" {
		f = a.file(name)
	}
	switch {
	case f != nil && strings.HasPrefix(name, "assets/"):
		// Hashed names: a changed file gets a new name.
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	case f != nil:
		w.Header().Set("Cache-Control", "public, max-age=3600")
	case strings.HasPrefix(name, "assets/") || path.Ext(name) != "":
		// A missing file is a 404, not the page: a stale chunk name must fail visibly.
		http.NotFound(w, r)
		return
	default:
		f = a.file("index.html")
		if f == nil {
			http.Error(w, "the web front end is not built (npm --prefix web run build)", http.StatusNotFound)
			return
		}
		w.Header().Set("Cache-Control", "no-cache")
	}
	h := w.Header()
	h.Set("Content-Type", f.ctype)
	h.Set("Content-Security-Policy", cspWeb)
	h.Set("Vary", "Accept-Encoding")
	body, etag := f.body, f.etag
	if f.gz != nil && acceptsGzip(r) {
		h.Set("Content-Encoding", "gzip")
		body, etag = f.gz, strings.TrimSuffix(f.etag, `"`)+`-gz"`
	}
	h.Set("ETag", etag)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(enc), "gzip") && strings.ReplaceAll(q, " ", "") != "q=0" {
			return true
		}
	}
	return false
}
