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
	"redline/petrarch"
	"redline/petrarch/validate"
	"redline/verb"
)

const petrarchHelp = `Usage: redline petrarch code  --dict SPEC [--format events|phoenix|json] [--actor-text] [--event-text] [--date YYYYMMDD] [--ud] FILE...
       redline petrarch check --dict SPEC

Codes sentences with the dictionaries of the PETRARCH or TABARI event
coders, from their raw text (a parse, if the input has one, is not read).

  code   reads PETRARCH input files (<Sentence date= id= source=> with
         <Text>) or, with --date, plain text with one sentence per line,
         and writes PETRARCH-2's event lines (--format events, the
         default), the 26 Phoenix columns (--format phoenix) or one JSON
         object per sentence (--format json).
  check  loads the dictionaries and prints every problem as
         file:line: message.

SPEC is petrarch:DIR (the files DIR/PETR_config.ini names, else
CAMEO.2.0.txt and the Phoenix actor, agent, discard and issue files) or
tabari:PROJECT (the files a TABARI .project names). The file flags name
files directly and override SPEC.

Flags:
`

// parseAnywhere parses flags that may come before or after the
// arguments ("eval petrarch RECORDS --dict ..."), and returns the
// arguments.
func parseAnywhere(fset *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := parse(fset, args); err != nil {
			return nil, err
		}
		if fset.NArg() == 0 {
			return rest, nil
		}
		rest = append(rest, fset.Arg(0))
		args = fset.Args()[1:]
	}
}

// dictFlags are the flags that choose PETRARCH or TABARI dictionaries.
type dictFlags struct {
	spec                                              string
	verbs, actors, agents, discards, issues, ontology string
}

func (f *dictFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.spec, "dict", "", "dictionaries: petrarch:DIR or tabari:PROJECT")
	fs.StringVar(&f.verbs, "verbs", "", "verb dictionary `FILE`")
	fs.StringVar(&f.actors, "actors", "", "actor dictionary `FILES`, comma-separated")
	fs.StringVar(&f.agents, "agents", "", "agent dictionary `FILES`, comma-separated")
	fs.StringVar(&f.discards, "discards", "", "discard list `FILE`")
	fs.StringVar(&f.issues, "issues", "", "issue list `FILE`")
	fs.StringVar(&f.ontology, "ontology", "", "UD-PETRARCH internal coding ontology `FILE`")
}

// files resolves the flags to dictionary files in the file system of the
// root directory. env, when not nil, names the files of a validation
// suite, read in the petrarch:DIR directory.
func (f *dictFlags) files(env *petrarch.Files) (petrarch.Files, error) {
	var out petrarch.Files
	kind, where, _ := strings.Cut(f.spec, ":")
	if where == "" {
		kind, where = "petrarch", f.spec
	}
	switch {
	case f.spec == "":
	case kind == "tabari":
		fl, _, err := petrarch.TABARIFiles(os.DirFS(filepath.Dir(where)), filepath.Base(where))
		if err != nil {
			return out, redline.Errorf(redline.EINVALID, "--dict %s: %v", f.spec, err)
		}
		out = prefixFiles(fl, filepath.Dir(where))
	case kind == "petrarch":
		fl := petrarch.Files{}
		if env != nil && env.Verbs != "" {
			fl = *env
		} else {
			var err error
			if fl, err = petrarch.DirFiles(os.DirFS(where)); err != nil {
				return out, redline.Errorf(redline.EINVALID, "--dict %s: %v", f.spec, err)
			}
		}
		out = prefixFiles(fl, where)
	default:
		return out, &usageError{fmt.Sprintf("--dict %q: want petrarch:DIR or tabari:PROJECT", f.spec)}
	}
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&out.Verbs, f.verbs)
	set(&out.Discards, f.discards)
	set(&out.Issues, f.issues)
	set(&out.Ontology, f.ontology)
	if f.actors != "" {
		out.Actors = strings.Split(f.actors, ",")
	}
	if f.agents != "" {
		out.Agents = strings.Split(f.agents, ",")
	}
	if out.Verbs == "" {
		return out, &usageError{"no verb dictionary: give --dict petrarch:DIR, --dict tabari:PROJECT or --verbs FILE"}
	}
	return out, nil
}

// prefixFiles puts the files in dir.
func prefixFiles(f petrarch.Files, dir string) petrarch.Files {
	join := func(s string) string {
		if s == "" {
			return ""
		}
		return filepath.Join(dir, s)
	}
	f.Verbs, f.Discards, f.Issues, f.Ontology = join(f.Verbs), join(f.Discards), join(f.Issues), join(f.Ontology)
	for i := range f.Actors {
		f.Actors[i] = join(f.Actors[i])
	}
	for i := range f.Agents {
		f.Agents[i] = join(f.Agents[i])
	}
	return f
}

