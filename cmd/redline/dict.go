package main

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"redline/actor"
	"redline/verb"
)

const dictHelp = `Usage: redline dict check [--dict DIR]

Validates the dictionaries (the embedded ones, or those in DIR) and prints
every problem as file:line: message. Exits 1 when there are problems.

Flags:
`

func (m *Main) runDict(_ context.Context, args []string) error {
	var c common
	fset := flag.NewFlagSet("dict", flag.ContinueOnError)
	fset.SetOutput(m.Stderr)
	fset.Usage = func() { fmt.Fprint(m.Stderr, dictHelp); fset.PrintDefaults() }
	fset.Var(&c.dict, "dict", "dictionary `DIR` to check instead of the embedded one")
	if len(args) == 0 || args[0] != "check" {
		fset.Usage()
		return &usageError{"dict: want \"dict check\""}
	}
	if err := parse(fset, args[1:]); err != nil {
		return err
	}
	if c.dict.events != "" {
		return &usageError{fmt.Sprintf("dict check reads redline's dictionaries; check %s with \"redline petrarch check --dict %s\"", c.dict.events, c.dict.events)}
	}
	fsys := c.dictFS()
	var problems []error
	g, err := actor.Load(fsys)
	if err != nil {
		problems = append(problems, err)
	}
	if _, err := verb.Load(fsys); err != nil {
		problems = append(problems, err)
	}
	if len(problems) > 0 {
		fmt.Fprintln(m.Stdout, errors.Join(problems...))
		return fmt.Errorf("dictionaries have problems")
	}
	fmt.Fprintf(m.Stdout, "dictionaries ok: %d actors\n", len(g.Actors()))
	return nil
}
