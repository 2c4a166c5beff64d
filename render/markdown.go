package render

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"redline"
	"redline/analysis"
)

// Text lengths, in runes, at which quoted article text is cut.
const (
	cellText = 160 // in a table cell
	listText = 240 // in a list item or a gap
)

// Markdown writes r as a GitHub-flavoured Markdown document: a summary,
// a timeline table per actor, stance reversals, say-do gaps with both
// records, the generically rendered sections (see Items) and deadlines.
// Article text is escaped so that it can neither break a table nor inject
// HTML, links or formatting.
func Markdown(w io.Writer, r *analysis.Report, opts Options) error {
	if r == nil {
		return errors.New("render markdown: nil report")
	}
	m := &mdWriter{w: w}
	m.header(opts)
	m.summary(r)
	m.timeline(r.Timeline, records(r))
	m.reversals(r.Reversals, latestOf(len(r.Reversals), r.Totals.Reversals))
	m.gaps(r.Gaps, latestOf(len(r.Gaps), r.Totals.Gaps))
	for _, h := range hooks(r) {
		m.hook(h)
	}
	m.deadlines(r.Deadlines)
	if m.err != nil {
		return fmt.Errorf("render markdown: %w", m.err)
	}
	return nil
}

// mdWriter writes Markdown and keeps the first write error.
type mdWriter struct {
	w   io.Writer
	err error
}

func (m *mdWriter) printf(format string, args ...any) {
	if m.err == nil {
		_, m.err = fmt.Fprintf(m.w, format, args...)
	}
}

// mdReplacer escapes the characters that Markdown, GitHub tables or
// embedded HTML would interpret. Angle brackets and ampersands become
// entities, which every renderer shows as text.
var mdReplacer = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"|", `\|`, "~", `\~`, "&", "&amp;", "<", "&lt;", ">", "&gt;",
)

// md flattens s to one line, cuts it to n runes (n <= 0: no limit) and
// escapes it for Markdown.
func md(s string, n int) string { return mdReplacer.Replace(oneLine(s, n)) }

// mdToward is toward with the name escaped for Markdown.
func mdToward(r *redline.ActorRef) string {
	if t := toward(r); t != "" {
		return " toward " + md(r.Name, 0)
	}
	return ""
}

// mdQuote is md with curly quotes around the text.
func mdQuote(s string, n int) string { return "“" + md(s, n) + "”" }

func (m *mdWriter) header(opts Options) {
	m.printf("# %s\n\n", md(opts.title(), 0))
	var meta []string
	if opts.Generated != "" {
		meta = append(meta, "Generated "+md(opts.Generated, 0)+".")
	}
	if opts.Database != "" {
		meta = append(meta, "Database "+md(opts.Database, 0)+".")
	}
	if opts.Actor != "" {
		meta = append(meta, "Actor: "+md(opts.Actor, 0)+".")
	}
	if len(meta) > 0 {
		m.printf("%s\n\n", strings.Join(meta, " "))
	}
}

func (m *mdWriter) summary(r *analysis.Report) {
	m.printf("## Summary\n\n")
	var head, rule, row []string
	for _, c := range counts(r) {
		head = append(head, c.Label)
		rule = append(rule, "---:")
		row = append(row, fmt.Sprint(c.N))
	}
	m.printf("| %s |\n| %s |\n| %s |\n\n", strings.Join(head, " | "), strings.Join(rule, " | "), strings.Join(row, " | "))
}

func (m *mdWriter) timeline(entries []analysis.Entry, records string) {
	gs := groups(entries)
	m.printf("## Timeline\n\n%s from %s, most records first.\n\n", upperFirst(records), plural(len(gs), "actor"))
	for _, g := range gs {
		m.printf("### %s (%s): %s\n\n", md(g.Name, 0), md(g.idLabel(), 0), g.records())
		m.printf("| Date | Grain | Said/did | Stance or mode | Topic | Target | Text | Source |\n")
		m.printf("|---|---|---|---|---|---|---|---|\n")
		for _, e := range g.Entries {
			m.printf("| %s | %s | %s | %s | %s | %s | %s | %s |\n",
				md(orDash(e.Date.Value), 0), md(orDash(string(e.Date.Grain)), 0), verb(e), md(what(e), 0),
				md(orDash(e.Topic), 0), md(refName(e.Target), 0), mdQuote(e.Text, cellText), mdSource(e.Doc, e.Sentence, true))
		}
		m.printf("\n")
	}
}

