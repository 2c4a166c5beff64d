package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"redline/analysis"
	"redline/render"
)

const reportHelp = `Usage: redline report [flags]

Prints, from the store: a timeline per actor (statements and events ordered
by the date said or done), stance reversals, say-do gaps, the red-line
ledger, splits and deadlines. Each section shows its latest entries, at most
--limit of them, and says how many there are in all.

Flags:
`

// defaultLimit is how many entries of each section a report shows unless
// told otherwise: a report over a million records stays readable.
const defaultLimit = 50

func (m *Main) runReport(ctx context.Context, args []string) error {
	var c common
	var dbPath, actor, format string
	var window time.Duration
	var limit int
	fset := flag.NewFlagSet("report", flag.ContinueOnError)
	fset.SetOutput(m.Stderr)
	fset.Usage = func() { fmt.Fprint(m.Stderr, reportHelp); fset.PrintDefaults() }
	fset.BoolVar(&c.json, "json", false, "print machine-readable JSON")
	c.registerDict(fset)
	fset.StringVar(&dbPath, "db", defaultDB, "SQLite database `PATH`")
	fset.StringVar(&actor, "actor", "", "only what this actor said or did (an actor `ID`, e.g. ali-khamenei or IRN)")
	fset.IntVar(&limit, "limit", defaultLimit, "show the latest `N` entries of each section; 0 shows all")
	fset.DurationVar(&window, "window", analysis.DefaultWindow, "longest interval between two statements that counts as a reversal")
	fset.StringVar(&format, "format", "text", "output `FORMAT`: text, markdown, html (one self-contained file) or json")
	if err := parse(fset, args); err != nil {
		return err
	}
	if fset.NArg() > 0 {
		return &usageError{"report: unexpected arguments"}
	}
	if limit < 0 {
		return &usageError{"report: --limit must not be negative"}
	}
	switch format {
	case "text", "markdown", "html":
	case "json":
		c.json = true
	default:
		return &usageError{fmt.Sprintf("report: unknown format %q (want text, markdown, html or json)", format)}
	}
	return m.report(ctx, &c, dbPath, analysis.Options{Actor: actor, Window: window, Limit: limit}, format)
}

