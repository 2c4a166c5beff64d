package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"time"

	"redline"
	"redline/analysis"
	"redline/sqlite"
)

// analysisFlags are the flags every single-analysis command takes.
type analysisFlags struct {
	c      common
	dbPath string
}

func (f *analysisFlags) register(fset *flag.FlagSet) {
	fset.BoolVar(&f.c.json, "json", false, "print machine-readable JSON")
	fset.StringVar(&f.c.dictDir, "dict", "", "read dictionaries from `DIR` instead of the embedded ones")
	fset.StringVar(&f.dbPath, "db", defaultDB, "SQLite database `PATH`")
}

// records opens the store and reads every statement and event, with the
// country lookup of the dictionaries.
func (f *analysisFlags) records(ctx context.Context) ([]redline.Statement, []redline.Event, func(string) string, *sqlite.DB, error) {
	db, countryOf, err := openExisting(&f.c, f.dbPath)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	stmts, err := db.Statements(ctx, redline.StatementFilter{})
	if err == nil {
		var evs []redline.Event
		if evs, err = db.Events(ctx, redline.EventFilter{}); err == nil {
			return stmts, evs, countryOf, db, nil
		}
	}
	db.Close()
	return nil, nil, nil, nil, err
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
	stmts, evs, _, db, err := f.records(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	entries := analysis.Filter(analysis.Timeline(stmts, evs, actor), topic, target)
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
	fset.DurationVar(&window, "window", analysis.DefaultWindow, "longest `INTERVAL` between two statements that counts")
	if err := parse(fset, args); err != nil {
		return err
	}
	stmts, _, _, db, err := f.records(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	revs := analysis.Reversals(stmts, window)
	if f.c.json {
		return m.printJSON(revs)
	}
	printReversals(m.Stdout, revs, len(revs))
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
	if err := parse(fset, args); err != nil {
		return err
	}
	stmts, evs, countryOf, db, err := f.records(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	gaps := analysis.Gaps(stmts, evs, countryOf)
	if f.c.json {
		return m.printJSON(gaps)
	}
	printGaps(m.Stdout, gaps, len(gaps))
	return nil
}