// loadDicts loads the files, named as paths of the operating system.
func loadDicts(f petrarch.Files) (*petrarch.Dictionaries, redline.ProblemList, error) {
	d, probs, err := petrarch.Load(osFS{}, f)
	if err != nil {
		return nil, nil, redline.Errorf(redline.ENOTFOUND, "%v", err)
	}
	return d, probs, nil
}

// petrarchEvents loads the dictionaries of spec (petrarch:DIR or
// tabari:PROJECT) as the event stage of a pipeline, whose CAMEO table is
// lex. Each line of them that cannot be read is reported to warn as
// file:line: message and skipped, as "petrarch code" does.
func petrarchEvents(spec string, lex *verb.Lexicon, warn io.Writer) (*petrarch.Events, error) {
	df := dictFlags{spec: spec}
	files, err := df.files(nil)
	if err != nil {
		return nil, err
	}
	d, probs, err := petrarch.Load(osFS{}, files)
	if err != nil {
		return nil, redline.Errorf(redline.ENOTFOUND, "--dict %s: %v", spec, err)
	}
	for _, p := range probs {
		fmt.Fprintln(warn, p.Error())
	}
	return &petrarch.Events{Coder: petrarch.NewCoder(d), Lexicon: lex}, nil
}

// osFS opens paths of the operating system as they are written, so that
// problems name dictionary files as the user gave them.
type osFS struct{}

func (osFS) Open(name string) (fs.File, error) { return os.Open(name) }

func (m *Main) runPetrarch(_ context.Context, args []string) error {
	var df dictFlags
	var format, date string
	var ud bool
	var line petrarch.EventLine
	fset := flag.NewFlagSet("petrarch", flag.ContinueOnError)
	fset.SetOutput(m.Stderr)
	fset.Usage = func() { fmt.Fprint(m.Stderr, petrarchHelp); fset.PrintDefaults() }
	df.register(fset)
	fset.BoolVar(&ud, "ud", false, "code with UD-PETRARCH's conventions")
	fset.BoolVar(&line.ActorText, "actor-text", false, "event lines: add the source's and target's text, as write_actor_text")
	fset.BoolVar(&line.EventText, "event-text", false, "event lines: add the verb's text, as write_event_text")
	fset.StringVar(&format, "format", "events", "output: events, phoenix or json")
	fset.StringVar(&date, "date", "", "date (`YYYYMMDD`) of plain-text input")
	if len(args) == 0 || args[0] != "code" && args[0] != "check" {
		fset.Usage()
		return &usageError{"petrarch: want \"petrarch code\" or \"petrarch check\""}
	}
	sub := args[0]
	paths, err := parseAnywhere(fset, args[1:])
	if err != nil {
		return err
	}
	files, err := df.files(nil)
	if err != nil {
		return err
	}
	d, probs, err := loadDicts(files)
	if err != nil {
		return err
	}
	if sub == "check" {
		if len(probs) > 0 {
			fmt.Fprintln(m.Stdout, probs.Error())
			if len(probs) == 1 {
				return fmt.Errorf("dictionaries have 1 problem")
			}
			return fmt.Errorf("dictionaries have %d problems", len(probs))
		}
		fmt.Fprintf(m.Stdout, "dictionaries ok: %d actors, %d agents, %d verb blocks\n", len(d.Actors.List), len(d.Agents.List), len(d.Verbs.Blocks))
		return nil
	}
	for _, p := range probs {
		fmt.Fprintln(m.Stderr, p.Error())
	}
	if len(paths) == 0 {
		return &usageError{"petrarch code: want at least one input FILE"}
	}
	var day int
	if date != "" {
		if day, err = petrarch.ParseDay(date); err != nil {
			return &usageError{fmt.Sprintf("--date: %v", err)}
		}
	}
	coder := petrarch.NewCoder(d)
	if ud {
		coder.Options = coder.Options.UD()
	}
	var coded []petrarch.Coded
	failed := false
	for _, path := range paths {
		ins, err := readPetrarchInput(path, day)
		if err != nil {
			fmt.Fprintf(m.Stderr, "%s: %v\n", path, err)
			failed = true
			continue
		}
		for _, in := range ins {
			coded = append(coded, petrarch.Coded{Input: in, Result: coder.Code(in.Text, in.Date)})
		}
	}
	if err := m.writeCoded(format, d, coded, line); err != nil {
		return err
	}
	if failed {
		return errPartial
	}
	return nil
}

