// Package assets holds the dashboard's files, embedded in the binary: the
// page templates, the style sheet and script under static/, and the
// OpenAPI description of the JSON API.
package assets

import "embed"

// FS holds templates/*.html, static/* and openapi.json.
//
//go:embed templates static openapi.json
var FS embed.FS
