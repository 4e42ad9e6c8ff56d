package server

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/lotse-kim/lotse/graph"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/report"
	"github.com/lotse-kim/lotse/internal/service"
)

// The report files over HTTP, so that steering needs no shell:
//
//	GET /reports/gaps.{csv,json,geojson}?municipality=Solingen&needs=LANGUAGE,WORK
//	GET /reports/network.{csv,json}?municipality=Wuppertal
//
// They are the files of `lotse report`, written by internal/report from the
// service results that the GraphQL queries gapReport and networkReport show,
// for the caller of the request: the same authorization (service, access
// policy) and the same suppression of small counts. The caller is the bearer
// token of the Authorization header, as for /graphql; no token in the URL,
// where it would land in access logs and browser history. A browser page
// fetches the file with the header and saves the answer (a Blob) itself.
//
// Errors are JSON in the shape of GraphQL errors, with the HTTP status of
// their code: 400 BAD_USER_INPUT, 401 UNAUTHENTICATED, 403 FORBIDDEN,
// 404 NOT_FOUND (also an unknown file), 503 UNAVAILABLE, 500 INTERNAL.

// reportFile is one downloadable file.
type reportFile struct {
	name   string // gaps, network
	format report.Format
}

var reportFiles = map[string]reportFile{
	"gaps.csv":     {"gaps", report.CSV},
	"gaps.json":    {"gaps", report.JSON},
	"gaps.geojson": {"gaps", report.GeoJSON},
	"network.csv":  {"network", report.CSV},
	"network.json": {"network", report.JSON},
}

var contentTypes = map[report.Format]string{
	report.CSV:     "text/csv; charset=utf-8",
	report.JSON:    "application/json",
	report.GeoJSON: "application/geo+json",
}

// germanFileNames start the saved file's name: luecken-solingen-2026-12-01.csv.
var germanFileNames = map[string]string{"gaps": "luecken", "network": "netzwerk"}

func reportsHandler(svc *service.Service) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f, ok := reportFiles[r.PathValue("file")]
		if !ok {
			writeJSON(w, http.StatusNotFound, gqlErrors(
				"no such report; there are gaps.csv, gaps.json, gaps.geojson, network.csv and network.json", graph.CodeNotFound))
			return
		}
		q := r.URL.Query()
		municipality := strings.TrimSpace(q.Get("municipality"))
		var buf bytes.Buffer
		var err error
		switch f.name {
		case "gaps":
			var rep service.GapReport
			if rep, err = svc.GapReport(r.Context(), municipality, needsParam(q["needs"])); err == nil {
				err = report.WriteGaps(&buf, rep, f.format)
			}
		case "network":
			var rep service.NetworkReport
			if rep, err = svc.NetworkReport(r.Context(), municipality); err == nil {
				err = report.WriteNetwork(&buf, rep, f.format)
			}
		}
		if err != nil {
			reportError(r.Context(), w, err)
			return
		}
		h := w.Header()
		h.Set("Content-Type", contentTypes[f.format])
		h.Set("Content-Length", strconv.Itoa(buf.Len()))
		h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`,
			fileName(germanFileNames[f.name], municipality, svc.Now().Format("2006-01-02"), string(f.format))))
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write(buf.Bytes())
	})
}

// needsParam reads needs=LANGUAGE,WORK (or the parameter repeated); the
// service names an unknown one as needs[i].
func needsParam(values []string) []directory.NeedArea {
	var out []directory.NeedArea
	for _, v := range values {
		for _, n := range strings.Split(v, ",") {
			if n = strings.TrimSpace(n); n != "" {
				out = append(out, directory.NeedArea(strings.ToUpper(n)))
			}
		}
	}
	return out
}

var statusOfCode = map[string]int{
	graph.CodeBadUserInput:    http.StatusBadRequest,
	graph.CodeUnauthenticated: http.StatusUnauthorized,
	graph.CodeForbidden:       http.StatusForbidden,
	graph.CodeNotFound:        http.StatusNotFound,
	graph.CodeConflict:        http.StatusConflict,
	graph.CodeUnavailable:     http.StatusServiceUnavailable,
}

// reportError answers err as GraphQL answers it (graph.PresentError: the
// same codes and fields, nothing internal leaked), with a fitting status.
func reportError(ctx context.Context, w http.ResponseWriter, err error) {
	e := graph.PresentError(ctx, err)
	code, _ := e.Extensions["code"].(string)
	status, ok := statusOfCode[code]
	if !ok {
		status = http.StatusInternalServerError
	}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="lotse"`)
	}
	body := map[string]any{"message": e.Message, "extensions": e.Extensions}
	writeJSON(w, status, map[string]any{"errors": []any{body}})
}

var fileNameReplacer = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue")

// fileName builds an ASCII file name such as luecken-koeln-2026-12-01.csv
// (ASCII, so that no browser or mail program mangles it).
func fileName(prefix, municipality, date, ext string) string {
	var b strings.Builder
	b.WriteString(prefix)
	m := strings.ToLower(fileNameReplacer.Replace(municipality))
	if m == "" {
		m = "alle"
	}
	dash := false
	b.WriteByte('-')
	for _, r := range m {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash {
				b.WriteByte('-')
				dash = false
			}
			b.WriteRune(r)
		} else {
			dash = true
		}
	}
	return b.String() + "-" + date + "." + ext
}