// mdSource names a record's document and sentence, the document ID cut
// short when brief is set.
func mdSource(doc string, sentence int, brief bool) string {
	if brief {
		return fmt.Sprintf("%s #%d", md(orDash(short(doc)), 0), sentence)
	}
	return fmt.Sprintf("doc %s, sentence %d", md(orDash(doc), 0), sentence)
}

func (m *mdWriter) reversals(rs []analysis.Reversal, note string) {
	m.printf("## Stance reversals\n\n")
	m.note(note)
	if len(rs) == 0 {
		m.printf("None found.\n\n")
		return
	}
	for i, rv := range rs {
		m.printf("%d. **%s** on %s%s: %s (%s) → %s (%s), %s apart.\n", i+1,
			md(rv.Speaker.Name, 0), md(orDash(rv.Topic), 0), mdToward(rv.Target),
			md(string(rv.Before.Stance), 0), md(rv.Before.Said.Value, 0),
			md(string(rv.After.Stance), 0), md(rv.After.Said.Value, 0), plural(rv.Days, "day"))
		m.printf("   - Before: %s (%s)\n", mdQuote(rv.Before.Text, listText), mdSource(rv.Before.Doc, rv.Before.Sentence, false))
		m.printf("   - After: %s (%s)\n", mdQuote(rv.After.Text, listText), mdSource(rv.After.Doc, rv.After.Sentence, false))
	}
	m.printf("\n")
}

func (m *mdWriter) gaps(gs []analysis.Gap, note string) {
	m.printf("## Say-do gaps\n\n")
	m.note(note)
	if len(gs) == 0 {
		m.printf("None found.\n\n")
		return
	}
	for i, g := range gs {
		st, ev := g.Statement, g.Event
		m.printf("### Gap %d\n\n%s\n\n", i+1, md(g.Explanation, 0))
		m.printf("- **Said** (%s, %s, %s %s%s, commitment %s): %s (%s)\n",
			md(st.Said.Value, 0), md(st.Speaker.Name, 0), md(orDash(string(st.Stance)), 0), md(orDash(st.Topic), 0),
			mdToward(st.Target), md(orDash(string(st.Commitment)), 0), mdQuote(st.Text, listText), mdSource(st.Doc, st.Sentence, false))
		m.printf("- **Done** (%s, %s, %s %s%s, CAMEO %s): %s (%s)\n\n",
			md(ev.Date.Value, 0), md(ev.Actor.Name, 0), md(orDash(string(ev.Mode)), 0), md(orDash(ev.Verb), 0),
			mdToward(ev.Target), md(orDash(ev.CAMEO), 0), mdQuote(ev.Text, listText), mdSource(ev.Doc, ev.Sentence, false))
	}
}

// hook writes a generically rendered section as an indented code block,
// one JSON object per line. Indented code is shown literally and cannot
// be closed by the text inside it.
func (m *mdWriter) hook(h hook) {
	m.printf("## %s\n\n", md(h.Title, 0))
	m.note(h.Note)
	if len(h.Items) == 0 {
		m.printf("None found.\n\n")
		return
	}
	for _, it := range h.Items {
		m.printf("    %s\n", it)
	}
	m.printf("\n")
}

func (m *mdWriter) deadlines(ds []redline.Deadline) {
	m.printf("## Deadlines\n\n")
	if len(ds) == 0 {
		m.printf("None found.\n")
		return
	}
	m.printf("| Date | Grain | Action | Actor | Text | Source |\n|---|---|---|---|---|---|\n")
	for _, d := range ds {
		m.printf("| %s | %s | %s | %s | %s | %s |\n", md(orDash(d.Date.Value), 0), md(orDash(string(d.Date.Grain)), 0),
			md(orDash(d.Action), 0), md(refName(d.Actor), 0), mdQuote(d.Text, cellText), mdSource(d.Doc, d.Sentence, true))
	}
}

// note writes a paragraph, unless it is empty.
func (m *mdWriter) note(s string) {
	if s != "" {
		m.printf("%s\n\n", md(s, 0))
	}
}

// upperFirst capitalises the first letter of s.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// count is one figure of the summary.
type count struct {
	Label string
	N     int
}

func counts(r *analysis.Report) []count {
	c := r.Counts
	return []count{
		{"Documents", c.Documents}, {"Statements", c.Statements}, {"Events", c.Events},
		{"Time expressions", c.Times}, {"Deadlines", c.Deadlines},
		{"Reversals", max(len(r.Reversals), r.Totals.Reversals)}, {"Say-do gaps", max(len(r.Gaps), r.Totals.Gaps)},
	}
}
