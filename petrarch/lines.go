package petrarch

import (
	"strings"

	"redline"
)

// line is one meaningful line of a dictionary file, with its comments
// removed. Leading white space is kept: in an actor dictionary a tab
// starts a date restriction.
type line struct {
	n    int // 1-based line number
	text string
}

// dialect says which comment conventions a file follows. PETRARCH files
// take "#" anywhere outside brackets; TABARI files only at the start of a
// line, since their codes ("[###]") and their comments (";") differ.
type dialect uint8

const (
	petrDialect dialect = iota
	tabariDialect
)

// readLines splits data into lines and strips what both coders treat as
// comments: XML comments, which may span lines, "#" comments (see
// dialect), legacy ";" comments outside brackets, "//" lines, and blank
// lines. A comment left open at the end of the file is reported.
func readLines(file, data string, d dialect, probs *redline.ProblemList) []line {
	var out []line
	inComment, commentStart := false, 0
	n := 0
	for len(data) > 0 {
		n++
		var raw string
		if i := strings.IndexByte(data, '\n'); i >= 0 {
			raw, data = data[:i], data[i+1:]
		} else {
			raw, data = data, ""
		}
		raw = strings.TrimSuffix(raw, "\r")
		if inComment {
			i := strings.Index(raw, "-->")
			if i < 0 {
				continue
			}
			inComment = false
			raw = raw[i+3:]
		}
		text, open := stripComments(raw, d)
		if open {
			inComment, commentStart = true, n
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		out = append(out, line{n: n, text: strings.TrimRight(text, " \t")})
	}
	if inComment {
		probs.Add(file, commentStart, "comment \"<!--\" is never closed")
	}
	return out
}

// stripComments removes the comments of one line and reports whether an
// XML comment opened on it stays open.
func stripComments(s string, d dialect) (string, bool) {
	t := strings.TrimLeft(s, " \t")
	if strings.HasPrefix(t, "//") || strings.HasPrefix(t, "#") {
		return "", false
	}
	var b strings.Builder
	depth := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '<' && strings.HasPrefix(s[i:], "<!"):
			end := strings.Index(s[i:], "-->")
			if end < 0 {
				return b.String(), true
			}
			i += end + 2
			continue
		case c == '[':
			depth++
		case c == ']':
			if depth > 0 {
				depth--
			}
		case depth == 0 && (c == ';' || c == '#' && d == petrDialect):
			return b.String(), false
		}
		b.WriteByte(c)
	}
	return b.String(), false
}
