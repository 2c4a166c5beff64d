package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"time"

	"redline/analysis"
)

// analysisFlags are the flags every single-analysis command takes.
type analysisFlags struct {
	c      common
	dbPath string
	limit  int
}

func (f *analysisFlags) register(fset *flag.FlagSet) {
	fset.BoolVar(&f.c.json, "json", false, "print machine-readable JSON")
	f.c.registerDict(fset)
	fset.StringVar(&f.dbPath, "db", defaultDB, "SQLite database `PATH`")
}

// registerLimit adds --limit to a command that prints one section of the
// report.
func (f *analysisFlags) registerLimit(fset *flag.FlagSet) {
	fset.IntVar(&f.limit, "limit", 0, "print only the `N` latest entries (0 for all)")
}

// section runs one section of the report over the store's digest, reading
// in full only the records it prints, so that it stays fast on a store of
// millions of records.
func (f *analysisFlags) section(ctx context.Context, opts analysis.Options) (*analysis.Report, error) {
	db, countryOf, err := openExisting(&f.c, f.dbPath)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	opts.CountryOf, opts.Limit = countryOf, f.limit
	return analysis.Build(ctx, db, opts)
}

func (m *Main) printJSON(v any) error {
	enc := json.NewEncoder(m.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

const timelineHelp = `Usage: redline timeline --actor ID [--topic T] [--target ID] [flags]

Prints an actor's statements and events ordered by the date said or done
(not published), with the grain of each date, the source document and the
sentence.

Flags:
`

func (m *Main) runTimeline(ctx context.Context, args []string) error {
	var f analysisFlags
	var actor, topic, target string
	fset := flag.NewFlagSet("timeline", flag.ContinueOnError)
	fset.SetOutput(m.Stderr)
	fset.Usage = func() { fmt.Fprint(m.Stderr, timelineHelp); fset.PrintDefaults() }
	f.register(fset)
	fset.StringVar(&actor, "actor", "", "the actor `ID` (e.g. ali-khamenei, IRN)")
	fset.StringVar(&topic, "topic", "", "only this `TOPIC` (negotiate, sanction, attack, ...)")
	fset.StringVar(&target, "target", "", "only records toward this actor `ID`")
	if err := parse(fset, args); err != nil {
		return err
	}
	if actor == "" || fset.NArg() > 0 {
		return &usageError{"timeline: want --actor ID and no arguments"}
	}
	rep, err := f.section(ctx, analysis.Options{Actor: actor, Sections: analysis.SectionTimeline})
	if err != nil {
		return err
	}
	entries := analysis.Filter(rep.Timeline, topic, target)
	if f.c.json {
		return m.printJSON(entries)
	}
	printTimeline(m.Stdout, entries, len(entries))
	return nil
}

const reversalsHelp = `Usage: redline reversals [--window 2160h] [flags]

Prints stance reversals: a speaker whose stance on one topic and target
changed sign between two statements within the window (default 90 days).

Flags:
`

func (m *Main) runReversals(ctx context.Context, args []string) error {
	var f analysisFlags
	var window time.Duration
	fset := flag.NewFlagSet("reversals", flag.ContinueOnError)
	fset.SetOutput(m.Stderr)
	fset.Usage = func() { fmt.Fprint(m.Stderr, reversalsHelp); fset.PrintDefaults() }
	f.register(fset)
	f.registerLimit(fset)
	fset.DurationVar(&window, "window", analysis.DefaultWindow, "longest `INTERVAL` between two statements that counts")
	if err := parse(fset, args); err != nil {
		return err
	}
	rep, err := f.section(ctx, analysis.Options{Window: window, Sections: analysis.SectionReversals})
	if err != nil {
		return err
	}
	if f.c.json {
		return m.printJSON(nonNilSlice(rep.Reversals))
	}
	printReversals(m.Stdout, rep.Reversals, rep.Totals.Reversals)
	return nil
}

const gapsHelp = `Usage: redline gaps [flags]

Prints say-do gaps: a statement against an action while the speaker's side
carried the action out, in overlapping time, each explained with both
records.

Flags:
`

func (m *Main) runGaps(ctx context.Context, args []string) error {
	var f analysisFlags
	fset := flag.NewFlagSet("gaps", flag.ContinueOnError)
	fset.SetOutput(m.Stderr)
	fset.Usage = func() { fmt.Fprint(m.Stderr, gapsHelp); fset.PrintDefaults() }
	f.register(fset)
	f.registerLimit(fset)
	if err := parse(fset, args); err != nil {
		return err
	}
	rep, err := f.section(ctx, analysis.Options{Sections: analysis.SectionGaps})
	if err != nil {
		return err
	}
	if f.c.json {
		return m.printJSON(nonNilSlice(rep.Gaps))
	}
	printGaps(m.Stdout, rep.Gaps, rep.Totals.Gaps)
	return nil
}

// nonNilSlice returns s, or an empty slice for nil, so that JSON prints []
// rather than null.
func nonNilSlice[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
