// Package report writes the gap report and the network report of strategic
// steering as files for the office: CSV for spreadsheets, JSON for scripts
// and GeoJSON for QGIS. It only formats: the numbers come from the service
// results (service.GapReport, service.NetworkReport) that the GraphQL API
// shows too, with the same suppression of small unmet-need counts.
//
// # JSON
//
// The JSON files have the shape of the GraphQL answers, with the nested
// records cut down to what identifies them: a gap report is
//
//	{"municipality", "needs", "cells": [{"district": {id, name, municipality,
//	 population}, "need", "activeOffers", "freePlaces", "offersPer10k",
//	 "unmetNeeds", "suppressed", "level"}], "structuralGaps": [{"kind",
//	 "district": {…}|null, "need", "offer": {id, title}|null,
//	 "organisation": {id, name}|null, "language", "detail"}]}
//
// and a network report carries the fields of NetworkReport, organisations as
// {id, name, kind}, plus betweennessExact and betweennessSources.
//
// # CSV
//
// One table per file, made to open in German Excel by double-click: UTF-8
// with a byte-order mark, ';' between fields, CRLF line ends, decimal commas,
// German headers, and beside each code column ("Handlungsfeld (Code)") one
// with its German label ("Handlungsfeld"). Offers per 10,000 inhabitants are
// rounded to one decimal, density and betweenness to four. The gap report
// has one row per cell followed by one row per structural gap; the network
// report one row per fact, its section in the first column. A suppressed
// count reads "< 5". Text beginning with =, +, - or @ gets a leading
// apostrophe, so that Excel never runs a name as a formula.
//
// # GeoJSON
//
// A FeatureCollection (WGS 84, [lon, lat]), one feature per line: each cell
// is its district's outline (Polygon or MultiPolygon) when the district has
// one, else a Point at its centre; each structural gap a Point at its
// offer's location or, without one, at its district's centre; a feature with
// neither has a null geometry. The properties are the machine columns
// (record, district_id, need, level, unmet_needs, suppressed, kind, …), so
// QGIS can fill a choropleth by "level" and filter by "record" and "kind".
package report

import (
	"fmt"
	"strings"
)

// Format is the file format of a report.
type Format string

const (
	CSV     Format = "csv"
	JSON    Format = "json"
	GeoJSON Format = "geojson"
)

// GapFormats and NetworkFormats list the formats each report can be written in.
var (
	GapFormats     = []Format{CSV, JSON, GeoJSON}
	NetworkFormats = []Format{CSV, JSON}
)

// ParseFormat reads a format name (case-insensitive) allowed for a report.
func ParseFormat(s string, allowed []Format) (Format, error) {
	f := Format(strings.ToLower(strings.TrimSpace(s)))
	names := make([]string, len(allowed))
	for i, a := range allowed {
		if a == f {
			return f, nil
		}
		names[i] = string(a)
	}
	return "", fmt.Errorf("format %q is not supported here; use one of %s", s, strings.Join(names, ", "))
}
