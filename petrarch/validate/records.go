// Package validate runs the event coders' validation suites against
// redline's PETRARCH-compatible coder and scores the result the way
// UD-PETRARCH's validation harness does.
//
// It reads PETRARCH validation files, both well-formed XML and the
// line-oriented files that are not valid XML (it reads them the way the
// harness does, by the tags that start lines), and TABARI's Validate.text.
// Only each record's raw text is coded; parses are never read.
package validate

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"redline/petrarch"
)

// Triple is one expected event: source, target and CAMEO code.
type Triple struct {
	Source, Target, Code string
}

// Record is one validation record.
type Record struct {
	ID, Category string
	Line         int
	Date         int // YYYYMMDD
	Text         string
	Expected     []Triple
	// NoEvents is true when the record expects no event at all.
	NoEvents bool
	// Skip, when not empty, says why the record is not scored.
	Skip string
	// Options are the coding options in force for the record, as the
	// file's <Config> elements set them.
	Options petrarch.Options
}

// Environment is a validation file's <Environment> block: the
// dictionaries it is meant to be run with and the categories scored.
type Environment struct {
	Verbs, Discards, Ontology string
	Actors, Agents            []string
	Include                   []string
}

// Files returns the dictionary files the environment names.
func (e Environment) Files() petrarch.Files {
	return petrarch.Files{Verbs: e.Verbs, Actors: e.Actors, Agents: e.Agents, Discards: e.Discards, Ontology: e.Ontology}
}

// UDEnvironment reports whether the suite is UD-PETRARCH's: its
// environment names the internal coding ontology only UD-PETRARCH reads.
func (su *Suite) UDEnvironment() bool { return su.Env.Ontology != "" }

// Suite is a validation file.
type Suite struct {
	Env     Environment
	Records []Record
	// TABARI is true for a TABARI-format suite.
	TABARI bool
}

// Read reads a validation suite, in PETRARCH's XML format or in TABARI's
// text format (told apart by their first records).
func Read(r io.Reader) (*Suite, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read records: %w", err)
	}
	text := string(b)
	if !strings.Contains(text, "<Sentence") && tabariHeader(text) {
		return readTABARI(text)
	}
	return readPETRARCH(text)
}

