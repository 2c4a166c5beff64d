package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
	"unicode"

	"redline"
	"redline/ach"
)

const achHelp = `Usage: redline ach score FILE [--db PATH] [--dict DIR] [--json]
       redline ach check FILE [--db PATH] [--dict DIR]

Weighs competing hypotheses against evidence (Analysis of Competing
Hypotheses). FILE is YAML: a question, the hypotheses, and the evidence,
either rated by the analyst or drawn from the store by a query whose
matches are rated by the file's rules until the analyst confirms or
overrides them (see examples/ach/README.md).

score prints the matrix (* marks a suggested rating), PARC inconsistency
and weighted inconsistency, the posterior, each item's diagnosticity,
the items whose removal changes the leading hypothesis, and the
indicators to watch. The store is read only when FILE has queries.

check validates FILE and prints every problem as file:line: message;
with --db it also runs the queries and reports reviews that name no
matched record. It exits 1 when there are problems.

Flags:
`

// maxACHFile bounds the size of an ACH file read into memory.
const maxACHFile = 16 << 20

func (m *Main) runACH(ctx context.Context, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "score":
			return m.achScore(ctx, args[1:])
		case "check":
			return m.achCheck(ctx, args[1:])
		case "-h", "-help", "--help", "help":
			fmt.Fprint(m.Stdout, achHelp)
			return nil
		}
	}
	fmt.Fprint(m.Stderr, achHelp)
	return &usageError{"ach: want \"ach score FILE\" or \"ach check FILE\""}
}

// achFlags returns the flag set of an ach sub-command: --db and --dict,
// and --json for score.
func (m *Main) achFlags(name string, f *analysisFlags) *flag.FlagSet {
	fset := flag.NewFlagSet("ach "+name, flag.ContinueOnError)
	fset.SetOutput(m.Stderr)
	fset.Usage = func() { fmt.Fprint(m.Stderr, achHelp); fset.PrintDefaults() }
	if name == "score" {
		f.register(fset)
		return fset
	}
	f.c.registerDict(fset)
	fset.StringVar(&f.dbPath, "db", defaultDB, "SQLite database `PATH`; check runs the queries only when it is given")
	return fset
}

// parseAround parses flags written before or after the arguments
// ("ach score FILE --json") and returns the arguments.
func parseAround(fset *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := parse(fset, args); err != nil {
			return nil, err
		}
		args = fset.Args()
		if len(args) == 0 {
			return rest, nil
		}
		rest, args = append(rest, args[0]), args[1:]
	}
}

func (m *Main) achScore(ctx context.Context, args []string) error {
	var f analysisFlags
	fset := m.achFlags("score", &f)
	paths, err := parseAround(fset, args)
	if err != nil {
		return err
	}
	if len(paths) != 1 {
		return &usageError{"ach score: want one FILE"}
	}
	file, err := readACH(paths[0])
	var pl redline.ProblemList
	if errors.As(err, &pl) {
		return redline.Errorf(redline.EINVALID, "%s", achText(pl.Error(), -1))
	} else if err != nil {
		return err
	}
	mx, err := m.achMatrix(ctx, &f, file)
	if err != nil {
		return err
	}
	res := ach.Score(mx)
	for _, w := range res.Warnings {
		fmt.Fprintln(m.Stderr, "redline: warning:", achText(w, 0))
	}
	if f.c.json {
		return m.printJSON(res)
	}
	return printACH(m.Stdout, res)
}

func (m *Main) achCheck(ctx context.Context, args []string) error {
	var f analysisFlags
	fset := m.achFlags("check", &f)
	paths, err := parseAround(fset, args)
	if err != nil {
		return err
	}
	if len(paths) != 1 {
		return &usageError{"ach check: want one FILE"}
	}
	file, err := readACH(paths[0])
	var pl redline.ProblemList
	if errors.As(err, &pl) {
		for _, p := range pl {
			fmt.Fprintln(m.Stdout, achText(p.Error(), 0))
		}
		return fmt.Errorf("%s: %s", paths[0], plural(len(pl), "problem"))
	} else if err != nil {
		return err
	}
	summary := fmt.Sprintf("%s ok: %d hypotheses, %d evidence entries (%d store queries)",
		paths[0], len(file.Hypotheses), len(file.Evidence), file.Queries())
	dbGiven := false
	fset.Visit(func(fl *flag.Flag) { dbGiven = dbGiven || fl.Name == "db" })
	if dbGiven && file.Queries() > 0 {
		mx, err := m.achMatrix(ctx, &f, file)
		if err != nil {
			return err
		}
		for _, w := range mx.Warnings {
			fmt.Fprintln(m.Stdout, achText(w.Error(), 0))
		}
		if len(mx.Warnings) > 0 {
			return fmt.Errorf("%s: %s", paths[0], plural(len(mx.Warnings), "problem"))
		}
		summary += fmt.Sprintf("; %s from the store, %s matched nothing", plural(countFromStore(mx.Items), "item"), plural(countQueries(mx.Pending), "query"))
	}
	fmt.Fprintln(m.Stdout, summary)
	return nil
}

