package petrarch

import (
	"fmt"
	"strings"

	"redline"
)

// Code is an event code, or a pair written [A:B]: A is the event from the
// source to the target and B the event back from the target to the source
// (a visit and the hosting of it). Either may be empty; "---" codes no
// event.
type Code struct {
	Active, Passive string
	Paired          bool
}

// String writes the code as the dictionary does.
func (c Code) String() string {
	if c.Paired {
		return c.Active + ":" + c.Passive
	}
	return c.Active
}

// parseCode reads the inside of a bracketed verb or pattern code.
func parseCode(s string) (Code, error) {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s, " \t[]") {
		return Code{}, fmt.Errorf("malformed code [%s]", s)
	}
	if a, p, ok := strings.Cut(s, ":"); ok {
		if strings.Contains(p, ":") || a == "" && p == "" {
			return Code{}, fmt.Errorf("malformed code pair [%s]", s)
		}
		return Code{Active: a, Passive: p, Paired: true}, nil
	}
	return Code{Active: s}, nil
}

// ignored reports whether a pattern with this code is one that PETRARCH
// leaves for a human: TABARI's complex (+++) and discard (###) codes.
func (c Code) ignored() bool {
	return c.Active == "+++" || c.Active == "###"
}

type elemKind uint8

const (
	elWord     elemKind = iota
	elSynset            // &NAME
	elSource            // $
	elTarget            // +
	elCompound          // %
	elSkip              // ^: one noun phrase
	elAlt               // TABARI's { A | B }: any one of the alternatives
)

// elem is one element of a verb pattern.
type elem struct {
	kind elemKind
	// loose lets other words come between this element and the previous
	// one in the direction of matching (the verb, for the first).
	loose bool
	// group is '(' inside a prepositional phrase and '{' inside a noun
	// phrase, where only words of the phrase may come between elements;
	// first marks the group's first element in the direction of matching.
	group byte
	gid   uint8 // which group, counted in the pattern, so that adjacent groups stay apart
	outer byte  // '(' for a noun-phrase group inside a prepositional one
	first bool
	// head marks the last element of a noun-phrase group as written: the
	// phrase's head, which its last modifier must touch.
	head bool
	w    phraseWord
	// plural is the Fold of the word's regular plural, which a pattern
	// matched on lemmas accepts too.
	plural redline.Fold
	syn    int32
	alts   [][]elem
}

// Pattern is one verb pattern: the elements matched leftwards from the
// verb (Upper, nearest first) and rightwards (Lower), and its code.
type Pattern struct {
	Upper, Lower []elem
	Code         Code
	Text         string // as written, for explanations
	File         string
	Line         int
	weight       int  // matched elements: the more, the more specific
	wordsBefore  bool // some element before the verb is a word or synset outside a noun-phrase group
	// need lists the Folds of the pattern's literal words, and needPlural
	// their plurals: a sentence without them cannot match.
	need, needPlural []redline.Fold
}

// patternParser turns pattern and synset text into elements.
type patternParser struct {
	synsets map[string]int32 // upper-case name without "&" -> index
	stems   bool             // TABARI words are stems
}

// rawElem is an element in written order with the connector before it.
type rawElem struct {
	elem
	star bool
}

// parse reads the elements of a pattern body such as
// "SAID + * (TO {BANNED PARTIES})".
func (pp *patternParser) parse(s string) (upper, lower []elem, err error) {
	raw, err := pp.scan(s, true)
	if err != nil {
		return nil, nil, err
	}
	star := -1
	for i, r := range raw {
		if r.star {
			if star >= 0 {
				return nil, nil, fmt.Errorf("pattern has more than one \"*\"")
			}
			star = i
		}
	}
	if star < 0 {
		return nil, nil, fmt.Errorf("pattern has no \"*\" for the verb")
	}
	for i := range raw {
		g := raw[i].group
		raw[i].head = g == '{' && (i+1 == len(raw) || raw[i+1].gid != raw[i].gid || raw[i+1].star)
	}
	for i := star + 1; i < len(raw); i++ {
		lower = append(lower, raw[i].elem)
	}
	markFirst(lower)
	// Upper elements are matched from the verb leftwards: each takes the
	// connector that follows it in the text.
	for i := star - 1; i >= 0; i-- {
		e := raw[i].elem
		e.loose = raw[i+1].loose
		upper = append(upper, e)
	}
	markFirst(upper)
	return upper, lower, nil
}

// markFirst marks the first element of each group in matching order.
func markFirst(es []elem) {
	for i := range es {
		es[i].first = es[i].group != 0 && (i == 0 || es[i-1].gid != es[i].gid)
	}
}

