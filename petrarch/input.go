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
	ID, Story, Source, URL string
	Date                   int
	Text                   string
	Line                   int
}

// ReadInput reads the sentences of a PETRARCH input file. Like PETRARCH's
// harness it reads tags at the start of lines, so files that are not
// well-formed XML read as well; parses are skipped. A sentence without a
// readable date is reported in the returned problems and skipped, as
// PETRARCH skips it.
func ReadInput(r io.Reader) ([]Input, []string, error) {
	var out []Input
	var problems []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var cur *Input
	var text []string
	inText, inComment := false, false
	n := 0
	for sc.Scan() {
		n++
		ln := strings.TrimSpace(sc.Text())
		if inText {
			body, done := strings.CutSuffix(ln, "</Text>")
			if i := strings.Index(ln, "</Text>"); i >= 0 {
				body, done = ln[:i], true
			}
			text = append(text, body)
			if done {
				inText = false
				cur.Text = unescapeXML(strings.Join(strings.Fields(strings.Join(text, " ")), " "))
			}
			continue
		}
		if inComment {
			inComment = !strings.Contains(ln, "-->")
			continue
		}
		switch {
		case strings.HasPrefix(ln, "<!--"):
			inComment = !strings.Contains(ln, "-->")
		case strings.HasPrefix(ln, "<Sentence ") || strings.HasPrefix(ln, "<Sentence>"):
			a := TagAttrs(ln)
			in := Input{ID: a["id"], Source: a["source"], URL: a["url"], Line: n}
			in.Story = storyOf(in.ID)
			d, err := ParseDay(a["date"])
			if err != nil {
				problems = append(problems, fmt.Sprintf("line %d: sentence %q: %v; skipped", n, in.ID, err))
				cur = nil
				continue
			}
			in.Date = d
			out = append(out, in)
			cur = &out[len(out)-1]
		case strings.HasPrefix(ln, "</Sentence"):
			cur = nil
		case cur != nil && strings.HasPrefix(ln, "<Text"):
			body := ln[strings.IndexByte(ln, '>')+1:]
			if i := strings.Index(body, "</Text>"); i >= 0 {
				cur.Text = unescapeXML(strings.Join(strings.Fields(body[:i]), " "))
			} else {
				inText, text = true, []string{body}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("read input: %w", err)
	}
	return out, problems, nil
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
