package petrarch

import (
	"fmt"
	"strings"

	"redline"
)

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
