package petrarch

import (
	"fmt"
	"strconv"
	"strings"

	"redline"
)

// DatedCode is an actor code and the dates it holds for, inclusive, as
// YYYYMMDD numbers; 0 leaves that end open. A code with both ends open is
// a default.
type DatedCode struct {
	Code     string
	From, To int
}

// Default reports whether the code holds whatever the date.
func (c DatedCode) Default() bool { return c.From == 0 && c.To == 0 }

// Actor is one actor entry: the phrase that heads it in the dictionary and
// its codes. Synonyms share the entry.
type Actor struct {
	Root  string
	Codes []DatedCode
}

// CodeOn returns the actor's code on date (YYYYMMDD): the first dated code
// that holds then, else the first default, else "---". A zero date takes
// the default.
func (a *Actor) CodeOn(date int) string {
	if date != 0 {
		for _, c := range a.Codes {
			if !c.Default() && (c.From == 0 || date >= c.From) && (c.To == 0 || date <= c.To) {
				return c.Code
			}
		}
	}
	for _, c := range a.Codes {
		if c.Default() {
			return c.Code
		}
	}
	return nullCode
}

// nullCode is the code of an actor, agent or event that is known but
// carries no code.
const nullCode = "---"

// Actors is an actor dictionary.
type Actors struct {
	List  []Actor
	trie  trie
	roots map[string]bool // codes of three letters: the countries and other roots
}

// addPhrase stores phrase as a name of actor index a.
func (as *Actors) addPhrase(phrase []phraseWord, a int) {
	as.trie.insert(phrase, int32(a))
}

// readActors reads an actor dictionary in PETRARCH's format, which is also
// TABARI's: a primary phrase with optional codes, "+" synonym lines, and
// date restrictions each on a line that starts with white space.
func (as *Actors) read(file, data string, d dialect, probs *redline.ProblemList) {
	cur := -1 // the entry that synonyms and restrictions attach to
	for _, l := range readLines(file, data, d, probs) {
		text := l.text
		if strings.Contains(text, "---STOP---") || strings.HasPrefix(text, "~~") {
			break
		}
		switch {
		case (text[0] == ' ' || text[0] == '\t') && !strings.HasPrefix(strings.TrimSpace(text), "["):
			body := strings.TrimSpace(text)
			probs.Add(file, l.n, "indented line %q is not a date restriction; read as an actor", body)
			name, codes, ok := splitCodes(file, l.n, body, probs)
			if !ok {
				continue
			}
			as.List = append(as.List, Actor{Root: strings.TrimSpace(name), Codes: codes})
			cur = len(as.List) - 1
			as.addName(file, l.n, name, cur, d, probs)
		case text[0] == ' ' || text[0] == '\t':
			body := strings.TrimSpace(text)
			if cur < 0 {
				probs.Add(file, l.n, "date restriction before any actor")
				continue
			}
			as.List[cur].Codes = append(as.List[cur].Codes, readCodes(file, l.n, body, probs)...)
		case text[0] == '+':
			if cur < 0 {
				probs.Add(file, l.n, "synonym before any actor")
				continue
			}
			name, codes, ok := splitCodes(file, l.n, text[1:], probs)
			if !ok {
				continue
			}
			as.List[cur].Codes = append(as.List[cur].Codes, codes...)
			as.addName(file, l.n, name, cur, d, probs)
		case text[0] == '<':
			// TABARI's <NOUN> and <ADJECTIVE> sections are read by the
			// TABARI loader; other tags are skipped.
		default:
			name, codes, ok := splitCodes(file, l.n, text, probs)
			if !ok {
				continue
			}
			as.List = append(as.List, Actor{Root: strings.TrimSpace(name), Codes: codes})
			cur = len(as.List) - 1
			as.addName(file, l.n, name, cur, d, probs)
		}
	}
}

func (as *Actors) addName(file string, n int, name string, a int, d dialect, probs *redline.ProblemList) {
	phrase, err := parsePhrase(name, d == tabariDialect)
	if err != nil {
		probs.Add(file, n, "%v", err)
		return
	}
	as.addPhrase(phrase, a)
}

