package petrarch

import (
	"fmt"
	"strings"

	"redline"
)

// Synset is a named set of words and phrases (&NAME) that patterns use in
// place of a word.
type Synset struct {
	Name    string
	Members [][]elem // each a run of adjacent words or nested synsets
	// byFirst and byLast index the members that start (end) with a whole
	// word by its Fold; other lists the rest, tried always.
	byFirst, byLast redline.FoldMap[[]int32]
	other           []int32
}

// index builds the member indices.
func (sy *Synset) index() {
	sy.byFirst, sy.byLast, sy.other = redline.FoldMap[[]int32]{}, redline.FoldMap[[]int32]{}, nil
	for i, m := range sy.Members {
		first, last := &m[0], &m[len(m)-1]
		if first.kind != elWord || first.w.stem != "" || last.kind != elWord || last.w.stem != "" {
			sy.other = append(sy.other, int32(i))
			continue
		}
		sy.byFirst.PutFold(first.w.fold, append(sy.byFirst.Value(first.w.fold), int32(i)))
		sy.byLast.PutFold(last.w.fold, append(sy.byLast.Value(last.w.fold), int32(i)))
	}
}

// VerbBlock is a set of verbs that share patterns. Code is the block's
// primary code, used by its verbs that carry none of their own.
type VerbBlock struct {
	Name     string
	Code     Code
	Patterns []Pattern
}

// verbEntry is one written form of a verb: the blocks it belongs to (the
// patterns of all of them apply) and its code. Words of a multi-word verb
// that come before the verb word are in before, nearest first; those
// after it are in the trie.
type verbEntry struct {
	blocks []int32
	code   Code
	before []phraseWord
	form   formKind
}

// formKind is the inflection a verb form looks like, which helps tell a
// verb from a noun of the same spelling.
type formKind uint8

const (
	formBase  formKind = iota // attack
	formThird                 // attacks
	formPast                  // attacked, broke
	formIng                   // attacking
)

// kindOf guesses the inflection of form, given its verb's base.
func kindOf(form, base string) formKind {
	f, b := strings.ToLower(form), strings.ToLower(base)
	switch {
	case f == b:
		return formBase
	case strings.HasSuffix(f, "ing"):
		return formIng
	case strings.HasSuffix(f, "s") && !strings.HasSuffix(b, "s"):
		return formThird
	}
	return formPast
}

// Verbs is a verb dictionary.
type Verbs struct {
	Blocks  []VerbBlock
	Synsets []Synset
	entries []verbEntry
	trie    trie
	keys    map[string]int32 // a form written out -> entry, to merge repeats
	parser  patternParser
}

func newVerbs() *Verbs {
	return &Verbs{keys: map[string]int32{}, parser: patternParser{synsets: map[string]int32{}}}
}

// read reads a verb dictionary. PETRARCH files group verbs in blocks
// headed "--- NAME [CODE] ---"; in TABARI files each verb line starts its
// own block, irregular forms may follow on a "{ ... }" line, and a
// <SYNSETS> section defines synsets. Synsets are read first so that a
// pattern may use one defined further down.
func (v *Verbs) read(file, data string, d dialect, probs *redline.ProblemList) {
	lines := readLines(file, data, d, probs)
	v.parser.stems = d == tabariDialect
	v.readSynsets(file, lines, probs)
	r := verbReader{v: v, file: file, d: d, probs: probs, block: -1}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		text := strings.TrimSpace(l.text)
		switch {
		case strings.HasPrefix(text, "~~") || strings.Contains(text, "---STOP---"):
			return
		case strings.EqualFold(text, "<TIME>"):
			for i < len(lines) && !strings.EqualFold(strings.TrimSpace(lines[i].text), "</TIME>") {
				i++
			}
		case text[0] == '<':
			// <SYNSETS>, </SYNSETS> and other section tags.
		case text[0] == '&':
			for i+1 < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i+1].text), "+") {
				i++
			}
		case strings.HasPrefix(text, "---") || strings.HasPrefix(text, "###"):
			r.header(l.n, text)
		case text[0] == '-':
			r.pattern(l.n, strings.TrimSpace(text[1:]))
		case text[0] == '*':
			probs.Add(file, l.n, "pattern line lacks its leading \"-\"; read as a pattern")
			r.pattern(l.n, text)
		case text[0] == '{' && d == tabariDialect:
			r.forms(l.n, text)
		default:
			r.verb(l.n, text)
		}
	}
}

