package analysis

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"redline"
	"redline/analysis/internal/rules"
)

// Horizon units. A month is the average Gregorian month (365.2425/12
// days), so "12m" and "1y" are the same horizon.
const (
	oneDay      = 24 * time.Hour
	oneMonth    = 2629746 * time.Second
	oneYear     = 12 * oneMonth
	horizonHelp = "want a count and a unit: 90d, 6w, 24m or 2y"
)

// DefaultHorizon is the precedent horizon when PrecedentQuery.Horizon is
// zero: 24 months.
const DefaultHorizon = 24 * oneMonth

// PrecedentQuery is the pattern whose precedents are sought. Actor is an
// actor ID: a speaker, or a state, which then matches every speaker the
// dictionary places in it. Empty fields match everything. Target, when
// set, keeps statements toward that actor's side. Horizon is how long
// after a statement an event still counts as following it; zero means
// DefaultHorizon. End is where the record ends, past which a window is
// still open; zero means the latest date among the records given, which
// suits them only when they are the whole record (see DigestEnd).
type PrecedentQuery struct {
	Actor   string         `json:"actor"`
	Topic   string         `json:"topic"`
	Stance  redline.Stance `json:"stance"`
	Target  string         `json:"target,omitempty"`
	Horizon time.Duration  `json:"-"`
	End     time.Time      `json:"-"`
}

// PrecedentReport is what followed past occurrences of a pattern: one case
// per occasion, oldest first, and the base rates drawn from them. Horizon
// is the query's horizon written out ("24 months").
type PrecedentReport struct {
	Query     PrecedentQuery  `json:"query"`
	Horizon   string          `json:"horizon"`
	Cases     []PrecedentCase `json:"cases"`
	BaseRates []BaseRate      `json:"base_rates"`
}

// PrecedentCase is one occasion on which the pattern occurred and what
// followed it. Statement is the occasion's first statement and Occasion
// all its matching statements (one speech reported several times, or
// several sentences of it). Side is the speaker's state (or the speaker)
// and Counterparts the sides of the statements' targets; no counterparts
// means any. From and Until bound the window searched, Until excluded.
//
// Followed holds every event between the parties in the window that
// happened (public, covert or alleged), words and deeds alike, keyed by
// PLOVER category ("UNCODED" when none). Deeds are the events among them
// that carried out the statement's topic; a case with deeds counts as
// followed in the topic's base rate. Open is true when the window runs
// past the last date in the record, so the absence of deeds says nothing
// yet.
type PrecedentCase struct {
	Statement    redline.Statement          `json:"statement"`
	Occasion     []redline.Statement        `json:"occasion"`
	Side         string                     `json:"side"`
	Counterparts []string                   `json:"counterparts"`
	From         redline.Date               `json:"from"`
	Until        redline.Date               `json:"until"`
	Open         bool                       `json:"open"`
	Followed     map[string][]redline.Event `json:"followed"`
	Deeds        []redline.Event            `json:"deeds"`
}

// BaseRate counts how many occasions of one topic and stance were followed
// within the horizon: by a deed of the topic itself when PLOVER is empty,
// else by any event of that PLOVER category. Of counts the occasions
// followed plus those whose window closed without it; Pending counts the
// rest, whose window is still open, and which the rate leaves out. Cases
// indexes, in PrecedentReport.Cases, the occasions behind Followed.
type BaseRate struct {
	Topic    string         `json:"topic"`
	Stance   redline.Stance `json:"stance"`
	PLOVER   string         `json:"plover,omitempty"`
	Followed int            `json:"followed"`
	Of       int            `json:"of"`
	Pending  int            `json:"pending"`
	Horizon  string         `json:"horizon"`
	Text     string         `json:"text"`
	Cases    []int          `json:"cases"`
}

