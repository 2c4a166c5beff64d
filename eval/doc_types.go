package eval

import (
	"time"

	"redline"
)

// Timex is a gold time expression: its span in the document's plain text,
// its text, TimeML type ("DATE", "TIME", "DURATION", "SET") and value.
type Timex struct {
	Span  redline.Span `json:"span"`
	Text  string       `json:"text"`
	Type  string       `json:"type"`
	Value string       `json:"value"`
	Mod   string       `json:"mod,omitempty"`
}

// Doc is a gold document: its plain text, creation time and time
// expressions in text order.
type Doc struct {
	Name    string    `json:"name"`
	Text    string    `json:"-"`
	DCT     time.Time `json:"dct"`
	Timexes []Timex   `json:"timexes"`
}

// parseDCT reads the day of a creation-time value ("2013-03-22",
// "2013-03-22T10:00").
func parseDCT(v string) (time.Time, error) {
	if len(v) > 10 {
		v = v[:10]
	}
	return time.Parse("2006-01-02", v)
}
