package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"redline"
	"redline/actor"
	"redline/ingest"
	"redline/sqlite"
)

const ingestHelp = `Usage: redline ingest [flags] PATH...

Reads each PATH (a file, a directory read recursively, or - for standard
input), extracts statements, events, times and deadlines, and stores them.
A document already stored (same text) is skipped, so re-ingesting is safe.

Flags:
`

func (m *Main) runIngest(ctx context.Context, args []string) error {
	var c common
	var dbPath string
	fset := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fset.SetOutput(m.Stderr)
	fset.Usage = func() { fmt.Fprint(m.Stderr, ingestHelp); fset.PrintDefaults() }
	c.register(fset)
	fset.StringVar(&dbPath, "db", defaultDB, "SQLite database `PATH`")
	if err := parse(fset, args); err != nil {
		return err
	}
	if fset.NArg() == 0 {
		return &usageError{"ingest: no input paths"}
	}
	st, err := m.ingest(ctx, &c, dbPath, fset.Args())
	if err != nil {
		return err
	}
	if c.json {
		enc := json.NewEncoder(m.Stdout)
		if err := enc.Encode(ingestSummary(st, dbPath)); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(m.Stdout, "read %d documents (%d new, %d already stored, %d failed): %d statements, %d events, %d time expressions; database %s\n",
			st.docs, st.stored, st.skipped, st.failed, st.statements, st.events, st.times, dbPath)
	}
	if st.failed > 0 {
		return errPartial
	}
	return nil
}

// ingest extracts every input and stores it in the database at dbPath.
func (m *Main) ingest(ctx context.Context, c *common, dbPath string, paths []string) (*runStats, error) {
	opts, err := c.ingestOptions()
	if err != nil {
		return nil, err
	}
	return m.ingestFrom(ctx, c, dbPath, func(fn func(*redline.Document, error) error) error {
		for _, path := range paths {
			if err := ingest.Read(ctx, path, m.Stdin, opts, fn); err != nil {
				return err
			}
		}
		return nil
	})
}

// ingestFrom stores the extractions of every document read provides.
func (m *Main) ingestFrom(ctx context.Context, c *common, dbPath string, read func(func(*redline.Document, error) error) error) (*runStats, error) {
	p, err := c.pipeline()
	if err != nil {
		return nil, err
	}
	db, err := openDB(dbPath, p.Actors.CountryOf)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	stored, skipped := 0, 0
	st, err := m.processFrom(ctx, c, read, func(x *redline.Extraction) error {
		created, err := db.SaveExtraction(ctx, x)
		if err != nil {
			return fmt.Errorf("store %s: %w", x.Doc.Path, err)
		}
		if created {
			stored++
		} else {
			skipped++
		}
		return nil
	})
	if st != nil {
		st.stored, st.skipped = stored, skipped
	}
	return st, err
}

const defaultDB = "redline.db"

// openExisting opens a database that must already exist, for reading
// commands, with the country lookup of the actor dictionary. It loads only
// the actors, not the whole pipeline.
func openExisting(c *common, path string) (*sqlite.DB, func(string) string, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, nil, redline.Errorf(redline.ENOTFOUND, "no database at %s (run \"redline ingest\" or \"redline demo\" first)", path)
	}
	g, err := actor.Load(c.dictFS())
	if err != nil {
		return nil, nil, fmt.Errorf("actor dictionary:\n%w", err)
	}
	db, err := openDB(path, g.CountryOf)
	if err != nil {
		return nil, nil, err
	}
	return db, g.CountryOf, nil
}

func openDB(path string, countryOf func(string) string) (*sqlite.DB, error) {
	db := sqlite.NewDB(path)
	db.CountryOf = countryOf
	if err := db.Open(); err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return db, nil
}

type summary struct {
	Documents  int    `json:"documents"`
	New        int    `json:"new"`
	Skipped    int    `json:"already_stored"`
	Failed     int    `json:"failed"`
	Statements int    `json:"statements"`
	Events     int    `json:"events"`
	Times      int    `json:"times"`
	Database   string `json:"database"`
}

func ingestSummary(st *runStats, db string) summary {
	return summary{st.docs, st.stored, st.skipped, st.failed, st.statements, st.events, st.times, db}
}