// readSynsets reads every "&NAME" line and the "+" members after it.
func (v *Verbs) readSynsets(file string, lines []line, probs *redline.ProblemList) {
	type def struct {
		name    string
		noPlur  bool
		n       int
		members []line
	}
	var defs []def
	for i := 0; i < len(lines); i++ {
		text := strings.TrimSpace(lines[i].text)
		if text[0] != '&' {
			continue
		}
		name := strings.ToUpper(strings.TrimSpace(strings.Fields(text)[0][1:]))
		d := def{name: strings.TrimRight(name, "_"), noPlur: strings.HasSuffix(name, "_"), n: lines[i].n}
		for i+1 < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i+1].text), "+") {
			i++
			d.members = append(d.members, lines[i])
		}
		if d.name == "" {
			probs.Add(file, d.n, "synset without a name")
			continue
		}
		if _, dup := v.parser.synsets[d.name]; dup {
			probs.Add(file, d.n, "synset &%s is defined again; the later definition is used", d.name)
		} else {
			v.Synsets = append(v.Synsets, Synset{Name: d.name})
			v.parser.synsets[d.name] = int32(len(v.Synsets) - 1)
		}
		defs = append(defs, d)
	}
	for _, d := range defs {
		idx := v.parser.synsets[d.name]
		var members [][]elem
		for _, m := range d.members {
			text := strings.Trim(strings.TrimSpace(m.text)[1:], " ()")
			noPlur := d.noPlur || strings.HasSuffix(text, "_")
			forms := []string{text}
			if !noPlur && !strings.Contains(text, "&") {
				forms = append(forms, pluralPhrase(strings.TrimRight(text, "_")))
			}
			for _, f := range forms {
				raw, err := v.parser.scan(strings.TrimRight(f, "_"), false)
				if err != nil {
					probs.Add(file, m.n, "synset &%s: %v", d.name, err)
					break
				}
				es := make([]elem, len(raw))
				for i, r := range raw {
					es[i] = r.elem
					es[i].loose = false
				}
				members = append(members, es)
			}
		}
		if len(members) == 0 {
			probs.Add(file, d.n, "synset &%s has no members", d.name)
		}
		v.Synsets[idx].Members = members
	}
	v.checkSynsetCycles(file, probs)
	for i := range v.Synsets {
		v.Synsets[i].index()
	}
}

// checkSynsetCycles empties any synset that contains itself, directly or
// through others, so that matching always ends.
func (v *Verbs) checkSynsetCycles(file string, probs *redline.ProblemList) {
	state := make([]uint8, len(v.Synsets)) // 0 new, 1 on the path, 2 done
	var visit func(i int32) bool
	visit = func(i int32) bool {
		switch state[i] {
		case 1:
			return false
		case 2:
			return true
		}
		state[i] = 1
		for _, m := range v.Synsets[i].Members {
			for _, e := range m {
				if e.kind == elSynset && !visit(e.syn) {
					state[i] = 2
					v.Synsets[i].Members = nil
					probs.Add(file, 0, "synset &%s contains itself; it is left empty", v.Synsets[i].Name)
					return true
				}
			}
		}
		state[i] = 2
		return true
	}
	for i := range v.Synsets {
		visit(int32(i))
	}
}

// verbReader holds the state of reading one verb file.
type verbReader struct {
	v        *Verbs
	file     string
	d        dialect
	probs    *redline.ProblemList
	block    int32 // current block, -1 before the first
	lastVerb string
}

func (r *verbReader) header(n int, text string) {
	body := strings.Trim(text, "-# \t")
	name, code := body, Code{Active: nullCode}
	if i := strings.IndexByte(body, '['); i >= 0 {
		name = strings.TrimSpace(body[:i])
		end := strings.IndexByte(body[i:], ']')
		if end < 0 {
			r.probs.Add(r.file, n, "unclosed \"[\" in block header")
			return
		}
		c, err := parseCode(body[i+1 : i+end])
		if err != nil {
			r.probs.Add(r.file, n, "%v", err)
			return
		}
		code = c
	}
	r.v.Blocks = append(r.v.Blocks, VerbBlock{Name: name, Code: code})
	r.block = int32(len(r.v.Blocks) - 1)
}

