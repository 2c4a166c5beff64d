package redline

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Grain is the precision of a calendar value.
type Grain string

// Grains, from coarsest to finest.
const (
	GrainCentury Grain = "century" // "19XX"
	GrainDecade  Grain = "decade"  // "199X"
	GrainYear    Grain = "year"    // "2013"
	GrainSeason  Grain = "season"  // "2013-SP" (SP, SU, FA, WI)
	GrainQuarter Grain = "quarter" // "2013-Q1"
	GrainMonth   Grain = "month"   // "2013-02"
	GrainWeek    Grain = "week"    // "2013-W06"
	GrainDay     Grain = "day"     // "2013-02-07"
	GrainTime    Grain = "time"    // "2013-02-07T10:30"
)

// Anchor says where a value came from when it was not written out in full.
type Anchor string

// Anchors of time expressions and of the dates of statements and events.
const (
	// AnchorNone marks a time expression that needed no anchor ("7 February 2025").
	AnchorNone Anchor = "none"
	// AnchorDocument marks a value computed from the publication date ("yesterday").
	AnchorDocument Anchor = "document"
	// AnchorNarrative marks a value computed from the time most recently
	// mentioned in the text ("ten days earlier").
	AnchorNarrative Anchor = "narrative"
	// AnchorSentence marks a record dated by a time expression in its own sentence.
	AnchorSentence Anchor = "sentence"
	// AnchorPublished marks a record that had no time of its own and took the
	// publication date.
	AnchorPublished Anchor = "published"
)

// Date is a calendar value with its grain, written TimeML-style: "2013",
// "2013-02", "2025-02-07", "2013-Q1", "2013-SU", "199X". Anchor, when set,
// says how the value was obtained.
type Date struct {
	Value  string `json:"value"`
	Grain  Grain  `json:"grain"`
	Anchor Anchor `json:"anchor,omitempty"`
}

// Day returns the day-grain date of t.
func Day(t time.Time) Date {
	return Date{Value: t.Format("2006-01-02"), Grain: GrainDay}
}

// IsZero reports whether d holds no value.
func (d Date) IsZero() bool { return d.Value == "" }

// String returns the value.
func (d Date) String() string { return d.Value }

// ParseDate reads a TimeML calendar value and infers its grain. It accepts
// the forms listed on Grain; anything else is an error.
func ParseDate(value string) (Date, error) {
	g, err := grainOf(value)
	if err != nil {
		return Date{}, err
	}
	return Date{Value: value, Grain: g}, nil
}