// report builds the report from the database at dbPath and prints it.
func (m *Main) report(ctx context.Context, c *common, dbPath string, opts analysis.Options, format string) error {
	db, countryOf, err := openExisting(c, dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	opts.CountryOf = countryOf
	r, err := analysis.Build(ctx, db, opts)
	if err != nil {
		return err
	}
	ropts := render.Options{Database: dbPath, Actor: opts.Actor, Generated: time.Now().UTC().Format("2006-01-02 15:04 MST")}
	switch {
	case c.json:
		enc := json.NewEncoder(m.Stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	case format == "markdown":
		return render.Markdown(m.Stdout, r, ropts)
	case format == "html":
		return render.HTML(m.Stdout, r, ropts)
	}
	return printReport(m.Stdout, r, dbPath)
}

// printReport writes the report for a reader at a terminal.
func printReport(w io.Writer, r *analysis.Report, dbPath string) error {
	fmt.Fprintf(w, "redline report: %d documents, %d statements, %d events, %d time expressions (database %s)\n\n",
		r.Counts.Documents, r.Counts.Statements, r.Counts.Events, r.Counts.Times, dbPath)
	t := r.Totals
	printTimeline(w, r.Timeline, t.Timeline)
	printReversals(w, r.Reversals, t.Reversals)
	fmt.Fprintln(w)
	printGaps(w, r.Gaps, t.Gaps)
	fmt.Fprintln(w)
	if err := printRedlines(w, r.Redlines, t.Redlines, t.Statuses); err != nil {
		return err
	}
	fmt.Fprintln(w)
	if err := printSplits(w, r.Splits, t.Splits); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nPRECEDENTS (%d)\n", len(r.Precedents))
	if len(r.Precedents) == 0 {
		fmt.Fprintln(w, "  base rates are drawn for one actor's patterns: report --actor ID, or redline precedents")
	}
	for _, b := range r.Precedents {
		fmt.Fprintf(w, "  %s\n", b.Text)
	}
	fmt.Fprintf(w, "\nDEADLINES (%s)\n", shown(len(r.Deadlines), t.Deadlines))
	for _, d := range r.Deadlines {
		fmt.Fprintf(w, "  %-10s %-12s %s [doc %s]\n", d.Date.Value, d.Action, quoteText(d.Text, 80), short(d.Doc))
	}
	_, err := fmt.Fprintln(w)
	return err
}

// shown says how many entries a section has and, when a limit left some
// out, how many it shows: "8", or "295109, the latest 50 shown".
func shown(n, total int) string {
	if total > n {
		return fmt.Sprintf("%d, the latest %d shown", total, n)
	}
	return fmt.Sprint(n)
}

// printReversals prints stance reversals, each with both statements, of
// total in all.
func printReversals(w io.Writer, revs []analysis.Reversal, total int) {
	fmt.Fprintf(w, "STANCE REVERSALS (%s)\n", shown(len(revs), total))
	for _, rv := range revs {
		fmt.Fprintf(w, "  %s on %s toward %s: %s (%s) → %s (%s), %d days apart\n",
			oneLine(rv.Speaker.Name, 60), rv.Topic, refName(rv.Target), rv.Before.Stance, rv.Before.Said.Value,
			rv.After.Stance, rv.After.Said.Value, rv.Days)
		fmt.Fprintf(w, "      before: %s\n      after:  %s\n", quoteText(rv.Before.Text, 90), quoteText(rv.After.Text, 90))
	}
}

// printGaps prints say-do gaps, each with its explanation and records, of
// total in all.
func printGaps(w io.Writer, gaps []analysis.Gap, total int) {
	fmt.Fprintf(w, "SAY-DO GAPS (%s)\n", shown(len(gaps), total))
	for _, g := range gaps {
		fmt.Fprintf(w, "  %s\n      said: %s [doc %s]\n      done: %s [doc %s]\n", oneLine(g.Explanation, 160),
			quoteText(g.Statement.Text, 90), short(g.Statement.Doc), quoteText(g.Event.Text, 60), short(g.Event.Doc))
	}
}

// printTimeline prints the timeline grouped by actor, actors in order of
// their first record, of total records in all.
func printTimeline(w io.Writer, entries []analysis.Entry, total int) {
	var order []string
	byActor := map[string][]analysis.Entry{}
	names := map[string]string{}
	for _, e := range entries {
		key := e.Actor.ID
		if key == "" {
			key = "name:" + e.Actor.Name
		}
		if _, ok := byActor[key]; !ok {
			order = append(order, key)
		}
		byActor[key] = append(byActor[key], e)
		names[key] = e.Actor.Name
	}
	if total > len(entries) {
		fmt.Fprintf(w, "TIMELINE (%d records, the latest %d shown, from %d actors)\n", total, len(entries), len(order))
	} else {
		fmt.Fprintf(w, "TIMELINE (%d records, %d actors)\n", len(entries), len(order))
	}
	for _, id := range order {
		label := id
		if strings.HasPrefix(id, "name:") {
			label = "not in the dictionary"
		}
		fmt.Fprintf(w, "  %s [%s]\n", oneLine(names[id], 60), label)
		for _, e := range byActor[id] {
			what := fmt.Sprintf("%s %s", e.Stance, topicOf(e.Topic))
			if e.Kind == "event" {
				what = fmt.Sprintf("%s %s", e.Mode, topicOf(e.Topic))
			}
			verb := "said"
			if e.Kind == "event" {
				verb = "did "
			}
			fmt.Fprintf(w, "    %-10s %-6s %s  %-22s → %-16s %s  [%s s%d]\n", e.Date.Value, e.Date.Grain, verb, oneLine(what, 22),
				oneLine(refName(e.Target), 16), quoteText(e.Text, 60), short(e.Doc), e.Sentence)
		}
	}
	fmt.Fprintln(w)
}

func short(id string) string {
	if len(id) > 8 {
		return id[:8]
	}
	return id
}
