package petrarch

import (
	"fmt"
	"strconv"
	"strings"

	"redline"
)

// Discards is a discard list: phrases that mark a sentence (or, written
// with a leading "+", a whole story) as not to be coded: sport, films,
// history. A phrase's last word matches as a stem unless it ends in "_".
type Discards struct {
	Phrases []Discard
	trie    trie
}

// Discard is one discard phrase.
type Discard struct {
	Text  string
	Story bool
}

func (ds *Discards) read(file, data string, d dialect, probs *redline.ProblemList) {
	for _, l := range readLines(file, data, d, probs) {
		text := strings.TrimSpace(l.text)
		story := strings.HasPrefix(text, "+")
		text = strings.TrimSpace(strings.TrimPrefix(text, "+"))
		if text == "" {
			probs.Add(file, l.n, "empty discard phrase")
			continue
		}
		p, err := parsePhrase(text, true)
		if err != nil {
			probs.Add(file, l.n, "%v", err)
			continue
		}
		for i := range p {
			p[i].loose = false
		}
		ds.Phrases = append(ds.Phrases, Discard{Text: text, Story: story})
		ds.trie.insert(p, int32(len(ds.Phrases)-1))
	}
}

// Issues is an issue list: phrases, each with an issue code, counted in
// the sentences that code events. A phrase written "~PHRASE" in a section
// turns off the section's issues in a sentence that contains it.
type Issues struct {
	Codes    []string
	sections []issueSection
	phrases  []issuePhrase
	trie     trie
}

type issueSection struct{ name string }

type issuePhrase struct {
	code    int32 // index into Codes; -1 for an exclusion
	section int32
}

// read reads an issue file: <ISSUE CATEGORY="..."> sections of "phrase
// [CODE]" lines, where "n:word" stands for the word and its plural,
// "v:word" for its regular verb forms, and "a+b" for both "a b" and "a-b".
func (is *Issues) read(file, data string, d dialect, probs *redline.ProblemList) {
	section := int32(-1)
	codes := map[string]int32{}
	for _, l := range readLines(file, data, d, probs) {
		text := strings.TrimSpace(l.text)
		switch {
		case strings.HasPrefix(text, "</"):
			section = -1
			continue
		case strings.HasPrefix(strings.ToUpper(text), "<ISSUE"):
			name := text
			if i := strings.Index(text, "\""); i >= 0 {
				name = strings.SplitN(text[i+1:], "\"", 2)[0]
			}
			is.sections = append(is.sections, issueSection{name: name})
			section = int32(len(is.sections) - 1)
			continue
		case text[0] == '<':
			continue
		}
		code := int32(-1)
		if text[0] == '~' {
			text = strings.TrimLeft(text, "~")
		} else {
			i, j := strings.IndexByte(text, '['), strings.IndexByte(text, ']')
			if i < 0 || j < i {
				probs.Add(file, l.n, "issue phrase %q has no [CODE]", text)
				continue
			}
			c := strings.TrimSpace(text[i+1 : j])
			if c == "" || strings.ContainsAny(c, " \t") {
				probs.Add(file, l.n, "malformed issue code [%s]", c)
				continue
			}
			idx, ok := codes[c]
			if !ok {
				is.Codes = append(is.Codes, c)
				idx = int32(len(is.Codes) - 1)
				codes[c] = idx
			}
			code, text = idx, strings.TrimSpace(text[:i])
		}
		forms, err := issueForms(text)
		if err != nil {
			probs.Add(file, l.n, "%v", err)
			continue
		}
		is.phrases = append(is.phrases, issuePhrase{code: code, section: section})
		for _, f := range forms {
			p, err := parsePhrase(f, false)
			if err != nil {
				probs.Add(file, l.n, "%v", err)
				break
			}
			for i := range p {
				p[i].loose = false
			}
			is.trie.insert(p, int32(len(is.phrases)-1))
		}
	}
}

