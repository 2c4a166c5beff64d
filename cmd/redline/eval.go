package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"redline"
	"redline/dict"
	"redline/eval"
	"redline/extract"
	"redline/timex"
)

const evalHelp = `Usage: redline eval timex|quotes|factuality|plover|cameo [flags] PATH

Scores a stage of redline on a gold corpus and prints the scores.

  timex       time expressions: span precision, recall and F1 (strict and
              relaxed), value F1 the way TempEval-3 computes it, type F1.
              DIR holds TempEval-3 .tml files (../shared/data/time/te3-platinum)
              or MEANTIME XML (../shared/data/time/meantime-en); the format is
              detected unless --format says.
  quotes      statements on MEANTIME: how many gold speech events with a
              speaker were found, and whether the speaker is right.
  factuality  certainty, polarity and future of MEANTIME's events: F1 of the
              non-certain and negated classes, beside a naive baseline.
  plover      events on the PLOVER gold records
              (../shared/data/eventcoding/plover/PLOVER_GSR_CAMEO.shared.json):
              category accuracy, source and target accuracy, recall, extras.
  cameo       events on the CAMEO codebook's example sentences
              (../shared/data/eventcoding/icews/cameo-codes.csv): root-code
              and 3-digit accuracy, recall, extras.
  petrarch    a PETRARCH, UD-PETRARCH or TABARI validation file with their
              dictionaries ("redline eval petrarch -h").

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
	if len(args) > 0 && args[0] == "petrarch" {
		return m.evalPetrarch(args[1:])
	}
	if len(args) == 0 || !evaluations[args[0]] {
		fset.Usage()
		return &usageError{"eval: want \"eval timex|quotes|factuality|plover|cameo PATH\""}
	}
	what := args[0]
	if err := parse(fset, args[1:]); err != nil {
		return err
	}
	if fset.NArg() != 1 {
		return &usageError{fmt.Sprintf("eval %s: want one corpus path", what)}
	}
	dir := fset.Arg(0)
	if _, err := os.Stat(dir); err != nil {
		return redline.Errorf(redline.ENOTFOUND, "eval %s: %v", what, err)
	}
	switch what {
	case "quotes":
		return m.evalQuotes(dir, asJSON, docs, errs)
	case "factuality":
		return m.evalFactuality(dir, asJSON, errs)
	case "plover", "cameo":
		return m.evalEvents(what, dir, asJSON, errs)
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

// evaluations are the stages "redline eval" scores.
var evaluations = map[string]bool{"timex": true, "quotes": true, "factuality": true, "plover": true, "cameo": true}

func (m *Main) evalEvents(what, path string, asJSON, errs bool) error {
	p, err := extract.Load(dict.FS)
	if err != nil {
		return err
	}
	score := eval.PLOVER
	if what == "cameo" {
		score = eval.CAMEO
	}
	sc, err := score(path, p)
	if err != nil {
		return err
	}
	if !errs {
		sc.Errors = nil
	}
	return m.print(sc, asJSON, errs)
}

// scores is what every evaluation prints.
type scores interface {
	Fprint(w io.Writer) error
	FprintErrors(w io.Writer) error
}

func (m *Main) evalQuotes(dir string, asJSON, docs, errs bool) error {
	p, err := extract.Load(dict.FS)
	if err != nil {
		return err
	}
	sc, err := eval.Quotes(dir, p)
	if err != nil {
		return err
	}
	if !errs {
		sc.Errors = nil
	}
	if !docs {
		sc.Docs = nil
	}
	if err := m.print(sc, asJSON, errs); err != nil {
		return err
	}
	if docs && !asJSON {
		return sc.FprintDocs(m.Stdout)
	}
	return nil
}

func (m *Main) evalFactuality(dir string, asJSON, errs bool) error {
	sc, err := eval.Factuality(dir)
	if err != nil {
		return err
	}
	if !errs {
		sc.Errors = nil
	}
	return m.print(sc, asJSON, errs)
}

// print writes scores as JSON or as tables, with the error list when asked.
func (m *Main) print(sc scores, asJSON, errs bool) error {
	if asJSON {
		enc := json.NewEncoder(m.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(sc)
	}
	if err := sc.Fprint(m.Stdout); err != nil {
		return err
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