func grainOf(v string) (Grain, error) {
	bad := func() (Grain, error) { return "", fmt.Errorf("date %q: not a calendar value", v) }
	if len(v) < 4 {
		return bad()
	}
	switch {
	case len(v) == 4 && digits(v[:2]) && v[2:] == "XX":
		return GrainCentury, nil
	case len(v) == 4 && digits(v[:3]) && v[3] == 'X':
		return GrainDecade, nil
	case len(v) == 4 && digits(v):
		return GrainYear, nil
	}
	if !digits(v[:4]) || len(v) < 7 || v[4] != '-' {
		return bad()
	}
	rest := v[5:]
	switch {
	case len(rest) == 2 && (rest == "SP" || rest == "SU" || rest == "FA" || rest == "WI"):
		return GrainSeason, nil
	case len(rest) == 2 && rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4':
		return GrainQuarter, nil
	case len(rest) == 3 && rest[0] == 'W' && digits(rest[1:]):
		return GrainWeek, nil
	case len(rest) == 2 && digits(rest):
		if _, err := time.Parse("2006-01", v); err != nil {
			return bad()
		}
		return GrainMonth, nil
	case len(rest) == 5 && digits(rest[:2]) && rest[2] == '-' && digits(rest[3:]):
		if _, err := time.Parse("2006-01-02", v); err != nil {
			return bad()
		}
		return GrainDay, nil
	case len(rest) > 5 && rest[5] == 'T':
		if _, err := time.Parse("2006-01-02", v[:10]); err != nil {
			return bad()
		}
		return GrainTime, nil
	}
	return bad()
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// Interval returns the half-open range of days [start, end) the date covers:
// a year covers its 365 or 366 days, a decade its ten years. Seasons follow
// the northern meteorological convention (winter is December of the previous
// year to February). ok is false for values that are not calendar dates.
func (d Date) Interval() (start, end time.Time, ok bool) {
	v := d.Value
	g := d.Grain
	if g == "" {
		var err error
		if g, err = grainOf(v); err != nil {
			return time.Time{}, time.Time{}, false
		}
	}
	if len(v) < 4 {
		return time.Time{}, time.Time{}, false
	}
	date := func(y, m, day int) time.Time { return time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC) }
	switch g {
	case GrainCentury:
		c, _ := strconv.Atoi(v[:2])
		return date(c*100, 1, 1), date(c*100+100, 1, 1), true
	case GrainDecade:
		dec, _ := strconv.Atoi(v[:3])
		return date(dec*10, 1, 1), date(dec*10+10, 1, 1), true
	}
	y, err := strconv.Atoi(v[:4])
	if err != nil {
		return time.Time{}, time.Time{}, false
	}
	switch g {
	case GrainYear:
		return date(y, 1, 1), date(y+1, 1, 1), true
	case GrainSeason:
		m := map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}[v[5:]]
		if m == 12 {
			return date(y-1, 12, 1), date(y, 3, 1), true
		}
		return date(y, m, 1), date(y, m+3, 1), true
	case GrainQuarter:
		q := int(v[6] - '0')
		return date(y, 3*q-2, 1), date(y, 3*q+1, 1), true
	case GrainMonth:
		m, _ := strconv.Atoi(v[5:7])
		return date(y, m, 1), date(y, m+1, 1), true
	case GrainWeek:
		w, _ := strconv.Atoi(v[6:8])
		start := isoWeekStart(y, w)
		return start, start.AddDate(0, 0, 7), true
	case GrainDay, GrainTime:
		t, err := time.Parse("2006-01-02", v[:10])
		if err != nil {
			return time.Time{}, time.Time{}, false
		}
		return t, t.AddDate(0, 0, 1), true
	}
	return time.Time{}, time.Time{}, false
}

// isoWeekStart returns the Monday that starts ISO week w of year y.
func isoWeekStart(y, w int) time.Time {
	jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
	offset := (int(jan4.Weekday()) + 6) % 7 // days since Monday
	return jan4.AddDate(0, 0, -offset+7*(w-1))
}

// Overlaps reports whether the intervals of two dates share any day, each
// taken at its own grain: a rejection in 2013-02 overlaps talks in 2013.
func (d Date) Overlaps(o Date) bool {
	s1, e1, ok1 := d.Interval()
	s2, e2, ok2 := o.Interval()
	return ok1 && ok2 && s1.Before(e2) && s2.Before(e1)
}

// Start returns the first day the date covers, or the zero time when the
// value is not a calendar date. Sorting by Start orders records by when they
// happened, coarse grains first within a tie.
func (d Date) Start() time.Time {
	s, _, _ := d.Interval()
	return s
}

// Compare orders dates by their start, then coarser grains before finer,
// then by value, so that sorting is total and deterministic.
func (d Date) Compare(o Date) int {
	if d.Grain == o.Grain && len(d.Value) == len(o.Value) &&
		(d.Grain == GrainDay || d.Grain == GrainMonth || d.Grain == GrainYear) {
		return strings.Compare(d.Value, o.Value) // ISO values of one grain sort as text; no parsing
	}
	if c := d.Start().Compare(o.Start()); c != 0 {
		return c
	}
	_, e1, _ := d.Interval()
	_, e2, _ := o.Interval()
	if c := e2.Compare(e1); c != 0 {
		return c
	}
	return strings.Compare(d.Value, o.Value)
}