func (r *verbReader) pattern(n int, body string) {
	if r.block < 0 {
		r.probs.Add(r.file, n, "pattern before any verb")
		return
	}
	i, j := strings.LastIndexByte(body, '['), strings.LastIndexByte(body, ']')
	if i < 0 || j < i {
		r.probs.Add(r.file, n, "pattern has no [code]")
		return
	}
	code, err := parseCode(body[i+1 : j])
	if err != nil {
		r.probs.Add(r.file, n, "%v", err)
		return
	}
	upper, lower, err := r.v.parser.parse(body[:i])
	if err != nil {
		r.probs.Add(r.file, n, "pattern %q: %v", strings.TrimSpace(body[:i]), err)
		return
	}
	p := Pattern{Upper: upper, Lower: lower, Code: code, Text: strings.TrimSpace(body[:i]), File: r.file, Line: n}
	p.weigh()
	b := &r.v.Blocks[r.block]
	b.Patterns = append(b.Patterns, p)
}

// verb reads a verb line: "VERB {FORMS} [CODE]", a multi-word verb with
// its verb word marked by "+" ("WIRE_+TAP", "+CORDON_OFF"), or, in
// TABARI files, a verb that starts its own block.
func (r *verbReader) verb(n int, text string) {
	var code Code
	hasCode := false
	if i := strings.LastIndexByte(text, '['); i >= 0 {
		j := strings.LastIndexByte(text, ']')
		if j < i {
			r.probs.Add(r.file, n, "unclosed \"[\" in %q", text)
			return
		}
		c, err := parseCode(text[i+1 : j])
		if err != nil {
			r.probs.Add(r.file, n, "%v", err)
			return
		}
		code, hasCode, text = c, true, strings.TrimSpace(text[:i])
	}
	var forms []string
	braces := false
	if i := strings.IndexByte(text, '{'); i >= 0 {
		j := strings.IndexByte(text, '}')
		if j < i {
			r.probs.Add(r.file, n, "unclosed \"{\" in %q", text)
			return
		}
		forms, braces = strings.Fields(text[i+1:j]), true
		text = strings.TrimSpace(text[:i])
	}
	if text == "" {
		r.probs.Add(r.file, n, "verb line without a verb")
		return
	}
	if r.d == tabariDialect || r.block < 0 {
		name := strings.TrimRight(text, "_=")
		blockCode := code
		if !hasCode {
			blockCode = Code{Active: nullCode}
		}
		r.v.Blocks = append(r.v.Blocks, VerbBlock{Name: name, Code: blockCode})
		r.block = int32(len(r.v.Blocks) - 1)
	}
	if !hasCode {
		code = r.v.Blocks[r.block].Code
	}
	r.lastVerb = text
	all := []string{text}
	switch {
	case braces:
		all = append(all, forms...)
	case r.d != tabariDialect:
		all = append(all, regularForms(text)...)
	}
	for _, f := range all {
		if err := r.v.addForm(f, text, r.block, code, r.d == tabariDialect); err != nil {
			r.probs.Add(r.file, n, "%v", err)
		}
	}
}

// forms reads a TABARI "{ FORM FORM }" line of irregular forms of the verb
// above it.
func (r *verbReader) forms(n int, text string) {
	if r.block < 0 || r.lastVerb == "" {
		r.probs.Add(r.file, n, "verb forms before any verb")
		return
	}
	code := r.v.Blocks[r.block].Code
	for _, f := range strings.Fields(strings.Trim(text, "{} \t")) {
		if err := r.v.addForm(f, r.lastVerb, r.block, code, true); err != nil {
			r.probs.Add(r.file, n, "%v", err)
		}
	}
}