// splitCodes splits "PHRASE [CODE ...] [CODE ...]" into the phrase and its
// codes.
func splitCodes(file string, n int, s string, probs *redline.ProblemList) (string, []DatedCode, bool) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		if strings.ContainsRune(s, ']') {
			probs.Add(file, n, "unmatched \"]\" in %q", s)
			return "", nil, false
		}
		if strings.TrimSpace(s) == "" {
			probs.Add(file, n, "empty phrase")
			return "", nil, false
		}
		return s, nil, true
	}
	name := s[:i]
	if strings.TrimSpace(name) == "" {
		probs.Add(file, n, "codes %q without a phrase", strings.TrimSpace(s))
		return "", nil, false
	}
	return name, readCodes(file, n, s[i:], probs), true
}

// readCodes reads one or more bracketed codes: "[CODE]", "[CODE
// date-date]", "[CODE <date]" or "[CODE >date]". A faulty code is reported
// and left out.
func readCodes(file string, n int, s string, probs *redline.ProblemList) []DatedCode {
	var out []DatedCode
	for {
		s = strings.TrimSpace(s)
		if s == "" {
			return out
		}
		if s[0] != '[' {
			probs.Add(file, n, "unexpected %q after a code", s)
			return out
		}
		end := strings.IndexByte(s, ']')
		if end < 0 {
			probs.Add(file, n, "unclosed \"[\" in %q", s)
			return out
		}
		c, err := parseDatedCode(s[1:end])
		if err != nil {
			probs.Add(file, n, "%v", err)
		} else {
			out = append(out, c)
		}
		s = s[end+1:]
	}
}

// parseDatedCode parses the inside of a bracketed actor code.
func parseDatedCode(s string) (DatedCode, error) {
	f := strings.Fields(s)
	if len(f) == 0 {
		return DatedCode{}, fmt.Errorf("empty code \"[]\"")
	}
	c := DatedCode{Code: f[0]}
	if isDigits(c.Code) || strings.ContainsAny(c.Code, "<>") || strings.Contains(strings.TrimLeft(c.Code, "-"), "-") {
		return DatedCode{}, fmt.Errorf("code block [%s] has no code before its dates", s)
	}
	rest := strings.Join(f[1:], "")
	if rest == "" {
		return c, nil
	}
	var err error
	switch rest[0] {
	case '<':
		c.To, err = parseDate(rest[1:])
	case '>':
		c.From, err = parseDate(rest[1:])
	default:
		from, to, ok := strings.Cut(rest, "-")
		if !ok {
			return DatedCode{}, fmt.Errorf("date restriction %q: want <date, >date or date-date", rest)
		}
		if c.From, err = parseDate(from); err == nil {
			c.To, err = parseDate(to)
		}
		if err == nil && c.To < c.From {
			err = fmt.Errorf("date restriction %q ends before it starts", rest)
		}
	}
	if err != nil {
		return DatedCode{}, fmt.Errorf("code %s: %v", c.Code, err)
	}
	return c, nil
}

// parseDate reads a date written YYYYMMDD or YYMMDD; two-digit years up to
// 30 are 20YY, the rest 19YY, as in TABARI and PETRARCH.
func parseDate(s string) (int, error) {
	if !isDigits(s) || len(s) != 6 && len(s) != 8 {
		return 0, fmt.Errorf("date %q: want YYMMDD or YYYYMMDD", s)
	}
	v, _ := strconv.Atoi(s)
	y, md := v/10000, v%10000
	if len(s) == 6 {
		if y <= 30 {
			y += 2000
		} else {
			y += 1900
		}
	}
	m, d := md/100, md%100
	if m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, fmt.Errorf("date %q is not a day of the calendar", s)
	}
	return y*10000 + md, nil
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// finish computes what the coder needs once every file is read.
func (as *Actors) finish() {
	as.roots = map[string]bool{"IGO": true, "NGO": true, "IMG": true, "MNC": true}
	for _, a := range as.List {
		for _, c := range a.Codes {
			if len(c.Code) == 3 && isUpper(c.Code) {
				as.roots[c.Code] = true
			}
		}
	}
}

func isUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}