// readPetrarchInput reads a PETRARCH XML input file, or, when day is set
// and the file has no <Sentence> records, plain text with one sentence per
// line.
func readPetrarchInput(path string, day int) ([]petrarch.Input, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	text := string(b)
	if !strings.Contains(text, "<Sentence") {
		if day == 0 {
			return nil, fmt.Errorf("no <Sentence> records; give --date to code plain text")
		}
		var out []petrarch.Input
		base := filepath.Base(path)
		for i, l := range strings.Split(text, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				id := fmt.Sprintf("%s-%d", base, i+1)
				out = append(out, petrarch.Input{ID: id, Story: base, Date: day, Text: l, Line: i + 1})
			}
		}
		return out, nil
	}
	ins, problems, err := petrarch.ReadInput(strings.NewReader(text))
	if err != nil {
		return nil, err
	}
	for _, p := range problems {
		fmt.Fprintf(os.Stderr, "%s: %s\n", path, p)
	}
	return ins, nil
}

func (m *Main) writeCoded(format string, d *petrarch.Dictionaries, coded []petrarch.Coded, line petrarch.EventLine) error {
	switch format {
	case "events":
		return petrarch.WriteEvents(m.Stdout, petrarch.StoryFilter(coded), line)
	case "phoenix":
		lex, err := verb.Load(dict.FS)
		if err != nil {
			return err
		}
		p := &petrarch.Phoenix{Roots: petrarch.PhoenixRoots(d), FirstID: 1, Goldstein: func(code string) (float64, bool) {
			c, ok := lex.Code(code)
			return c.Goldstein, ok
		}}
		return p.Write(m.Stdout, petrarch.StoryFilter(coded))
	case "json":
		enc := json.NewEncoder(m.Stdout)
		for _, c := range coded {
			if err := enc.Encode(c); err != nil {
				return err
			}
		}
		return nil
	}
	return &usageError{fmt.Sprintf("--format %q: want events, phoenix or json", format)}
}

const evalPetrarchHelp = `Usage: redline eval petrarch --dict SPEC [--json] [--errors] RECORDS

Runs a PETRARCH validation file (PETR.UnitTest.records.xml, UD-PETRARCH's
PETR_Validate_records_2_02.xml) or TABARI's Validate.text from each
record's raw text, and prints per category the events correct, missed and
extra, counted as UD-PETRARCH's validation harness counts them, with
totals. With petrarch:DIR the dictionaries are the files the records'
<Environment> names, read from DIR. A suite whose environment names
UD-PETRARCH's internal coding ontology is coded with UD-PETRARCH's
conventions (multi-actor codes kept whole, passives without "by", pattern
words matched on lemmas, no pattern words before the verb, no speech
event without a target) unless --conventions says otherwise.

Flags:
`

// evalPetrarch runs "redline eval petrarch".
func (m *Main) evalPetrarch(args []string) error {
	var df dictFlags
	var asJSON, errs bool
	var conv string
	fset := flag.NewFlagSet("eval petrarch", flag.ContinueOnError)
	fset.SetOutput(m.Stderr)
	fset.Usage = func() { fmt.Fprint(m.Stderr, evalPetrarchHelp); fset.PrintDefaults() }
	df.register(fset)
	fset.StringVar(&conv, "conventions", "", "coding conventions: petrarch or ud (default: ud for a suite whose environment names UD-PETRARCH's ontology)")
	fset.BoolVar(&asJSON, "json", false, "print the scores as JSON")
	fset.BoolVar(&errs, "errors", false, "also print every record not coded as expected")
	paths, err := parseAnywhere(fset, args)
	if err != nil {
		return err
	}
	if len(paths) != 1 {
		fset.Usage()
		return &usageError{"eval petrarch: want one records file"}
	}
	fh, err := os.Open(paths[0])
	if err != nil {
		return redline.Errorf(redline.ENOTFOUND, "eval petrarch: %v", err)
	}
	su, err := validate.Read(fh)
	fh.Close()
	if err != nil {
		return err
	}
	env := su.Env.Files()
	files, err := df.files(&env)
	if err != nil {
		return err
	}
	d, probs, err := loadDicts(files)
	if err != nil {
		return err
	}
	for _, p := range probs {
		fmt.Fprintln(m.Stderr, p.Error())
	}
	ud := su.UDEnvironment()
	switch conv {
	case "":
	case "petrarch", "ud":
		ud = conv == "ud"
	default:
		return &usageError{fmt.Sprintf("--conventions %q: want petrarch or ud", conv)}
	}
	sc := validate.Score(su, d, ud)
	if asJSON {
		enc := json.NewEncoder(m.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(sc.JSON())
	}
	if err := sc.Fprint(m.Stdout); err != nil {
		return err
	}
	if errs {
		return sc.FprintErrors(m.Stdout)
	}
	return nil
}
