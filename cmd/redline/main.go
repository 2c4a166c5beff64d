// Command redline reads news and speeches and keeps a dated record of what
// political actors say and do. Run "redline help" for the commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"redline"
)

// Exit codes, documented in README.md.
const (
	exitOK      = 0 // success
	exitError   = 1 // the command failed
	exitUsage   = 2 // bad flags or arguments
	exitPartial = 3 // the command ran, but some inputs could not be read
)

// errPartial reports that some inputs failed; each was already reported.
var errPartial = errors.New("some inputs failed")

// usageError is a mistake in the command line.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := NewMain()
	os.Exit(m.exitCode(m.Run(ctx, os.Args[1:])))
}

// Main is the program: its streams are fields so tests can drive it end
// to end.
type Main struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// Interactive is true when stderr is a terminal: progress is shown.
	Interactive bool
}

// NewMain returns a Main wired to the process's standard streams.
func NewMain() *Main {
	return &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Interactive: isTerminal(os.Stderr)}
}

// Run dispatches to a subcommand.
func (m *Main) Run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(m.Stderr, usage)
		return &usageError{"no command given"}
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "ingest":
		return m.runIngest(ctx, rest)
	case "extract":
		return m.runExtract(ctx, rest)
	case "report":
		return m.runReport(ctx, rest)
	case "timeline":
		return m.runTimeline(ctx, rest)
	case "reversals":
		return m.runReversals(ctx, rest)
	case "gaps":
		return m.runGaps(ctx, rest)
	case "redlines":
		return m.runRedlines(ctx, rest)
	case "splits":
		return m.runSplits(ctx, rest)
	case "precedents":
		return m.runPrecedents(ctx, rest)
	case "deadlines":
		return m.runDeadlines(ctx, rest)
	case "reciprocity":
		return m.runReciprocity(ctx, rest)
	case "simulate":
		return m.runSimulate(ctx, rest)
	case "ach":
		return m.runACH(ctx, rest)
	case "demo":
		return m.runDemo(ctx, rest)
	case "dict":
		return m.runDict(ctx, rest)
	case "eval":
		return m.runEval(ctx, rest)
	case "export":
		return m.runExport(ctx, rest)
	case "serve":
		return m.runServe(ctx, rest)
	case "petrarch":
		return m.runPetrarch(ctx, rest)
	case "version":
		return m.runVersion(rest)
	case "help", "-h", "--help", "-help":
		fmt.Fprint(m.Stdout, usage)
		return nil
	}
	fmt.Fprint(m.Stderr, usage)
	return &usageError{fmt.Sprintf("unknown command %q", cmd)}
}

// exitCode prints err, if any, and maps it to an exit code.
func (m *Main) exitCode(err error) int {
	var ue *usageError
	switch {
	case err == nil || err == errHelp:
		return exitOK
	case errors.Is(err, errPartial):
		fmt.Fprintln(m.Stderr, "redline:", err)
		return exitPartial
	case errors.As(err, &ue):
		fmt.Fprintln(m.Stderr, "redline:", err)
		return exitUsage
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(m.Stderr, "redline: interrupted")
		return exitError
	}
	if code := redline.ErrorCode(err); code != redline.EINTERNAL {
		fmt.Fprintln(m.Stderr, "redline:", redline.ErrorMessage(err))
		if code == redline.EINVALID {
			return exitUsage
		}
		return exitError
	}
	fmt.Fprintln(m.Stderr, "redline:", err)
	return exitError
}

const usage = `redline reads news and speeches and keeps a dated record of what political
actors say and do.

Usage:
  redline <command> [flags] [arguments]

Commands:
  demo      ingest the bundled demo corpus and print a report
  ingest    read files, extract statements, events and times, and store them
  extract   read files and print what was extracted, storing nothing
  report    print timelines, reversals, say-do gaps and deadlines from the store
  timeline  one actor's statements and events by date ("--actor ID [--topic T] [--target ID]")
  reversals stance reversals within a window
  gaps      say-do gaps: words against an action while one's side does it
  redlines  the ledger of firm commitments: held, reaffirmed, softened, crossed
  splits    officials of one state on opposite sides of the same question
  precedents what followed an actor's past statements of a kind, with base rates
  deadlines upcoming deadlines, their consequences, and the scenarios they trigger
  reciprocity how two sides answer each other's actions ("--dyad IRN,USA [--period week|month]")
  simulate  iterated games between strategies: tournament, match, moran, ecosystem, dyad, strategies
  ach       weigh competing hypotheses against evidence ("redline ach score|check FILE")
  dict      check dictionaries ("redline dict check [--dict DIR]")
  export    write stored events as Phoenix TSV, PLOVER JSON, CSV or JSONL
  serve     serve the JSON API and the dashboard ("redline serve [--db PATH] [--addr HOST:PORT]")
  petrarch  code sentences with PETRARCH or TABARI dictionaries ("petrarch code|check --dict SPEC")
  eval      score a stage on gold data ("redline eval timex|quotes|factuality|plover|cameo|petrarch PATH")
  version   print the version

Run "redline <command> -h" for a command's flags.

Exit codes: 0 success, 1 failure, 2 usage error, 3 some inputs failed.
`
