package export

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"redline"
)

// Formats export knows, in the order Formats lists them.
const (
	Phoenix = "phoenix"
	PLOVER  = "plover"
	CSV     = "csv"
	JSONL   = "jsonl"
)

// Formats returns the names of the formats Write accepts.
func Formats() []string { return []string{Phoenix, PLOVER, CSV, JSONL} }

// Encoder writes events in one format. Country, when set, returns the
// state an actor belongs to (actor.Gazetteer.CountryOf does); without it an
// actor is its own country when its ID is a three-letter state code.
type Encoder struct {
	Format  string
	Country func(id string) string

	header bool // the CSV header has been written
}

// Write encodes evs to w in the named format; see the package comment.
func Write(w io.Writer, format string, evs []redline.Event, docs map[string]redline.Document) error {
	return (&Encoder{Format: format}).Encode(w, evs, docs)
}

// Encode writes evs to w. For CSV the header goes before the first batch
// only. It returns an error for an unknown format or a failed write.
func (e *Encoder) Encode(w io.Writer, evs []redline.Event, docs map[string]redline.Document) error {
	var enc func(io.Writer, []redline.Event, map[string]redline.Document) error
	switch e.Format {
	case Phoenix:
		enc = e.phoenix
	case PLOVER:
		enc = e.plover
	case CSV:
		enc = e.csv
	case JSONL:
		enc = jsonl
	default:
		return fmt.Errorf("export: unknown format %q (want %s)", e.Format, strings.Join(Formats(), ", "))
	}
	return enc(w, evs, docs)
}

// eventID names an event by its document, sentence and place in evs.
func eventID(ev redline.Event, i int) string {
	doc := ev.Doc
	if doc == "" {
		doc = "doc"
	}
	return doc + "-" + strconv.Itoa(ev.Sentence) + "-" + strconv.Itoa(i)
}

// day returns the day an event is dated to: the start of its date, else
// its document's publication date; zero when neither is known.
func day(ev redline.Event, docs map[string]redline.Document) time.Time {
	if start, _, ok := ev.Date.Interval(); ok {
		return start
	}
	if d, ok := docs[ev.Doc]; ok {
		if start, _, ok := d.Published.Interval(); ok {
			return start
		}
	}
	return time.Time{}
}

// country returns the state of an actor.
func (e *Encoder) country(ref redline.ActorRef) string {
	if e.Country != nil {
		if c := e.Country(ref.ID); c != "" {
			return c
		}
	}
	if len(ref.ID) == 3 && strings.ToUpper(ref.ID) == ref.ID {
		return ref.ID
	}
	return ""
}