// addForm stores one written form of a verb whose base form is base.
func (v *Verbs) addForm(form, base string, block int32, code Code, stems bool) error {
	form = strings.TrimSpace(strings.Trim(form, "="))
	words := strings.FieldsFunc(form, func(r rune) bool { return r == '_' || r == ' ' })
	if len(words) == 0 {
		return fmt.Errorf("empty verb form")
	}
	verb := 0
	marked := false
	for i, w := range words {
		if strings.HasPrefix(w, "+") {
			if marked {
				return fmt.Errorf("verb form %q marks two verb words", form)
			}
			verb, marked = i, true
			words[i] = w[1:]
		}
	}
	for _, w := range words {
		if w == "" {
			return fmt.Errorf("verb form %q has an empty word", form)
		}
	}
	whole := strings.HasSuffix(form, "_")
	after, err := parsePhrase(strings.Join(words[verb:], "_")+map[bool]string{true: "_"}[whole], stems)
	if err != nil {
		return err
	}
	var before []phraseWord
	for i := verb - 1; i >= 0; i-- {
		ws := splitWord(words[i])
		for j := len(ws) - 1; j >= 0; j-- {
			before = append(before, phraseWord{fold: redline.FoldOf(ws[j])})
		}
	}
	key := strings.ToLower(strings.Join(words[:verb], " ") + "|" + strings.Join(words[verb:], " "))
	if e, ok := v.keys[key]; ok {
		v.entries[e].code = code
		for _, b := range v.entries[e].blocks {
			if b == block {
				return nil
			}
		}
		v.entries[e].blocks = append(v.entries[e].blocks, block)
		return nil
	}
	kind := kindOf(words[verb], verbWord(base))
	if stems {
		kind = formBase // a TABARI stem stands for every form
	}
	v.entries = append(v.entries, verbEntry{blocks: []int32{block}, code: code, before: before, form: kind})
	e := int32(len(v.entries) - 1)
	v.keys[key] = e
	v.trie.insert(after, e)
	return nil
}

// verbWord returns the verb word of a written verb: the word marked "+",
// else the first.
func verbWord(text string) string {
	words := strings.FieldsFunc(text, func(r rune) bool { return r == '_' || r == ' ' })
	for _, w := range words {
		if strings.HasPrefix(w, "+") {
			return w[1:]
		}
	}
	if len(words) == 0 {
		return ""
	}
	return strings.Trim(words[0], "=")
}

// regularForms returns the regular inflections of a verb written in
// upper case, applied to its verb word ("+" marked, else the first):
// -S or -ES, -ED or -D, -ING, with -IES and -IED after a consonant and
// Y, and doubled final consonants as an alternative ("STOPPED").
func regularForms(text string) []string {
	words := strings.FieldsFunc(text, func(r rune) bool { return r == '_' || r == ' ' })
	if len(words) == 0 {
		return nil
	}
	verb := 0
	for i, w := range words {
		if strings.HasPrefix(w, "+") {
			verb = i
		}
	}
	root := strings.TrimPrefix(words[verb], "+")
	if root == "" {
		return nil
	}
	var forms []string
	for _, f := range inflect(upperASCII(root)) {
		w := append([]string(nil), words...)
		if strings.HasPrefix(words[verb], "+") {
			w[verb] = "+" + f
		} else {
			w[verb] = f
		}
		forms = append(forms, strings.Join(w, "_"))
	}
	return forms
}

// inflect returns the regular forms of an upper-case verb.
func inflect(root string) []string {
	n := len(root)
	last := root[n-1]
	vowel := func(c byte) bool { return strings.IndexByte("AEIOU", c) >= 0 }
	var out []string
	switch {
	case last == 'E':
		out = append(out, root+"S", root+"D", root[:n-1]+"ING")
	case last == 'Y' && n > 1 && !vowel(root[n-2]):
		out = append(out, root[:n-1]+"IES", root[:n-1]+"IED", root+"ING")
	case strings.HasSuffix(root, "S") || strings.HasSuffix(root, "X") || strings.HasSuffix(root, "Z") ||
		strings.HasSuffix(root, "CH") || strings.HasSuffix(root, "SH"):
		out = append(out, root+"ES", root+"ED", root+"ING")
	default:
		out = append(out, root+"S", root+"ED", root+"ING")
	}
	if n >= 3 && !vowel(last) && strings.IndexByte("WXY", last) < 0 && vowel(root[n-2]) && !vowel(root[n-3]) {
		out = append(out, root+string(last)+"ED", root+string(last)+"ING")
	}
	return out
}