// issueForms expands the n:, v: and + notations of an issue phrase.
func issueForms(s string) ([]string, error) {
	words := strings.Fields(s)
	if len(words) == 0 {
		return nil, fmt.Errorf("empty issue phrase")
	}
	out := []string{""}
	for _, w := range words {
		var alts []string
		for _, part := range strings.Split(w, "+") {
			if part == "" {
				return nil, fmt.Errorf("issue phrase %q has an empty part around \"+\"", s)
			}
		}
		for _, joined := range joinVariants(w) {
			alts = append(alts, wordForms(joined)...)
		}
		var next []string
		for _, o := range out {
			for _, a := range alts {
				next = append(next, strings.TrimSpace(o+" "+a))
			}
		}
		out = next
	}
	return out, nil
}

// joinVariants writes "a+b" both as "a b" and as "a-b".
func joinVariants(w string) []string {
	i := strings.IndexByte(w, '+')
	if i < 0 {
		return []string{w}
	}
	var out []string
	for _, rest := range joinVariants(w[i+1:]) {
		out = append(out, w[:i]+" "+rest, w[:i]+"-"+rest)
	}
	return out
}

// wordForms expands n: and v: prefixes within a (possibly spaced) word.
func wordForms(w string) []string {
	for _, p := range []string{"n:", "N:", "v:", "V:"} {
		i := strings.Index(w, p)
		if i < 0 {
			continue
		}
		head, root := w[:i], w[i+2:]
		if p[0] == 'n' || p[0] == 'N' {
			return []string{head + root, head + pluralWord(root)}
		}
		out := []string{head + root}
		for _, f := range inflect(upperASCII(root)) {
			out = append(out, head+matchCase(root, f))
		}
		return out
	}
	return []string{w}
}

func matchCase(model, s string) string {
	if upperASCII(model) == model {
		return s
	}
	return strings.ToLower(s)
}

// ontology is UD-PETRARCH's internal coding ontology (PICO): each CAMEO
// code is a number whose parts (a cue, a modifier, an object) combine by
// addition, so that negating a verb is subtracting 0xFFFF.
type ontology struct {
	value map[string]int
	code  map[int]string
}

// read reads lines "CODE:VALUE[#comment]" where VALUE is a sum of signed
// hexadecimal terms such as "-0xFFFF+0x0070".
func (o *ontology) read(file, data string, probs *redline.ProblemList) {
	o.value, o.code = map[string]int{}, map[int]string{}
	for _, l := range readLines(file, data, tabariDialect, probs) {
		code, expr, ok := strings.Cut(strings.TrimSpace(l.text), ":")
		if !ok {
			probs.Add(file, l.n, "want CODE:VALUE")
			continue
		}
		expr, _, _ = strings.Cut(expr, "#")
		v, err := hexSum(strings.TrimSpace(expr))
		code = strings.TrimSpace(code)
		if err != nil || code == "" {
			probs.Add(file, l.n, "cannot read value %q of code %q", expr, code)
			continue
		}
		o.value[code] = v
		if _, dup := o.code[v]; !dup {
			o.code[v] = code
		}
	}
}

func hexSum(s string) (int, error) {
	if s == "" {
		return 0, fmt.Errorf("empty")
	}
	total, i := 0, 0
	for i < len(s) {
		sign := 1
		switch s[i] {
		case '-':
			sign, i = -1, i+1
		case '+':
			i++
		}
		j := i
		for j < len(s) && s[j] != '+' && s[j] != '-' {
			j++
		}
		v, err := strconv.ParseInt(strings.TrimSpace(s[i:j]), 0, 64)
		if err != nil {
			return 0, err
		}
		total += sign * int(v)
		i = j
	}
	return total, nil
}

// negate returns the code the ontology gives to refusing the event with
// this code, or false when it has none.
func (o *ontology) negate(code string) (string, bool) {
	if o == nil || o.value == nil {
		return "", false
	}
	v, ok := o.value[code]
	if !ok {
		return "", false
	}
	c, ok := o.code[v-0xFFFF]
	return c, ok
}