func countFromStore(items []ach.Item) int {
	n := 0
	for _, it := range items {
		if it.Record != nil {
			n++
		}
	}
	return n
}

func countQueries(items []ach.Item) int {
	n := 0
	for _, it := range items {
		if it.Query != nil {
			n++
		}
	}
	return n
}

// readACH reads and parses an ACH file. A file with problems gives the
// redline.ProblemList of ach.Parse.
func readACH(path string) (*ach.File, error) {
	fh, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, redline.Errorf(redline.ENOTFOUND, "%s: no such file", path)
	} else if err != nil {
		return nil, err
	}
	defer fh.Close()
	b, err := io.ReadAll(io.LimitReader(fh, maxACHFile+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(b) > maxACHFile {
		return nil, redline.Errorf(redline.EINVALID, "%s: larger than %d MiB", path, maxACHFile>>20)
	}
	return ach.Parse(path, b)
}

// achMatrix builds the matrix of file, opening the store only when the
// file queries it.
func (m *Main) achMatrix(ctx context.Context, f *analysisFlags, file *ach.File) (*ach.Matrix, error) {
	if file.Queries() == 0 {
		return ach.Build(ctx, file, nil, nil)
	}
	db, countryOf, err := openExisting(&f.c, f.dbPath)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return ach.Build(ctx, file, db, countryOf)
}

// achText makes text from a file or the store safe to print: no control
// or bidirectional formatting characters, white space flattened, cut to n
// runes (n 0: no cut). n -1 keeps line breaks, for lists of problems.
func achText(s string, n int) string {
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029' {
			return -1
		}
		return r
	}, s)
	if n < 0 {
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			lines[i] = oneLine(l, len(l)+1)
		}
		return strings.Join(lines, "\n")
	}
	if n == 0 {
		n = len(s) + 1
	}
	return oneLine(s, n)
}

// printACH writes the matrix and every score.
func printACH(w io.Writer, r *ach.Result) error {
	fmt.Fprintf(w, "QUESTION  %s\n\nHYPOTHESES\n", achText(r.Question, 0))
	hw := 0
	for _, h := range r.Hypotheses {
		hw = max(hw, len(h.ID))
	}
	for _, h := range r.Hypotheses {
		fmt.Fprintf(w, "  %-*s  prior %.3f  %s\n", hw, h.ID, h.Prior, wrap(achText(h.Text, 600), 72, hw+17))
	}
	printACHMatrix(w, r)
	printScores(w, r, hw)
	printDiagnosticity(w, r)
	printSensitivity(w, r)
	printIndicators(w, r)
	return nil
}

func printACHMatrix(w io.Writer, r *ach.Result) {
	suggested := 0
	for _, e := range r.Evidence {
		if e.Suggested {
			suggested++
		}
	}
	fmt.Fprintf(w, "\nMATRIX (%s, %d from the store; * marks a rating suggested by a rule: %d not yet confirmed)\n",
		plural(len(r.Evidence), "item"), countRecords(r.Evidence), suggested)
	iw := len("item")
	for _, e := range r.Evidence {
		iw = max(iw, len(e.ID))
	}
	iw = min(iw, 32)
	fmt.Fprintf(w, "  %-*s  cred rel ", iw, "item")
	for _, h := range r.Hypotheses {
		fmt.Fprintf(w, " %-*s", cellWidth(h.ID), h.ID)
	}
	fmt.Fprintln(w, "  evidence")
	for _, e := range r.Evidence {
		fmt.Fprintf(w, "  %-*s  %-4s %-4s", iw, achText(e.ID, iw), e.Credibility.Abbrev(), e.Relevance.Abbrev())
		for _, h := range r.Hypotheses {
			cell := string(e.Ratings[h.ID])
			if e.Suggested {
				cell += "*"
			}
			fmt.Fprintf(w, " %-*s", cellWidth(h.ID), cell)
		}
		fmt.Fprintf(w, "  %s\n", describeItem(e, 80))
	}
}

func countRecords(items []ach.ItemScore) int {
	n := 0
	for _, e := range items {
		if e.Record != nil {
			n++
		}
	}
	return n
}

func cellWidth(id string) int { return max(len(id), 3) }

