package petrarch

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Input is one sentence to code, as PETRARCH's XML input gives it:
// <Sentence date="YYYYMMDD" id="STORY-N" source="AFP"> around <Text>.
type Input struct {
	ID     string `json:"id"`
	Story  string `json:"story"`
	Source string `json:"source,omitempty"` // the publisher
	URL    string `json:"url,omitempty"`
	Date   int    `json:"date"` // YYYYMMDD
	Text   string `json:"text"`
	Line   int    `json:"line"`
}

// ReadInput reads the sentences of a PETRARCH input file. Like PETRARCH's
// harness it reads tags at the start of lines, so files that are not
// well-formed XML read as well; a line holding several tags (a whole
// sentence on one line) is read as if each started a line. Parses are
// skipped. A sentence without a readable date is reported in the returned
// problems and skipped, as PETRARCH skips it.
func ReadInput(r io.Reader) ([]Input, []string, error) {
	var ir inputReader
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var parts []string
	for n := 1; sc.Scan(); n++ {
		parts = splitTags(sc.Text(), parts[:0])
		for _, part := range parts {
			ir.read(strings.TrimSpace(part), n)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("read input: %w", err)
	}
	return ir.out, ir.problems, nil
}

// inputReader is the state of reading an input file.
type inputReader struct {
	out               []Input
	problems          []string
	cur               int // index into out of the open sentence, or -1
	text              []string
	inText, inComment bool
	started           bool
}

// read takes one tag-led part of line n.
func (ir *inputReader) read(ln string, n int) {
	if !ir.started {
		ir.cur, ir.started = -1, true
	}
	switch {
	case ir.inText:
		body, done := ln, false
		if i := strings.Index(ln, "</Text>"); i >= 0 {
			body, done = ln[:i], true
		}
		ir.text = append(ir.text, body)
		if done {
			ir.inText = false
			ir.out[ir.cur].Text = unescapeXML(strings.Join(strings.Fields(strings.Join(ir.text, " ")), " "))
		}
	case ir.inComment:
		ir.inComment = !strings.Contains(ln, "-->")
	case strings.HasPrefix(ln, "<!--"):
		ir.inComment = !strings.Contains(ln, "-->")
	case strings.HasPrefix(ln, "<Sentence ") || strings.HasPrefix(ln, "<Sentence>"):
		a := TagAttrs(ln)
		in := Input{ID: a["id"], Source: a["source"], URL: a["url"], Line: n}
		in.Story = storyOf(in.ID)
		d, err := ParseDay(a["date"])
		if err != nil {
			ir.problems = append(ir.problems, fmt.Sprintf("line %d: sentence %q: %v; skipped", n, in.ID, err))
			ir.cur = -1
			return
		}
		in.Date = d
		ir.out = append(ir.out, in)
		ir.cur = len(ir.out) - 1
	case strings.HasPrefix(ln, "</Sentence"):
		ir.cur = -1
	case ir.cur >= 0 && strings.HasPrefix(ln, "<Text"):
		body := ln[strings.IndexByte(ln, '>')+1:]
		if i := strings.Index(body, "</Text>"); i >= 0 {
			ir.out[ir.cur].Text = unescapeXML(strings.Join(strings.Fields(body[:i]), " "))
		} else {
			ir.inText, ir.text = true, []string{body}
		}
	}
}

// splitTags splits a line before every tag ReadInput reads.
func splitTags(line string, out []string) []string {
	start := 0
	for i := 1; i < len(line); i++ {
		if line[i] == '<' && startsTag(line[i:]) {
			out = append(out, line[start:i])
			start = i
		}
	}
	return append(out, line[start:])
}

func startsTag(s string) bool {
	for _, t := range []string{"<Sentence", "</Sentence", "<Text", "</Text>", "<Parse", "</Parse", "<!--"} {
		if strings.HasPrefix(s, t) {
			return true
		}
	}
	return false
}

// storyOf returns the story part of a sentence id: the id up to its last
// "-" or "_" ("AFP0808020625_4" is story "AFP0808020625").
func storyOf(id string) string {
	if i := strings.LastIndexAny(id, "-_"); i > 0 {
		return id[:i]
	}
	return id
}

// TagAttrs reads the attributes of the tag that starts line: name="value",
// name='value' or name = "value", with XML entities decoded.
func TagAttrs(line string) map[string]string {
	out := map[string]string{}
	end := strings.IndexByte(line, '>')
	if end < 0 {
		end = len(line)
	}
	s := line[:end]
	i := strings.IndexAny(s, " \t")
	if i < 0 {
		return out
	}
	s = s[i:]
	for {
		eq := strings.IndexByte(s, '=')
		if eq < 0 {
			return out
		}
		name := strings.TrimSpace(s[:eq])
		if k := strings.LastIndexAny(name, " \t"); k >= 0 {
			name = name[k+1:]
		}
		rest := strings.TrimLeft(s[eq+1:], " \t")
		if rest == "" || rest[0] != '"' && rest[0] != '\'' {
			return out
		}
		q := rest[0]
		j := strings.IndexByte(rest[1:], q)
		if j < 0 {
			return out
		}
		out[name] = unescapeXML(rest[1 : j+1])
		s = rest[j+2:]
	}
}

var xmlEntities = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", "\"", "&apos;", "'")

func unescapeXML(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return xmlEntities.Replace(s)
}

// ParseDay reads a date written YYYYMMDD, or YYMMDD as TABARI writes it.
func ParseDay(s string) (int, error) {
	s = strings.TrimSpace(s)
	if len(s) == 6 || len(s) == 8 {
		if _, err := strconv.Atoi(s); err == nil {
			return parseDate(s)
		}
	}
	return 0, fmt.Errorf("date %q: want YYYYMMDD", s)
}
