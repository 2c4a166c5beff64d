package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"redline"
	"redline/eval"
	"redline/timex"
)

const evalHelp = `Usage: redline eval timex [flags] DIR

Scores the time layer on a gold corpus and prints span precision, recall
and F1 (strict and relaxed), value F1 the way TempEval-3 computes it, and
type F1. DIR holds TempEval-3 .tml files (e.g. ../shared/data/time/te3-platinum)
or MEANTIME XML files (e.g. ../shared/data/time/meantime-en); the format is
detected from the files unless --format says.

Flags:
`

func (m *Main) runEval(_ context.Context, args []string) error {
	var asJSON, docs, errs bool
	var format string
	fset := flag.NewFlagSet("eval", flag.ContinueOnError)
	fset.SetOutput(m.Stderr)
	fset.Usage = func() { fmt.Fprint(m.Stderr, evalHelp); fset.PrintDefaults() }
	fset.BoolVar(&asJSON, "json", false, "print the scores as JSON")
	fset.BoolVar(&docs, "docs", false, "also print the scores of each document")
	fset.BoolVar(&errs, "errors", false, "also print every disagreement with the gold")
	fset.StringVar(&format, "format", "", "corpus format: te3 or meantime (default: detect)")
	if len(args) == 0 || args[0] != "timex" {
		fset.Usage()
		return &usageError{"eval: want \"eval timex DIR\""}
	}
	if err := parse(fset, args[1:]); err != nil {
		return err
	}
	if fset.NArg() != 1 {
		return &usageError{"eval timex: want one corpus directory"}
	}
	dir := fset.Arg(0)
	if _, err := os.Stat(dir); err != nil {
		return redline.Errorf(redline.ENOTFOUND, "eval timex: %v", err)
	}
	if format == "" {
		format = detectFormat(dir)
	}
	var sc *eval.TimexScores
	var err error
	switch format {
	case "te3":
		sc, err = eval.TE3(dir, timex.New())
	case "meantime":
		sc, err = eval.MEANTIME(dir, timex.New())
	default:
		return &usageError{fmt.Sprintf("eval timex: unknown format %q (want te3 or meantime)", format)}
	}
	if err != nil {
		return err
	}
	return m.printScores(sc, asJSON, docs, errs)
}

func (m *Main) printScores(sc *eval.TimexScores, asJSON, docs, errs bool) error {
	if asJSON {
		if !errs {
			sc.Errors = nil
		}
		if !docs {
			sc.Docs = nil
		}
		enc := json.NewEncoder(m.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(sc)
	}
	if err := sc.Fprint(m.Stdout); err != nil {
		return err
	}
	if docs {
		if err := sc.FprintDocs(m.Stdout); err != nil {
			return err
		}
	}
	if errs {
		return sc.FprintErrors(m.Stdout)
	}
	return nil
}

// detectFormat returns te3 when dir holds .tml files, else meantime.
func detectFormat(dir string) string {
	found := "meantime"
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".tml") {
			found = "te3"
			return fs.SkipAll
		}
		return nil
	})
	return found
}
