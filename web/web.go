// Package web holds Lotse's built front end (web/dist, built from web/src by
// `npm --prefix web ci && npm --prefix web run build`), embedded so that the
// one binary serves the pages on a machine without Node.
package web

import (
	"embed"
	"io/fs"
)

//go:embed all:dist
var dist embed.FS

// Dist returns the built files, rooted at dist/ (index.html, assets/…).
func Dist() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // the directory is embedded at build time
	}
	return sub
}
