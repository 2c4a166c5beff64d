package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"redline/analysis"
)

const redlinesHelp = `Usage: redline redlines [flags]

Prints the red-line ledger from the store: every firm or absolute commitment
against an action, and every firm threat, with its status over time (held,
reaffirmed, softened, crossed) and the statement or event behind each change.
A red line whose speaker's own side then carried out the action is marked
"opposed but permitted", with the speaker's later statements on the topic.

Flags:
`

const splitsHelp = `Usage: redline splits [flags]

Prints, from the store, actors of the same state who took opposite sides
(favor and against) on the same topic and target within 30 days of each
other: a president signalling openness while the supreme leader rejects talks.

Flags:
`

func (m *Main) runRedlines(ctx context.Context, args []string) error {
	var f analysisFlags
	var actor string
	fset := flag.NewFlagSet("redlines", flag.ContinueOnError)
	fset.SetOutput(m.Stderr)
	fset.Usage = func() { fmt.Fprint(m.Stderr, redlinesHelp); fset.PrintDefaults() }
	f.register(fset)
	f.registerLimit(fset)
	fset.StringVar(&actor, "actor", "", "only this speaker's red lines (an actor `ID`, e.g. ali-khamenei or IRN)")
	if err := parseNoArgs(fset, args, "redlines"); err != nil {
		return err
	}
	rep, err := f.section(ctx, analysis.Options{Actor: actor, Sections: analysis.SectionRedlines})
	if err != nil {
		return err
	}
	if f.c.json {
		return m.printJSON(nonNilSlice(rep.Redlines))
	}
	return printRedlines(m.Stdout, rep.Redlines, rep.Totals.Redlines, nil)
}

func (m *Main) runSplits(ctx context.Context, args []string) error {
	var f analysisFlags
	fset := flag.NewFlagSet("splits", flag.ContinueOnError)
	fset.SetOutput(m.Stderr)
	fset.Usage = func() { fmt.Fprint(m.Stderr, splitsHelp); fset.PrintDefaults() }
	f.register(fset)
	f.registerLimit(fset)
	if err := parseNoArgs(fset, args, "splits"); err != nil {
		return err
	}
	rep, err := f.section(ctx, analysis.Options{Sections: analysis.SectionSplits})
	if err != nil {
		return err
	}
	if f.c.json {
		return m.printJSON(nonNilSlice(rep.Splits))
	}
	return printSplits(m.Stdout, rep.Splits, rep.Totals.Splits)
}

// parseNoArgs parses the flags of a command that takes no operands.
func parseNoArgs(fset *flag.FlagSet, args []string, cmd string) error {
	if err := parse(fset, args); err != nil {
		return err
	}
	if fset.NArg() > 0 {
		return &usageError{cmd + ": unexpected arguments"}
	}
	return nil
}

// printRedlines writes the ledger for a reader at a terminal: lines of
// total in all, and how many of them are in each status (counted from
// lines when statuses is nil).
func printRedlines(w io.Writer, lines []analysis.RedLine, total int, statuses map[string]int) error {
	if statuses == nil {
		statuses = map[string]int{}
		for _, rl := range lines {
			statuses[rl.Status]++
		}
	}
	fmt.Fprintf(w, "RED LINES (%s: %d held, %d reaffirmed, %d softened, %d crossed)\n", shown(len(lines), total),
		statuses[analysis.StatusHeld], statuses[analysis.StatusReaffirmed], statuses[analysis.StatusSoftened], statuses[analysis.StatusCrossed])
	for _, rl := range lines {
		st := rl.Statement
		kind := string(st.Commitment) + " " + string(st.Stance)
		if st.Threat {
			kind += ", threat"
		}
		fmt.Fprintf(w, "  %-10s %-10s %s: %s %s → %s (%s) [doc %s]\n", st.Said.Value, rl.Status, oneLine(st.Speaker.Name, 24),
			kind, st.Topic, refName(st.Target), quoteText(st.Text, 70), short(st.Doc))
		for _, c := range rl.History {
			fmt.Fprintf(w, "      %-10s %-10s %s [doc %s]\n", c.Date.Value, c.Status, oneLine(c.Explanation, 110), short(changeDoc(c)))
		}
		if rl.OpposedButPermitted {
			fmt.Fprintf(w, "      opposed but permitted; %d later statements on %s:\n", len(rl.FollowUps), st.Topic)
			for _, f := range rl.FollowUps {
				fmt.Fprintf(w, "        %-10s %-7s %s [doc %s]\n", f.Said.Value, f.Stance, quoteText(f.Text, 80), short(f.Doc))
			}
		}
	}
	_, err := fmt.Fprintln(w)
	return err
}

func changeDoc(c analysis.StatusChange) string {
	if c.Event != nil {
		return c.Event.Doc
	}
	if c.Statement != nil {
		return c.Statement.Doc
	}
	return ""
}

// printSplits writes the splits for a reader at a terminal, of total in
// all.
func printSplits(w io.Writer, splits []analysis.Split, total int) error {
	fmt.Fprintf(w, "SPLITS (%s)\n", shown(len(splits), total))
	for _, s := range splits {
		fmt.Fprintf(w, "  %s on %s → %s, %d days apart\n", s.Country, s.Topic, refName(s.Target), s.Days)
		fmt.Fprintf(w, "      favor:   %-10s %s: %s [doc %s]\n", s.Favor.Said.Value, oneLine(s.Favor.Speaker.Name, 24),
			quoteText(s.Favor.Text, 80), short(s.Favor.Doc))
		fmt.Fprintf(w, "      against: %-10s %s: %s [doc %s]\n", s.Against.Said.Value, oneLine(s.Against.Speaker.Name, 24),
			quoteText(s.Against.Text, 80), short(s.Against.Doc))
	}
	_, err := fmt.Fprintln(w)
	return err
}
