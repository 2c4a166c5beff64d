package petrarch

import (
	"fmt"
	"strings"

	"redline"
)

// Agent is an agent code: a role such as ~GOV (government) or ~MIL
// (military) that is appended to an actor's code, or, written NGO~,
// put before it.
type Agent struct {
	Code   string
	Prefix bool
}

// Agents is an agent dictionary.
type Agents struct {
	List []Agent
	trie trie
}

// read reads an agent dictionary: "PHRASE {PLURALS} [~CODE]" lines, where
// the plural is formed by rule when no braces are given and not at all
// when they are empty, and "!NAME! = A, B, C" substitution sets, whose
// members each replace the marker in the phrases that use it (with no
// plural formed).
func (ag *Agents) read(file, data string, d dialect, probs *redline.ProblemList) {
	subs := map[string][]string{}
	for _, l := range readLines(file, data, d, probs) {
		text := strings.TrimSpace(l.text)
		if strings.HasPrefix(text, "~~") || strings.Contains(text, "---STOP---") {
			break
		}
		if text[0] == '!' && strings.Contains(text, "=") && !strings.Contains(text, "[") {
			name, list, _ := strings.Cut(text, "=")
			name = strings.TrimSpace(name)
			if len(name) < 3 || name[len(name)-1] != '!' {
				probs.Add(file, l.n, "substitution set %q: want !NAME! = A, B, ...", name)
				continue
			}
			var members []string
			for _, m := range strings.Split(list, ",") {
				if m = strings.TrimSpace(m); m != "" {
					members = append(members, m)
				}
			}
			if len(members) == 0 {
				probs.Add(file, l.n, "substitution set %s is empty", name)
				continue
			}
			subs[strings.ToUpper(name)] = members
			continue
		}
		ag.readLine(file, l.n, text, subs, d, probs)
	}
}

func (ag *Agents) readLine(file string, n int, text string, subs map[string][]string, d dialect, probs *redline.ProblemList) {
	open, close := strings.IndexByte(text, '['), strings.LastIndexByte(text, ']')
	if open < 0 || close < open {
		probs.Add(file, n, "agent %q has no [code]", text)
		return
	}
	code := strings.TrimSpace(text[open+1 : close])
	a := Agent{Code: code}
	switch {
	case strings.HasPrefix(code, "~") && len(code) > 1:
		a.Code = code[1:]
	case strings.HasSuffix(code, "~") && len(code) > 1:
		a.Code, a.Prefix = code[:len(code)-1], true
	default:
		probs.Add(file, n, "agent code [%s] needs a \"~\" before or after it", code)
		return
	}
	if strings.ContainsAny(a.Code, " ~[") {
		probs.Add(file, n, "agent code [%s] is malformed", code)
		return
	}
	phrase := strings.TrimSpace(text[:open])
	var plurals []string
	explicit := false
	if b := strings.IndexByte(phrase, '{'); b >= 0 {
		e := strings.IndexByte(phrase, '}')
		if e < b {
			probs.Add(file, n, "unclosed \"{\" in %q", phrase)
			return
		}
		plurals, explicit = strings.Fields(phrase[b+1:e]), true
		phrase = strings.TrimSpace(phrase[:b])
	}
	if phrase == "" {
		probs.Add(file, n, "agent code [%s] without a phrase", code)
		return
	}
	ag.List = append(ag.List, a)
	idx := int32(len(ag.List) - 1)
	forms, err := expandSubs(phrase, subs)
	if err != nil {
		probs.Add(file, n, "%v", err)
		return
	}
	if len(forms) == 1 && forms[0] == phrase {
		if !explicit {
			plurals = []string{pluralPhrase(phrase)}
		}
		forms = append(forms, plurals...)
	}
	for _, f := range forms {
		p, err := parsePhrase(f, d == tabariDialect)
		if err != nil {
			probs.Add(file, n, "%v", err)
			continue
		}
		ag.trie.insert(p, idx)
	}
}

// expandSubs replaces each !NAME! marker of phrase by every member of its
// set.
func expandSubs(phrase string, subs map[string][]string) ([]string, error) {
	i := strings.IndexByte(phrase, '!')
	if i < 0 {
		return []string{phrase}, nil
	}
	j := strings.IndexByte(phrase[i+1:], '!')
	if j < 0 {
		return nil, fmt.Errorf("unclosed substitution marker in %q", phrase)
	}
	name := strings.ToUpper(phrase[i : i+j+2])
	members, ok := subs[name]
	if !ok {
		return nil, fmt.Errorf("substitution set %s is not defined", name)
	}
	var out []string
	for _, m := range members {
		rest, err := expandSubs(phrase[i+j+2:], subs)
		if err != nil {
			return nil, err
		}
		for _, r := range rest {
			out = append(out, phrase[:i]+m+r)
		}
	}
	return out, nil
}

// pluralPhrase forms the regular plural of a phrase's last word.
func pluralPhrase(p string) string {
	i := strings.LastIndexAny(p, " _")
	return p[:i+1] + pluralWord(p[i+1:])
}

// pluralWord forms the regular English plural of an upper- or lower-case
// word: -IES after a consonant and Y, -ES after S, X, Z, CH and SH, else
// -S.
func pluralWord(w string) string {
	if w == "" {
		return w
	}
	up := upperASCII(w)
	suffix := func(s string) string {
		if w == up {
			return s
		}
		return strings.ToLower(s)
	}
	n := len(up)
	switch {
	case up[n-1] == 'Y' && n > 1 && !strings.ContainsRune("AEIOU", rune(up[n-2])):
		return w[:n-1] + suffix("IES")
	case strings.HasSuffix(up, "S") || strings.HasSuffix(up, "X") || strings.HasSuffix(up, "Z") ||
		strings.HasSuffix(up, "CH") || strings.HasSuffix(up, "SH"):
		return w + suffix("ES")
	}
	return w + suffix("S")
}

// upperASCII upper-cases the ASCII letters of s and leaves every other
// byte, so that the result has the length of s.
func upperASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}