// Precedents finds the past statements matching q and what followed each
// within the horizon.
//
// Statements match when the speaker is q.Actor (or belongs to it, when
// q.Actor is a state: countryOf(q.Actor) == q.Actor) and topic, stance and
// target side agree. Statements with no topic or by speakers outside the
// dictionary never match. Matching statements by one speaker with one
// topic and stance whose dates overlap at their grains (the same day, a
// day within a month) are one occasion, counted once.
//
// An event follows an occasion when it happened, its date overlaps the
// window [said, said+horizon) at its grain (so talks dated "2013" follow
// a rejection on 7 February 2013), it is not in a sentence of the
// occasion's own statements, and it is between the parties: one side is
// the speaker's state and the other a counterpart, in either direction. A
// deed of the topic is a deed (see Gaps) that carries out the topic: the
// same action, or for talks a meeting. The record ends at the latest date
// among stmts and evs. A nil countryOf maps every actor to itself.
func Precedents(stmts []redline.Statement, evs []redline.Event, q PrecedentQuery, countryOf func(string) string) *PrecedentReport {
	if q.Horizon <= 0 {
		q.Horizon = DefaultHorizon
	}
	if countryOf == nil {
		countryOf = func(id string) string { return id }
	}
	party := func(id string) string { return cmp.Or(countryOf(id), id) }
	var matched []redline.Statement
	for _, st := range stmts {
		if matchesQuery(st, q, countryOf, party) {
			matched = append(matched, st)
		}
	}
	end := q.End
	if end.IsZero() {
		end = recordEnd(stmts, evs)
	}
	r := &PrecedentReport{Query: q, Horizon: FormatHorizon(q.Horizon), Cases: []PrecedentCase{}}
	for _, occ := range occasionsOf(matched) {
		r.Cases = append(r.Cases, followUp(occ, evs, q.Horizon, end, party))
	}
	r.BaseRates = baseRates(r.Cases, r.Horizon)
	return r
}

// matchesQuery reports whether st fits the query's pattern.
func matchesQuery(st redline.Statement, q PrecedentQuery, countryOf, party func(string) string) bool {
	if st.Speaker.ID == "" || st.Topic == "" || st.Said.IsZero() {
		return false
	}
	state := countryOf(q.Actor) == q.Actor
	switch {
	case q.Actor != "" && st.Speaker.ID != q.Actor && !(state && countryOf(st.Speaker.ID) == q.Actor):
		return false
	case q.Topic != "" && st.Topic != q.Topic, q.Stance != "" && st.Stance != q.Stance:
		return false
	case q.Target != "" && (st.Target == nil || st.Target.ID == "" || party(st.Target.ID) != party(q.Target)):
		return false
	}
	return true
}

// occasionsOf groups statements into occasions, oldest first: a statement
// joins the latest occasion of its speaker, topic and stance when its
// date overlaps the date of one of that occasion's statements.
func occasionsOf(stmts []redline.Statement) [][]redline.Statement {
	sorted := slices.Clone(stmts)
	slices.SortStableFunc(sorted, func(a, b redline.Statement) int {
		return cmp.Or(a.Said.Compare(b.Said), cmp.Compare(a.Doc, b.Doc), cmp.Compare(a.Sentence, b.Sentence))
	})
	type key struct {
		speaker, topic string
		stance         redline.Stance
	}
	latest := map[key]int{}
	var out [][]redline.Statement
	for _, st := range sorted {
		k := key{rules.ActorKey(st.Speaker), st.Topic, st.Stance}
		if i, ok := latest[k]; ok && slices.ContainsFunc(out[i], func(o redline.Statement) bool { return o.Said.Overlaps(st.Said) }) {
			out[i] = append(out[i], st)
			continue
		}
		latest[k] = len(out)
		out = append(out, []redline.Statement{st})
	}
	return out
}

// followUp gathers what followed one occasion within the horizon.
func followUp(occ []redline.Statement, evs []redline.Event, horizon time.Duration, end time.Time, party func(string) string) PrecedentCase {
	st := occ[0]
	from := st.Said.Start()
	until := from.Add(horizon).Truncate(oneDay)
	c := PrecedentCase{
		Statement: st, Occasion: occ, Side: party(st.Speaker.ID), Counterparts: counterparts(occ, party),
		From: redline.Day(from), Until: redline.Day(until), Open: until.After(end),
		Followed: map[string][]redline.Event{}, Deeds: []redline.Event{},
	}
	for _, ev := range evs {
		if !rules.Happened(ev.Mode) || ownSentence(occ, ev) || !inWindow(ev.Date, from, until) || !betweenParties(ev, c.Side, c.Counterparts, party) {
			continue
		}
		cat := cmp.Or(ev.PLOVER, "UNCODED")
		c.Followed[cat] = append(c.Followed[cat], ev)
		if rules.Deed(ev) && rules.Contradicts(st.Topic, ev.Verb) {
			c.Deeds = append(c.Deeds, ev)
		}
	}
	return c
}

