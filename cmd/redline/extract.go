package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"redline"
)

const extractHelp = `Usage: redline extract [flags] PATH...

Reads each PATH (a file, a directory read recursively, or - for standard
input), extracts statements, events, times and deadlines, and prints them
without storing anything. Formats: .txt and .md with optional front matter,
.html, .jsonl.

With --dict petrarch:DIR or --dict tabari:PROJECT, events are coded with
PETRARCH's or TABARI's dictionaries instead of redline's event coder (see
"redline ingest -h").

Flags:
`

func (m *Main) runExtract(ctx context.Context, args []string) error {
	var c common
	fset := flag.NewFlagSet("extract", flag.ContinueOnError)
	fset.SetOutput(m.Stderr)
	fset.Usage = func() { fmt.Fprint(m.Stderr, extractHelp); fset.PrintDefaults() }
	c.register(fset)
	if err := parse(fset, args); err != nil {
		return err
	}
	if fset.NArg() == 0 {
		return &usageError{"extract: no input paths"}
	}
	enc := json.NewEncoder(m.Stdout)
	enc.SetEscapeHTML(false)
	st, err := m.process(ctx, &c, fset.Args(), func(x *redline.Extraction) error {
		if c.json {
			return enc.Encode(x)
		}
		return printExtraction(m.Stdout, x)
	})
	if err != nil {
		return err
	}
	if st.failed > 0 {
		return errPartial
	}
	return nil
}

// printExtraction writes a readable summary of one extraction.
func printExtraction(w io.Writer, x *redline.Extraction) error {
	d := x.Doc
	fmt.Fprintf(w, "== %s  %s  (%s)\n", d.Published.Value, oneLine(d.Title, 70), d.Path)
	for _, st := range x.Statements {
		fmt.Fprintf(w, "  SAY  %-10s %-22s %-9s %-10s %-8s %s\n", st.Said.Value, oneLine(st.Speaker.Name, 22),
			st.Kind, topicOf(st.Topic), st.Stance, quoteText(st.Text, 70))
	}
	for _, ev := range x.Events {
		fmt.Fprintf(w, "  DO   %-10s %-22s %-4s %-9s %-8s → %s\n", ev.Date.Value, oneLine(ev.Actor.Name, 22),
			ev.CAMEO, ev.PLOVER, ev.Mode, refName(ev.Target))
	}
	for _, dl := range x.Deadlines {
		fmt.Fprintf(w, "  DUE  %-10s %s: %s\n", dl.Date.Value, dl.Action, oneLine(dl.Text, 60))
	}
	_, err := fmt.Fprintln(w)
	return err
}

func topicOf(t string) string {
	if t == "" {
		return "-"
	}
	return t
}

func refName(r *redline.ActorRef) string {
	if r == nil {
		return "-"
	}
	return r.Name
}

// oneLine flattens white space, drops control characters (article text
// is untrusted and must not drive the terminal) and cuts s to n runes.
func oneLine(s string, n int) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || (r >= 0x7f && r < 0xa0) {
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func quoteText(s string, n int) string { return "“" + oneLine(s, n) + "”" }
