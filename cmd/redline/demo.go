package main

import (
	"context"
	"flag"
	"fmt"
	"runtime"

	"redline"
	"redline/analysis"
	"redline/examples"
	"redline/ingest"
)

const demoHelp = `Usage: redline demo [flags]

Ingests the demo corpus bundled in the binary (articles on Iran and the
United States, North Korea and the United States, and Russia and Ukraine)
into a SQLite database and prints the report. Running it again adds nothing:
documents already stored are skipped.

Flags:
`

func (m *Main) runDemo(ctx context.Context, args []string) error {
	c := common{workers: runtime.NumCPU()}
	var dbPath string
	fset := flag.NewFlagSet("demo", flag.ContinueOnError)
	fset.SetOutput(m.Stderr)
	fset.Usage = func() { fmt.Fprint(m.Stderr, demoHelp); fset.PrintDefaults() }
	fset.BoolVar(&c.json, "json", false, "print the report as JSON")
	fset.StringVar(&dbPath, "db", "redline-demo.db", "SQLite database `PATH`")
	fset.IntVar(&c.workers, "workers", runtime.NumCPU(), "extraction workers")
	if err := parse(fset, args); err != nil {
		return err
	}
	st, err := m.ingestFrom(ctx, &c, dbPath, func(fn func(*redline.Document, error) error) error {
		return ingest.ReadFS(ctx, examples.Corpus, ".", ingest.Options{}, fn)
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stderr, "demo: read %d documents (%d new, %d already stored, %d failed) into %s\n",
		st.docs, st.stored, st.skipped, st.failed, dbPath)
	if err := m.report(ctx, &c, dbPath, analysis.Options{}, "text"); err != nil {
		return err
	}
	if st.failed > 0 {
		return errPartial
	}
	return nil
}
