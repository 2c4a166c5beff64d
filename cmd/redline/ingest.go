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

With --dict petrarch:DIR or --dict tabari:PROJECT, events are coded with
PETRARCH's or TABARI's dictionaries (as "redline petrarch code" codes
them) instead of redline's event coder, one sentence at a time; redline's
dictionaries still find speakers, statements and times, and date each
event. An event's actor is its PETRARCH code's state and first role
("USAGOV" is USA, sector GOV) with the whole code as its name; see
README.md for what else differs. Dictionary lines that cannot be read
are reported as file:line and skipped. A database holds the events of
one coder only: ingesting with the other is refused.

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
	p, err := c.pipeline(m.Stderr)
	if err != nil {
		return nil, err
	}
	db, err := openDB(dbPath, p.Actors.CountryOf)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	stored, skipped := 0, 0
	claimed := false // the store is claimed for the coder at the first document, so that a run that reads none leaves it as it was
	st, err := m.processFrom(ctx, c, read, func(x *redline.Extraction) error {
		if !claimed {
			if err := claimCoder(ctx, db, dbPath, c.coder()); err != nil {
				return err
			}
			claimed = true
		}
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

// claimCoder records in the store which coder's events it holds, and
// refuses events of the other. redline's coder and PETRARCH's name actors
// differently ("ali-khamenei", "IRNGOV") and code by different rules, so
// analyses over a mix would count one deed twice or set unlike records
// side by side; and a document stored already would be skipped, keeping
// the first coder's events, with no word said.
func claimCoder(ctx context.Context, db *sqlite.DB, path, coder string) error {
	got, err := db.ClaimSetting(ctx, "event_coder", coder)
	if err != nil {
		return fmt.Errorf("open database %s: %w", path, err)
	}
	if got == coder {
		return nil
	}
	if got == coderPetrarch {
		return redline.Errorf(redline.ECONFLICT, "database %s holds events coded with PETRARCH or TABARI dictionaries; "+
			"code with them again (--dict petrarch:DIR or tabari:PROJECT), or ingest into another database (--db PATH)", path)
	}
	return redline.Errorf(redline.ECONFLICT, "database %s holds events of redline's own event coder, "+
		"which cannot be mixed with events coded with PETRARCH or TABARI dictionaries: ingest into another database (--db PATH)", path)
}

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