// describeItem is one line on an item: its date, and who said or did what for
// an item from the store.
func describeItem(e ach.ItemScore, n int) string {
	var b strings.Builder
	if e.Date != "" {
		b.WriteString(e.Date + " ")
	}
	if rec := e.Record; rec != nil {
		how := string(rec.Stance)
		if rec.Kind == "event" {
			how = string(rec.Mode)
		}
		fmt.Fprintf(&b, "%s: %s %s", rec.Actor, how, orDash(rec.Topic))
		if rec.Target != "" {
			b.WriteString(" → " + rec.Target)
		}
		head := achText(b.String(), 0)
		return head + " " + quoteText(e.Text, max(n-len([]rune(head)), 24))
	}
	b.WriteString(e.Text)
	return achText(b.String(), n)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func printScores(w io.Writer, r *ach.Result, hw int) {
	hw = max(hw, len("hypothesis"))
	fmt.Fprintln(w, "\nSCORES (PARC: I = -1, II = -2, weighted by credibility x relevance, closest to 0 leads; posterior from the ratings as likelihoods)")
	fmt.Fprintf(w, "  %-*s  inconsistency  weighted  rank  posterior  rank\n", hw, "hypothesis")
	for _, h := range r.Hypotheses {
		fmt.Fprintf(w, "  %-*s  %13d  %8.4f  %4d  %9.3f  %4d\n", hw, h.ID, h.Inconsistency, h.WeightedInconsistency, h.Rank, h.Posterior, h.PosteriorRank)
	}
	fmt.Fprintf(w, "  PARC leader: %s. Posterior leader: %s.\n", leaders(r.Leaders.PARC), leaders(r.Leaders.Posterior))
}

func leaders(ids []string) string {
	if len(ids) > 1 {
		return strings.Join(ids, " and ") + " (tied)"
	}
	return strings.Join(ids, "")
}

func printDiagnosticity(w io.Writer, r *ach.Result) {
	fmt.Fprintln(w, "\nDIAGNOSTICITY (largest shift in log odds between two hypotheses; most diagnostic first)")
	items := slices.Clone(r.Evidence)
	slices.SortStableFunc(items, func(a, b ach.ItemScore) int {
		switch {
		case a.Diagnosticity > b.Diagnosticity:
			return -1
		case a.Diagnosticity < b.Diagnosticity:
			return 1
		}
		return 0
	})
	var flat []string
	for _, e := range items {
		if e.Diagnosticity < 1e-9 {
			flat = append(flat, e.ID)
			continue
		}
		fmt.Fprintf(w, "  %5.2f  %s\n", e.Diagnosticity, e.ID)
	}
	if len(flat) > 0 {
		tell := "tell"
		if len(flat) == 1 {
			tell = "tells"
		}
		fmt.Fprintf(w, "  %s %s no hypothesis from another (0): %s\n", plural(len(flat), "item"), tell, wrap(strings.Join(flat, ", "), 96, 4))
	}
}

func printSensitivity(w io.Writer, r *ach.Result) {
	fmt.Fprintln(w, "\nSENSITIVITY (each item left out in turn)")
	var top ach.Sensitivity
	changed := 0
	for _, s := range r.Sensitivity {
		if s.PosteriorShift > top.PosteriorShift {
			top = s
		}
		if !s.ChangesPARC && !s.ChangesPosterior {
			continue
		}
		changed++
		fmt.Fprintf(w, "  without %s: PARC leader %s; posterior leader %s; posterior moves by up to %.3f\n", s.ID,
			leaderChange(s.PARCLeaders, r.Leaders.PARC), leaderChange(s.PosteriorLeaders, r.Leaders.Posterior), s.PosteriorShift)
	}
	if changed == 0 {
		fmt.Fprintln(w, "  no single item changes a leader")
	} else {
		fmt.Fprintf(w, "  no other single item changes a leader\n")
	}
	if top.ID != "" {
		fmt.Fprintf(w, "  the posterior moves most without %s (by %.3f)\n", top.ID, top.PosteriorShift)
	}
}

func leaderChange(now, was []string) string {
	if slices.Equal(now, was) {
		return leaders(now) + " (unchanged)"
	}
	return leaders(now) + " (was " + leaders(was) + ")"
}

func printIndicators(w io.Writer, r *ach.Result) {
	fmt.Fprintln(w, "\nINDICATORS TO WATCH (not observed yet; most discriminating first)")
	if len(r.Indicators) == 0 {
		fmt.Fprintln(w, "  none: every query matched records and no entry is marked watch")
	}
	for _, in := range r.Indicators {
		what := "watch"
		if in.Query != nil {
			what = "query " + in.Query.String() + " matched no record"
		}
		fmt.Fprintf(w, "  %5.2f  %s  %s\n", in.Diagnosticity, in.ID, achText(what, 120))
		if in.Text != "" {
			fmt.Fprintf(w, "         %s\n", achText(in.Text, 100))
		}
		var cells []string
		for _, h := range r.Hypotheses {
			cells = append(cells, h.ID+" "+string(in.Ratings[h.ID]))
		}
		fmt.Fprintf(w, "         would rate: %s\n", strings.Join(cells, ", "))
	}
}

// wrap breaks s into lines of at most width runes at spaces, indenting
// every line after the first by indent spaces.
func wrap(s string, width, indent int) string {
	var b strings.Builder
	n := 0
	for i, word := range strings.Fields(s) {
		l := len([]rune(word))
		switch {
		case i == 0:
		case n+1+l > width:
			b.WriteString("\n" + strings.Repeat(" ", indent))
			n = 0
		default:
			b.WriteByte(' ')
			n++
		}
		b.WriteString(word)
		n += l
	}
	return b.String()
}