// counterparts returns the distinct sides of the occasion's targets.
func counterparts(occ []redline.Statement, party func(string) string) []string {
	out := []string{}
	for _, st := range occ {
		if st.Target != nil && st.Target.ID != "" && !slices.Contains(out, party(st.Target.ID)) {
			out = append(out, party(st.Target.ID))
		}
	}
	return out
}

// ownSentence reports whether ev was found in the sentence of one of the
// occasion's statements: the words themselves, not what followed them.
func ownSentence(occ []redline.Statement, ev redline.Event) bool {
	return ev.Doc != "" && slices.ContainsFunc(occ, func(st redline.Statement) bool {
		return st.Doc == ev.Doc && st.Sentence == ev.Sentence
	})
}

// inWindow reports whether d, at its grain, overlaps [from, until).
func inWindow(d redline.Date, from, until time.Time) bool {
	s, e, ok := d.Interval()
	return ok && s.Before(until) && e.After(from)
}

// betweenParties reports whether ev is between side and one of others,
// in either direction; with no others, whether side took part at all.
func betweenParties(ev redline.Event, side string, others []string, party func(string) string) bool {
	a := party(ev.Actor.ID)
	b := ""
	if ev.Target != nil {
		b = party(ev.Target.ID)
	}
	if len(others) == 0 {
		return a == side || b == side
	}
	return (a == side && slices.Contains(others, b)) || (b == side && slices.Contains(others, a))
}

// recordEnd returns the end of the latest date among the records: the
// first day the record says nothing about.
func recordEnd(stmts []redline.Statement, evs []redline.Event) time.Time {
	var end time.Time
	grow := func(d redline.Date) {
		if _, e, ok := d.Interval(); ok && e.After(end) {
			end = e
		}
	}
	for _, st := range stmts {
		grow(st.Said)
	}
	for _, ev := range evs {
		if rules.Happened(ev.Mode) {
			grow(ev.Date)
		}
	}
	return end
}

// baseRates computes, for each topic and stance among the cases, the rate
// at which a deed of the topic followed, then one rate per PLOVER category
// that followed at least once, the most frequent first.
func baseRates(cases []PrecedentCase, horizon string) []BaseRate {
	type key struct {
		topic  string
		stance redline.Stance
	}
	var keys []key
	groups := map[key][]int{}
	for i, c := range cases {
		k := key{c.Statement.Topic, c.Statement.Stance}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], i)
	}
	out := []BaseRate{}
	for _, k := range keys {
		idx := groups[k]
		out = append(out, rateOf(cases, idx, k.topic, k.stance, "", horizon))
		var cats []BaseRate
		for _, cat := range categoriesOf(cases, idx) {
			cats = append(cats, rateOf(cases, idx, k.topic, k.stance, cat, horizon))
		}
		slices.SortStableFunc(cats, func(a, b BaseRate) int { return cmp.Compare(b.Followed, a.Followed) })
		out = append(out, cats...)
	}
	return out
}

// categoriesOf returns the PLOVER categories that followed the cases, sorted.
func categoriesOf(cases []PrecedentCase, idx []int) []string {
	var cats []string
	for _, i := range idx {
		for cat := range cases[i].Followed {
			if !slices.Contains(cats, cat) {
				cats = append(cats, cat)
			}
		}
	}
	slices.Sort(cats)
	return cats
}

// rateOf counts the cases idx followed by a deed of the topic (plover
// empty) or by an event of the category plover.
func rateOf(cases []PrecedentCase, idx []int, topic string, stance redline.Stance, plover, horizon string) BaseRate {
	r := BaseRate{Topic: topic, Stance: stance, PLOVER: plover, Horizon: horizon, Cases: []int{}}
	for _, i := range idx {
		c := cases[i]
		followed := len(c.Deeds) > 0
		if plover != "" {
			followed = len(c.Followed[plover]) > 0
		}
		switch {
		case followed:
			r.Followed++
			r.Of++
			r.Cases = append(r.Cases, i)
		case c.Open:
			r.Pending++
		default:
			r.Of++
		}
	}
	r.Text = rateText(r)
	return r
}