// scan splits s into raw elements. Roles and "*" are allowed only when
// pattern is set; synset members are plain phrases.
func (pp *patternParser) scan(s string, pattern bool) ([]rawElem, error) {
	var out []rawElem
	loose := true
	var group, outer byte        // the innermost group and the one around it: {...} may sit in (...)
	var gid, cur, outerGid uint8 // cur is gid inside a group, 0 outside
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t':
			loose = true
			i++
			continue
		case c == '_':
			// "X_ Y" is an open connector, as PETRARCH reads it.
			if i+1 < len(s) && s[i+1] != ' ' && s[i+1] != '\t' {
				loose = false
			}
			i++
			continue
		case c == '(' || c == '{':
			if group != 0 && !(group == '(' && c == '{' && outer == 0) {
				return nil, fmt.Errorf("nested %q", c)
			}
			if c == '{' && strings.Contains(s[i:min(len(s), i+strings.IndexByte(s[i:]+"}", '}'))], "|") {
				e, n, err := pp.alternatives(s[i:])
				if err != nil {
					return nil, err
				}
				e.loose = loose
				out = append(out, rawElem{elem: e})
				i += n
				loose = false
				continue
			}
			if group != 0 {
				outer, outerGid = group, cur
			}
			group = c
			gid++
			cur = gid
			i++
			continue
		case c == ')' || c == '}':
			if group == 0 || c == ')' && group != '(' || c == '}' && group != '{' {
				return nil, fmt.Errorf("unbalanced %q", c)
			}
			group, cur = outer, outerGid
			outer, outerGid = 0, 0
			i++
			continue
		}
		j := i
		if c == '*' {
			for j < len(s) && s[j] == '*' {
				j++
			}
		}
		for j < len(s) && s[i] != '*' && !strings.ContainsRune(" \t_(){}*", rune(s[j])) {
			j++
		}
		tok := s[i:j]
		var e rawElem
		switch tok {
		case "*", "**":
			if !pattern {
				return nil, fmt.Errorf("\"*\" outside a pattern")
			}
			e.star = true
		case "$", "+", "%", "^":
			if !pattern {
				return nil, fmt.Errorf("%q in a synset member", tok)
			}
			e.kind = map[string]elemKind{"$": elSource, "+": elTarget, "%": elCompound, "^": elSkip}[tok]
		default:
			if tok[0] == '&' {
				n, idx, ok := pp.synsetAt(s[i:])
				if !ok {
					return nil, fmt.Errorf("synset %s is not defined", tok)
				}
				e.kind, e.syn = elSynset, idx
				j = i + n
			} else {
				w := strings.Trim(tok, "=")
				stem := strings.HasSuffix(w, "~")
				w = strings.TrimSuffix(w, "~")
				if w == "" {
					return nil, fmt.Errorf("empty word in %q", s)
				}
				for k, t := range splitWord(w) {
					pw := phraseWord{fold: redline.FoldOf(t)}
					plural := redline.FoldOf(pluralWord(t))
					if stem || pp.stems && !strings.HasPrefix(s[j:], "_") {
						pw.stem = strings.ToLower(t)
					}
					re := rawElem{elem: elem{kind: elWord, w: pw, plural: plural, group: group, gid: cur, outer: outer, loose: loose && k == 0}}
					out = append(out, re)
				}
				loose = false
				i = j
				continue
			}
		}
		e.loose, e.group, e.gid, e.outer = loose, group, cur, outer
		out = append(out, e)
		loose = false
		i = j
	}
	if group != 0 {
		return nil, fmt.Errorf("unclosed %q", group)
	}
	return out, nil
}

// synsetAt reads the longest defined synset name at the start of s
// ("&FIGHT_OF_WORDS" before "&FIGHT") and returns its length.
func (pp *patternParser) synsetAt(s string) (int, int32, bool) {
	j := 1
	for j < len(s) && (isWordByte(s[j]) || s[j] == '_') {
		j++
	}
	for ; j > 1; j-- {
		name := strings.ToUpper(strings.TrimRight(s[1:j], "_"))
		if idx, ok := pp.synsets[name]; ok && (j == len(s) || s[j] == '_' || !isWordByte(s[j])) {
			return j, idx, true
		}
	}
	return 0, 0, false
}

func isWordByte(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
}

// alternatives reads TABARI's "{ A | B | C }" at the start of s.
func (pp *patternParser) alternatives(s string) (elem, int, error) {
	end := strings.IndexByte(s, '}')
	if end < 0 {
		return elem{}, 0, fmt.Errorf("unclosed \"{\"")
	}
	e := elem{kind: elAlt}
	for _, a := range strings.Split(s[1:end], "|") {
		raw, err := pp.scan(strings.TrimSpace(a), false)
		if err != nil {
			return elem{}, 0, err
		}
		if len(raw) == 0 {
			return elem{}, 0, fmt.Errorf("empty alternative in %q", s[:end+1])
		}
		alt := make([]elem, len(raw))
		for i, r := range raw {
			alt[i] = r.elem
			alt[i].loose = i > 0 && r.loose
		}
		e.alts = append(e.alts, alt)
	}
	return e, end + 1, nil
}

// weigh counts a pattern's elements; specific patterns outrank general
// ones.
func (p *Pattern) weigh() {
	p.weight = len(p.Upper) + len(p.Lower)
	for _, es := range [2][]elem{p.Upper, p.Lower} {
		for _, e := range es {
			if e.kind == elWord && e.w.stem == "" {
				p.need = append(p.need, e.w.fold)
				p.needPlural = append(p.needPlural, e.plural)
			}
		}
	}
	for _, e := range p.Upper {
		if e.group != '{' && (e.kind == elWord || e.kind == elSynset || e.kind == elAlt) {
			p.wordsBefore = true
		}
	}
}