// readPETRARCH reads a PETRARCH or UD-PETRARCH records file line by line:
// a tag counts only at the start of a line, as in UD-PETRARCH's harness,
// so the files that are not valid XML read the same as those that are.
func readPETRARCH(text string) (*Suite, error) {
	su := &Suite{}
	opts := petrarch.DefaultOptions()
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var rec *Record
	inComment, inEnv, inParse := false, false, false
	var textLines []string
	inText := false
	n := 0
	for sc.Scan() {
		n++
		ln := strings.TrimSpace(sc.Text())
		switch {
		case inText:
			if i := strings.Index(ln, "</Text>"); i >= 0 {
				textLines = append(textLines, ln[:i])
				inText = false
				if rec != nil {
					rec.Text = unescapeText(strings.Join(strings.Fields(strings.Join(textLines, " ")), " "))
				}
			} else {
				textLines = append(textLines, ln)
			}
			continue
		case inParse:
			inParse = !strings.Contains(ln, "</Parse>")
			continue
		case inComment:
			inComment = !strings.Contains(ln, "-->")
			continue
		case strings.HasPrefix(ln, "<!--"):
			inComment = !strings.Contains(ln, "-->")
			continue
		case strings.HasPrefix(ln, "<Stop"):
			return su, nil
		}
		switch {
		case strings.HasPrefix(ln, "<Environment"):
			inEnv = true
		case strings.HasPrefix(ln, "</Environment"):
			inEnv = false
		case inEnv:
			su.Env.read(ln)
		case strings.HasPrefix(ln, "<Config"):
			a := petrarch.TagAttrs(ln)
			setOption(&opts, a["option"], a["value"])
		case strings.HasPrefix(ln, "<Sentence ") || strings.HasPrefix(ln, "<Sentence>"):
			a := petrarch.TagAttrs(ln)
			su.Records = append(su.Records, Record{ID: a["id"], Category: a["category"], Line: n, Options: opts})
			rec = &su.Records[len(su.Records)-1]
			rec.Date, _ = parseDay(a["date"])
			if strings.EqualFold(a["evaluate"], "false") || strings.EqualFold(a["sentence"], "false") {
				rec.Skip = "marked not to be evaluated"
			}
			if a["date"] == "" {
				rec.Skip = "no date"
			}
		case strings.HasPrefix(ln, "</Sentence"):
			rec = nil
		case rec == nil:
		case strings.HasPrefix(ln, "<EventCoding"):
			rec.addExpected(petrarch.TagAttrs(ln))
		case strings.HasPrefix(ln, "<Text"):
			body := strings.TrimPrefix(ln[strings.IndexByte(ln, '>')+1:], "")
			if i := strings.Index(body, "</Text>"); i >= 0 {
				rec.Text = unescapeText(strings.Join(strings.Fields(body[:i]), " "))
			} else {
				inText, textLines = true, []string{body}
			}
		case strings.HasPrefix(ln, "<Parse"):
			inParse = !strings.Contains(ln, "</Parse>")
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read records: %w", err)
	}
	return su, nil
}

// read takes one line of the <Environment> block.
func (e *Environment) read(ln string) {
	value := func() string {
		i, j := strings.IndexByte(ln, '>'), strings.Index(ln, "</")
		if i < 0 || j < i {
			return ""
		}
		return strings.TrimSpace(ln[i+1 : j])
	}
	switch {
	case strings.HasPrefix(ln, "<Verbfile"):
		e.Verbs = value()
	case strings.HasPrefix(ln, "<Actorfile"):
		e.Actors = splitComma(value())
	case strings.HasPrefix(ln, "<Agentfile"):
		e.Agents = splitComma(value())
	case strings.HasPrefix(ln, "<Discardfile"):
		e.Discards = value()
	case strings.HasPrefix(ln, "<PICOfile"):
		e.Ontology = value()
	case strings.HasPrefix(ln, "<Include"):
		for _, c := range strings.Fields(value()) {
			if c != "valid" {
				e.Include = append(e.Include, c)
			}
		}
	}
}

func splitComma(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// addExpected reads one <EventCoding> element. An expectation about the
// parse (bad_input_parse) cannot apply to coding from text, so such a
// record is skipped; discards and datelines expect no event.
func (r *Record) addExpected(a map[string]string) {
	if strings.EqualFold(a["noevents"], "true") {
		r.NoEvents = true
		return
	}
	if e := a["error"]; e != "" {
		if strings.Contains(e, "parse") {
			r.Skip = "expects an error in its parse, which is not read"
		}
		r.NoEvents = true
		return
	}
	code := func(k string) string {
		v, ok := a[k]
		if !ok || v == "" {
			return "---"
		}
		return strings.ReplaceAll(v, "~", "---")
	}
	r.Expected = append(r.Expected, Triple{Source: code("sourcecode"), Target: code("targetcode"), Code: code("eventcode")})
}

// setOption applies a <Config option="..." value="..."> element.
func setOption(o *petrarch.Options, name, value string) {
	n, err := strconv.Atoi(strings.TrimSpace(value))
	switch strings.ToLower(name) {
	case "require_dyad":
		o.RequireDyad = !strings.Contains(strings.ToLower(value), "false")
	case "new_actor_length":
		if err == nil {
			o.NewActorLength = n
		}
	case "comma_min":
		if err == nil {
			o.Commas.Min = n
		}
	case "comma_max":
		if err == nil {
			o.Commas.Max = n
		}
	case "comma_bmin":
		if err == nil {
			o.Commas.BMin = n
		}
	case "comma_bmax":
		if err == nil {
			o.Commas.BMax = n
		}
	case "comma_emin":
		if err == nil {
			o.Commas.EMin = n
		}
	case "comma_emax":
		if err == nil {
			o.Commas.EMax = n
		}
	}
}

// unescapeText decodes the XML entities of record text.
func unescapeText(s string) string {
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", "\"", "&apos;", "'").Replace(s)
}

// parseDay reads YYYYMMDD or YYMMDD.
func parseDay(s string) (int, error) { return petrarch.ParseDay(s) }