// rateText writes a base rate as a sentence: "2 of 3 rejections of
// negotiate were followed by negotiate within 24 months".
func rateText(r BaseRate) string {
	what := r.Topic
	if r.PLOVER != "" {
		what = r.PLOVER + " events"
	}
	noun, verb := stanceNoun(r.Stance)+"s", "were"
	if r.Of == 1 {
		noun, verb = stanceNoun(r.Stance), "was"
	}
	s := fmt.Sprintf("%d of %d %s of %s %s followed by %s within %s", r.Followed, r.Of, noun, r.Topic, verb, what, r.Horizon)
	if r.Pending > 0 {
		s += fmt.Sprintf(" (%d more too recent to tell)", r.Pending)
	}
	return s
}

func stanceNoun(s redline.Stance) string {
	switch s {
	case redline.StanceAgainst:
		return "rejection"
	case redline.StanceFavor:
		return "endorsement"
	case redline.StanceNeutral:
		return "neutral statement"
	}
	return "statement"
}

// ParseHorizon reads a horizon written as a whole count and a unit: "90d"
// days, "6w" weeks, "24m" months, "2y" years. Note that "m" is months,
// not minutes as in time.ParseDuration. A month is the average Gregorian
// month, so "12m" equals "1y".
func ParseHorizon(s string) (time.Duration, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if len(s) < 2 {
		return 0, fmt.Errorf("horizon %q: %s", s, horizonHelp)
	}
	unit, ok := map[byte]time.Duration{'d': oneDay, 'w': 7 * oneDay, 'm': oneMonth, 'y': oneYear}[s[len(s)-1]]
	n, err := strconv.Atoi(s[:len(s)-1])
	if !ok || err != nil || n <= 0 || int64(n) > math.MaxInt64/int64(unit) {
		return 0, fmt.Errorf("horizon %q: %s", s, horizonHelp)
	}
	return time.Duration(n) * unit, nil
}

// FormatHorizon writes a horizon in whole months ("24 months") when it is
// one, else in whole days ("90 days"), else as time.Duration does.
func FormatHorizon(d time.Duration) string {
	switch {
	case d > 0 && d%oneMonth == 0:
		return plural(int64(d/oneMonth), "month")
	case d > 0 && d%oneDay == 0:
		return plural(int64(d/oneDay), "day")
	}
	return d.String()
}

func plural(n int64, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

// DigestEnd returns where the record a digest holds ends, as Precedents
// reckons it: the latest date said or of an event that happened.
func DigestEnd(d *redline.Digest) time.Time {
	var end time.Time
	grow := func(date int32) {
		if _, e, ok := d.Dates[date].Interval(); ok && e.After(end) {
			end = e
		}
	}
	for _, st := range d.Statements {
		grow(st.Said)
	}
	for _, ev := range d.Events {
		if rules.Happened(redline.Mode(d.Words[ev.Mode])) {
			grow(ev.Date)
		}
	}
	return end
}

// ActorRecords reads from a store the records the precedents of an actor
// need, not the whole store: the statements of the actor (of every
// speaker of its state, when the actor is a state) and the events between
// its state and anyone, by either side's state. d is the store's digest,
// which picks them out; they come in the store's order.
func ActorRecords(ctx context.Context, s redline.Store, d *redline.Digest, actor string, countryOf func(string) string) ([]redline.Statement, []redline.Event, error) {
	if countryOf == nil {
		countryOf = func(id string) string { return id }
	}
	state := cmp.Or(countryOf(actor), actor)
	sideOf := make([]string, len(d.Actors)) // "" for Actors[0], no actor
	for i, a := range d.Actors[1:] {
		sideOf[i+1] = cmp.Or(countryOf(a.ID), a.ID)
	}
	var stmtRefs, evRefs []int64
	for _, st := range d.Statements {
		if a := d.Actors[st.Speaker].ID; a == actor || state == actor && sideOf[st.Speaker] == state {
			stmtRefs = append(stmtRefs, st.Ref)
		}
	}
	for _, ev := range d.Events {
		if sideOf[ev.Actor] == state || sideOf[ev.Target] == state {
			evRefs = append(evRefs, ev.Ref)
		}
	}
	stmts, err := s.StatementsAt(ctx, stmtRefs)
	if err != nil {
		return nil, nil, fmt.Errorf("read the statements of %s: %w", actor, err)
	}
	evs, err := s.EventsAt(ctx, evRefs)
	if err != nil {
		return nil, nil, fmt.Errorf("read the events of %s: %w", state, err)
	}
	return stmts, evs, nil
}
