package reciprocity

import (
	"cmp"
	"fmt"
	"time"

	"redline"
)

// Period is the length of one step of a series.
type Period string

// Periods.
const (
	Week  Period = "week"  // an ISO week, Monday to Sunday
	Month Period = "month" // a calendar month
)

// ParsePeriod reads "week" or "month".
func ParsePeriod(s string) (Period, error) {
	switch p := Period(s); p {
	case Week, Month:
		return p, nil
	}
	return "", fmt.Errorf("period %q: want week or month", s)
}

// Dyad is a pair of sides: states, or whatever else CountryOf maps actors
// to.
type Dyad struct {
	A string `json:"a"`
	B string `json:"b"`
}

// AB names the direction from A to B ("IRN→USA").
func (d Dyad) AB() string { return d.A + "→" + d.B }

// BA names the direction from B to A.
func (d Dyad) BA() string { return d.B + "→" + d.A }

// Spec says which series to build.
type Spec struct {
	Dyad   Dyad
	Period Period
	// From and To bound the series: the periods holding From and the day
	// before To, and all between. Zero values take the periods of the
	// dyad's first and last events.
	From, To time.Time
	// CountryOf maps an actor ID to its side; an actor it maps to "" is
	// its own side. Nil makes every actor its own side.
	CountryOf func(id string) string
}

func (s Spec) check() error {
	switch {
	case s.Dyad.A == "" || s.Dyad.B == "":
		return fmt.Errorf("dyad %q,%q: want two sides", s.Dyad.A, s.Dyad.B)
	case s.Dyad.A == s.Dyad.B:
		return fmt.Errorf("dyad %s,%s: want two different sides", s.Dyad.A, s.Dyad.B)
	case s.Period != Week && s.Period != Month:
		return fmt.Errorf("period %q: want week or month", s.Period)
	case !s.From.IsZero() && !s.To.IsZero() && !s.From.Before(s.To):
		return fmt.Errorf("range %s to %s is empty", s.From.Format(time.DateOnly), s.To.Format(time.DateOnly))
	}
	return nil
}

// Series is the dyad's two flows of events, period by period. Start[i] is
// the first day of period i; AB and BA hold, at index i, what A did to B
// and B did to A in it.
type Series struct {
	Dyad   Dyad        `json:"dyad"`
	Period Period      `json:"period"`
	Start  []time.Time `json:"-"`
	Labels []string    `json:"periods"` // "2025-W06" or "2025-02", one per period
	AB     Flow        `json:"ab"`
	BA     Flow        `json:"ba"`
	// Coarse counts the dyad's events left out because their date is
	// coarser than a period (a month-grain date in a weekly series) or
	// not a calendar date; Outside those left out by Spec.From and To.
	Coarse  int `json:"coarse"`
	Outside int `json:"outside"`
}

// Len returns the number of periods.
func (s *Series) Len() int { return len(s.Start) }

// Flow is one direction of a dyad, period by period. Net is the sum of
// the Goldstein weights of the period's events; Cooperation sums the
// positive weights and Conflict the negative ones (so it is 0 or less),
// and Net = Cooperation + Conflict. Events counts every event, weight 0
// (a public statement) included; Cooperative and Conflictual count those
// of positive and negative weight.
type Flow struct {
	From        string    `json:"from"`
	To          string    `json:"to"`
	Net         []float64 `json:"net"`
	Cooperation []float64 `json:"cooperation"`
	Conflict    []float64 `json:"conflict"`
	Events      []int     `json:"events"`
	Cooperative []int     `json:"cooperative"`
	Conflictual []int     `json:"conflictual"`
}

func newFlow(from, to string, n int) Flow {
	return Flow{From: from, To: to, Net: make([]float64, n), Cooperation: make([]float64, n), Conflict: make([]float64, n),
		Events: make([]int, n), Cooperative: make([]int, n), Conflictual: make([]int, n)}
}

func (f *Flow) add(i int, w float64) {
	f.Net[i] += w
	f.Events[i]++
	switch {
	case w > 0:
		f.Cooperation[i] += w
		f.Cooperative[i]++
	case w < 0:
		f.Conflict[i] += w
		f.Conflictual[i]++
	}
}

// Totals sums a flow over its periods.
type Totals struct {
	Net         float64 `json:"net"`
	Cooperation float64 `json:"cooperation"`
	Conflict    float64 `json:"conflict"`
	Events      int     `json:"events"`
	Cooperative int     `json:"cooperative"`
	Conflictual int     `json:"conflictual"`
	Active      int     `json:"active_periods"` // periods with at least one event
}

// Totals sums the flow over all periods.
func (f *Flow) Totals() Totals {
	var t Totals
	for i := range f.Net {
		t.Net += f.Net[i]
		t.Cooperation += f.Cooperation[i]
		t.Conflict += f.Conflict[i]
		t.Events += f.Events[i]
		t.Cooperative += f.Cooperative[i]
		t.Conflictual += f.Conflictual[i]
		if f.Events[i] > 0 {
			t.Active++
		}
	}
	return t
}

// Happened reports whether an event in mode m took place and so counts:
// public, covert or alleged, not negated, future or hypothetical.
func Happened(m redline.Mode) bool {
	return m == redline.ModePublic || m == redline.ModeCovert || m == redline.ModeAlleged
}

