package ingest

import (
	"fmt"
	"strings"
	"time"

	"redline"
)

// dateLayouts are the forms a publication date may take.
var dateLayouts = []string{
	"2006-01-02",
	time.RFC3339,
	"2006-01-02T15:04:05",
	"January 2, 2006",
	"2 January 2006",
	"Jan 2, 2006",
}

// parseDate reads a publication date in any of dateLayouts.
func parseDate(s string) (time.Time, error) {
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("bad date %q (want 2006-01-02, RFC 3339, "+
		"2006-01-02T15:04:05, January 2, 2006, 2 January 2006 or Jan 2, 2006)", excerpt(s))
}

// publication returns the day a document was published: raw, its own
// date, when it has one, else opts.Date, else the zero Date. A date in
// RFC 3339 gives the day in its own offset.
func publication(raw string, opts Options) (redline.Date, error) {
	raw = strings.TrimSpace(raw)
	if raw != "" {
		t, err := parseDate(raw)
		if err != nil {
			return redline.Date{}, err
		}
		return redline.Day(t), nil
	}
	if !opts.Date.IsZero() {
		return redline.Day(opts.Date), nil
	}
	return redline.Date{}, nil
}
