package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"redline"
	"redline/export"
)

const exportHelp = `Usage: redline export [flags]

Writes the stored events to stdout in a format other tools load:
  phoenix  the Phoenix/PETRARCH tab-separated layout, no header
  plover   PLOVER JSON records, one per line
  csv      a header and one row per event
  jsonl    one redline event object per line

Flags:
`

func (m *Main) runExport(ctx context.Context, args []string) error {
	var c common
	var dbPath, format, actor string
	fset := flag.NewFlagSet("export", flag.ContinueOnError)
	fset.SetOutput(m.Stderr)
	fset.Usage = func() { fmt.Fprint(m.Stderr, exportHelp); fset.PrintDefaults() }
	fset.StringVar(&dbPath, "db", defaultDB, "SQLite database `PATH`")
	fset.StringVar(&format, "format", "jsonl", "output `FORMAT`: "+strings.Join(export.Formats(), ", "))
	fset.StringVar(&actor, "actor", "", "only events by this actor `ID`")
	c.registerDict(fset)
	if err := parse(fset, args); err != nil {
		return err
	}
	if fset.NArg() > 0 {
		return &usageError{"export: unexpected arguments"}
	}
	known := false
	for _, f := range export.Formats() {
		known = known || f == format
	}
	if !known {
		return &usageError{fmt.Sprintf("export: unknown format %q (want %s)", format, strings.Join(export.Formats(), ", "))}
	}
	db, countryOf, err := openExisting(&c, dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	evs, err := db.Events(ctx, redline.EventFilter{Actor: actor})
	if err != nil {
		return err
	}
	docs, err := db.Documents(ctx, redline.DocumentFilter{})
	if err != nil {
		return err
	}
	byID := make(map[string]redline.Document, len(docs))
	for _, d := range docs {
		byID[d.ID] = d
	}
	enc := &export.Encoder{Format: format, Country: countryOf}
	return enc.Encode(m.Stdout, evs, byID)
}
