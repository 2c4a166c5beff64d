package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"redline"
	"redline/analysis"
	"redline/sqlite"
)

const precedentsHelp = `Usage: redline precedents --actor ID --topic TOPIC --stance STANCE [flags]

Finds the past occasions on which the actor took the stance on the topic
and prints what followed each within the horizon: the events between the
speaker's side and the target's side, in either direction, grouped by PLOVER
category, and base rates such as "2 of 3 rejections of negotiate were
followed by negotiate within 24 months". A base rate counts deeds only
(talks held, sanctions imposed), never words. Statements by one speaker on
the same day (or dates overlapping at their grains) are one occasion,
counted once. Occasions whose horizon runs past the end of the record and
that nothing has followed yet are left out of the rate and counted apart.

An actor that is a state (IRN) matches every speaker of that state.
The horizon is a count and a unit: 90d, 6w, 24m (months), 2y.

Flags:
`

func (m *Main) runPrecedents(ctx context.Context, args []string) error {
	var f analysisFlags
	var q analysis.PrecedentQuery
	var stance, horizon string
	fset := flag.NewFlagSet("precedents", flag.ContinueOnError)
	fset.SetOutput(m.Stderr)
	fset.Usage = func() { fmt.Fprint(m.Stderr, precedentsHelp); fset.PrintDefaults() }
	f.register(fset)
	fset.StringVar(&q.Actor, "actor", "", "the speaker or state `ID` (e.g. ali-khamenei, IRN)")
	fset.StringVar(&q.Topic, "topic", "", "the `TOPIC` (negotiate, sanction, attack, ...)")
	fset.StringVar(&stance, "stance", "", "the `STANCE`: favor, against or neutral")
	fset.StringVar(&q.Target, "target", "", "only statements toward this actor's side (an actor `ID`)")
	fset.StringVar(&horizon, "horizon", "24m", "how long after a statement an event still counts (`N`d, w, m or y)")
	if err := parse(fset, args); err != nil {
		return err
	}
	if err := precedentQuery(&q, stance, horizon, fset.NArg()); err != nil {
		return err
	}
	db, countryOf, err := openExisting(&f.c, f.dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	// Only the actor's records are read in full; the digest, read whole,
	// says where the record ends.
	d, err := db.Digest(ctx)
	if err != nil {
		return err
	}
	q.End = analysis.DigestEnd(d)
	stmts, evs, err := analysis.ActorRecords(ctx, db, d, q.Actor, countryOf)
	if err != nil {
		return err
	}
	r := analysis.Precedents(stmts, evs, q, countryOf)
	if f.c.json {
		return m.printJSON(r)
	}
	return printPrecedents(m.Stdout, r)
}

// precedentQuery checks the flags and completes q with the stance and
// horizon.
func precedentQuery(q *analysis.PrecedentQuery, stance, horizon string, nargs int) error {
	if q.Actor == "" || q.Topic == "" || stance == "" || nargs > 0 {
		return &usageError{"precedents: want --actor ID --topic TOPIC --stance STANCE and no arguments"}
	}
	q.Stance = redline.Stance(stance)
	if !slices.Contains([]redline.Stance{redline.StanceFavor, redline.StanceAgainst, redline.StanceNeutral}, q.Stance) {
		return &usageError{fmt.Sprintf("precedents: --stance %q: want favor, against or neutral", stance)}
	}
	h, err := analysis.ParseHorizon(horizon)
	if err != nil {
		return &usageError{"precedents: --" + err.Error()}
	}
	q.Horizon = h
	return nil
}

// printPrecedents writes the base rates, then each case with what
// followed it.
func printPrecedents(w io.Writer, r *analysis.PrecedentReport) error {
	q := r.Query
	target := ""
	if q.Target != "" {
		target = " toward " + q.Target
	}
	fmt.Fprintf(w, "PRECEDENTS: %s %s %s%s, horizon %s (%d occasions)\n\n", q.Actor, q.Stance, q.Topic, target, r.Horizon, len(r.Cases))
	fmt.Fprintln(w, "BASE RATES")
	if len(r.BaseRates) == 0 {
		fmt.Fprintln(w, "  none: no statement matches")
	}
	for _, b := range r.BaseRates {
		var dates []string
		for _, i := range b.Cases {
			dates = append(dates, r.Cases[i].Statement.Said.Value)
		}
		fmt.Fprintf(w, "  %s\n", b.Text)
		if len(dates) > 0 {
			fmt.Fprintf(w, "      occasions followed: %s\n", strings.Join(dates, ", "))
		}
	}
	fmt.Fprintf(w, "\nCASES (%d)\n", len(r.Cases))
	for _, c := range r.Cases {
		printCase(w, c)
	}
	_, err := fmt.Fprintln(w)
	return err
}

// printCase writes one occasion and what followed it, by PLOVER category.
func printCase(w io.Writer, c analysis.PrecedentCase) {
	st := c.Statement
	others := "anyone"
	if len(c.Counterparts) > 0 {
		others = strings.Join(c.Counterparts, ", ")
	}
	open := ""
	if c.Open {
		open = ", still open"
	}
	n := "1 statement"
	if len(c.Occasion) > 1 {
		n = fmt.Sprintf("%d statements", len(c.Occasion))
	}
	fmt.Fprintf(w, "  %-10s %s %s %s → %s (%s; %s vs %s until %s%s)\n", st.Said.Value, oneLine(st.Speaker.Name, 30),
		st.Stance, st.Topic, oneLine(refName(st.Target), 20), n, c.Side, others, c.Until.Value, open)
	fmt.Fprintf(w, "      said: %s [doc %s]\n", quoteText(st.Text, 90), short(st.Doc))
	if len(c.Followed) == 0 {
		fmt.Fprintln(w, "      nothing followed between the parties")
	}
	cats := make([]string, 0, len(c.Followed))
	for cat := range c.Followed {
		cats = append(cats, cat)
	}
	slices.Sort(cats)
	for _, cat := range cats {
		for _, ev := range c.Followed[cat] {
			mark := " "
			if slices.ContainsFunc(c.Deeds, func(d redline.Event) bool { return sameEvent(d, ev) }) {
				mark = "✓" // a deed of the topic: counted in the base rate
			}
			fmt.Fprintf(w, "    %s %-10s %s\n", mark, cat, eventLine(ev))
		}
	}
}

func sameEvent(a, b redline.Event) bool {
	return a.Doc == b.Doc && a.Sentence == b.Sentence && a.Span == b.Span && a.Actor == b.Actor && a.CAMEO == b.CAMEO
}

// eventLine writes an event on one line: date, who, what, whom, text.
func eventLine(ev redline.Event) string {
	mode := ""
	if ev.Mode != redline.ModePublic {
		mode = string(ev.Mode) + " "
	}
	return fmt.Sprintf("%s %s %s%s (%s) %s %s [doc %s]", ev.Date.Value, oneLine(ev.Actor.Name, 24), mode, ev.Verb, ev.CAMEO,
		oneLine(refName(ev.Target), 24), quoteText(ev.Text, 50), short(ev.Doc))
}

const deadlinesHelp = `Usage: redline deadlines [--after YYYY-MM-DD] [flags]

Prints the deadlines still to come after a date (all of them without
--after), each with its countdown in days from that date and the
consequences the texts attach: threats, promises and conditions in the
same document that mention the deadline's action or name its date. Then
prints the scenario tree: conditional threats and promises chained by
their triggers (if the snapback comes, Iran threatens to leave the NPT; if
Iran leaves the NPT, ...), each branch citing its statement.

Flags:
`

// deadlinesOutput is the JSON form of "redline deadlines".
type deadlinesOutput struct {
	After     string                   `json:"after,omitempty"`
	Deadlines []analysis.DeadlineEntry `json:"deadlines"`
	Scenarios []analysis.Scenario      `json:"scenarios"`
}

func (m *Main) runDeadlines(ctx context.Context, args []string) error {
	var f analysisFlags
	var afterFlag string
	fset := flag.NewFlagSet("deadlines", flag.ContinueOnError)
	fset.SetOutput(m.Stderr)
	fset.Usage = func() { fmt.Fprint(m.Stderr, deadlinesHelp); fset.PrintDefaults() }
	f.register(fset)
	fset.StringVar(&afterFlag, "after", "", "only deadlines after this `YYYY-MM-DD`, counted down from it")
	if err := parse(fset, args); err != nil {
		return err
	}
	var after time.Time
	if afterFlag != "" {
		t, err := time.Parse("2006-01-02", afterFlag)
		if err != nil {
			return &usageError{fmt.Sprintf("deadlines: --after %q: want YYYY-MM-DD", afterFlag)}
		}
		after = t
	}
	if fset.NArg() > 0 {
		return &usageError{"deadlines: unexpected arguments"}
	}
	db, countryOf, err := openExisting(&f.c, f.dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	dls, err := db.Deadlines(ctx)
	if err != nil {
		return fmt.Errorf("read deadlines: %w", err)
	}
	stmts, err := deadlineStatements(ctx, db, dls)
	if err != nil {
		return err
	}
	out := deadlinesOutput{After: afterFlag, Deadlines: analysis.Deadlines(dls, stmts, after), Scenarios: analysis.Scenarios(stmts, countryOf)}
	if f.c.json {
		return m.printJSON(out)
	}
	return printDeadlines(m.Stdout, out)
}

// deadlineStatements reads, through the store's digest, the statements the
// deadlines and the scenario tree draw on, not every statement: those of
// the documents that set a deadline, where its consequences are, and every
// threat and promise, the scenario tree's branches.
func deadlineStatements(ctx context.Context, db *sqlite.DB, dls []redline.Deadline) ([]redline.Statement, error) {
	d, err := db.Digest(ctx)
	if err != nil {
		return nil, err
	}
	withDeadline := map[string]bool{}
	for _, dl := range dls {
		withDeadline[dl.Doc] = true
	}
	var refs []int64
	for _, st := range d.Statements {
		if st.Threat || st.Promise || withDeadline[d.Docs[st.Doc]] {
			refs = append(refs, st.Ref)
		}
	}
	return db.StatementsAt(ctx, refs)
}

// printDeadlines writes the deadlines with their consequences, then the
// scenario tree.
func printDeadlines(w io.Writer, out deadlinesOutput) error {
	after := ""
	if out.After != "" {
		after = " after " + out.After
	}
	fmt.Fprintf(w, "DEADLINES%s (%d)\n", after, len(out.Deadlines))
	for _, e := range out.Deadlines {
		d := e.Deadline
		when := ""
		switch {
		case e.Days != nil && *e.Days == 0:
			when = "now"
		case e.Days != nil:
			when = fmt.Sprintf("in %d days", *e.Days)
		}
		fmt.Fprintf(w, "  %-10s %-12s %-14s %s [doc %s]\n", d.Date.Value, when, oneLine(topicOf(e.Action), 14), quoteText(d.Text, 60), short(d.Doc))
		for _, c := range e.Consequences {
			fmt.Fprintf(w, "      %s: %s %s (%s)\n", c.Kind, oneLine(c.Statement.Speaker.Name, 30), quoteText(c.Statement.Text, 80), oneLine(c.Why, 80))
		}
	}
	fmt.Fprintf(w, "\nSCENARIOS (%d)\n", len(out.Scenarios))
	for _, s := range out.Scenarios {
		printScenario(w, s, 1)
	}
	_, err := fmt.Fprintln(w)
	return err
}

// printScenario writes a branch and, indented, the branches under it.
func printScenario(w io.Writer, s analysis.Scenario, depth int) {
	st := s.Statement
	pad := strings.Repeat("    ", depth-1)
	cond := "(unconditional)"
	if s.If != "" {
		cond = quoteText(s.If, 70)
	}
	fmt.Fprintf(w, "  %s%s → %s %s %s (%s) [doc %s]\n", pad, cond, oneLine(st.Speaker.Name, 30), s.Kind, topicOf(st.Topic), st.Said.Value, short(st.Doc))
	fmt.Fprintf(w, "  %s    %s\n", pad, quoteText(st.Text, 90))
	for _, t := range s.Then {
		printScenario(w, t, depth+1)
	}
}