// NewSeries builds the dyad's series from events. An event counts when
// it happened (see Happened), its actor is on one side of the dyad and
// its target on the other, and its date falls within one period; its
// weight is its Goldstein field. Events dated more coarsely than a period
// are counted in Series.Coarse and left out.
func NewSeries(evs []redline.Event, spec Spec) (*Series, error) {
	if err := spec.check(); err != nil {
		return nil, err
	}
	sides := newSideCache(spec.CountryOf)
	days := map[redline.Date]dayRange{}
	var b builder
	for i := range evs {
		ev := &evs[i]
		if ev.Target == nil || !Happened(ev.Mode) {
			continue
		}
		from, to := sides.of(ev.Actor.ID), sides.of(ev.Target.ID)
		var ab bool
		switch {
		case from == spec.Dyad.A && to == spec.Dyad.B:
			ab = true
		case from == spec.Dyad.B && to == spec.Dyad.A:
		default:
			continue
		}
		r, ok := days[ev.Date]
		if !ok {
			r = dayRangeOf(ev.Date)
			days[ev.Date] = r
		}
		b.add(r, ab, ev.Goldstein, spec.Period)
	}
	return b.series(spec), nil
}

// sideCache looks up each actor's side once.
type sideCache struct {
	countryOf func(string) string
	m         map[string]string
}

func newSideCache(countryOf func(string) string) *sideCache {
	return &sideCache{countryOf: countryOf, m: map[string]string{}}
}

// of returns the side of actor id: countryOf(id), or id itself when that
// is empty, as the analyses place actors; "" for no ID.
func (c *sideCache) of(id string) string {
	if id == "" || c.countryOf == nil {
		return id
	}
	s, ok := c.m[id]
	if !ok {
		s = cmp.Or(c.countryOf(id), id)
		c.m[id] = s
	}
	return s
}

// dayRange is the half-open range of days a date covers, numbered from
// 1970-01-01; ok is false for a value that is not a calendar date.
type dayRange struct {
	first, end int
	ok         bool
}

func dayRangeOf(d redline.Date) dayRange {
	start, end, ok := d.Interval()
	if !ok {
		return dayRange{}
	}
	return dayRange{dayNumber(start), dayNumber(end), true}
}

const secondsPerDay = 24 * 60 * 60

func dayNumber(t time.Time) int { return int(floorDiv(t.Unix(), secondsPerDay)) }

func dayTime(n int) time.Time { return time.Unix(int64(n)*secondsPerDay, 0).UTC() }

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// index returns the number of the period holding day n: weeks counted
// from the Monday 1970-01-05 (day 4), months from January of year 0.
func (p Period) index(n int) int {
	if p == Week {
		return int(floorDiv(int64(n)+3, 7)) // 1970-01-01 was a Thursday, 3 days after a Monday
	}
	t := dayTime(n)
	return t.Year()*12 + int(t.Month()) - 1
}

// start returns the first day of period i.
func (p Period) start(i int) time.Time {
	if p == Week {
		return dayTime(7*i - 3)
	}
	return time.Date(i/12, time.Month(i%12+1), 1, 0, 0, 0, 0, time.UTC)
}

// label names period i: its ISO week ("2025-W06") or its month ("2025-02").
func (p Period) label(i int) string {
	t := p.start(i)
	if p == Week {
		y, w := t.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	}
	return t.Format("2006-01")
}

// builder gathers placed events before the range of the series is known.
type builder struct {
	placed []placed
	coarse int
}

type placed struct {
	period int
	ab     bool
	w      float64
}

// add places an event covering days r, or counts it as coarse.
func (b *builder) add(r dayRange, ab bool, w float64, p Period) {
	if !r.ok || p.index(r.first) != p.index(r.end-1) {
		b.coarse++
		return
	}
	b.placed = append(b.placed, placed{p.index(r.first), ab, w})
}

// series lays the placed events out over the range of spec, or over the
// periods of the first and last events when spec gives none.
func (b *builder) series(spec Spec) *Series {
	p := spec.Period
	lo, hi := 0, -1 // an empty range unless events or spec say otherwise
	for k, e := range b.placed {
		if k == 0 || e.period < lo {
			lo = e.period
		}
		if k == 0 || e.period > hi {
			hi = e.period
		}
	}
	if !spec.From.IsZero() {
		lo = p.index(dayNumber(spec.From))
	}
	if !spec.To.IsZero() {
		hi = p.index(dayNumber(spec.To) - 1)
	}
	n := max(0, hi-lo+1)
	s := &Series{Dyad: spec.Dyad, Period: p, Start: make([]time.Time, n), Labels: make([]string, n),
		AB: newFlow(spec.Dyad.A, spec.Dyad.B, n), BA: newFlow(spec.Dyad.B, spec.Dyad.A, n), Coarse: b.coarse}
	for i := range n {
		s.Start[i], s.Labels[i] = p.start(lo+i), p.label(lo+i)
	}
	for _, e := range b.placed {
		i := e.period - lo
		switch {
		case i < 0 || i >= n:
			s.Outside++
		case e.ab:
			s.AB.add(i, e.w)
		default:
			s.BA.add(i, e.w)
		}
	}
	return s
}
