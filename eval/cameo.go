package eval

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"strings"

	"redline"
	"redline/event"
	"redline/extract"
)

// ReadCAMEO reads the CAMEO codebook table at path (andybega/icews
// cameo-codes.csv: code, name, Goldstein, description, usage notes and one
// example sentence per code) and returns one record per code with an
// example. The file's stray bytes are decoded (see decodeCP1252) and the
// coder's notes after an example ("Note: ...") are dropped.
func ReadCAMEO(path string) ([]EventRecord, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	rows, err := csv.NewReader(strings.NewReader(decodeCP1252(b))).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: empty", path)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	code, example := col["code"], col["example"]
	if code == 0 || example == 0 {
		return nil, fmt.Errorf("%s: want columns code and example", path)
	}
	var out []EventRecord
	for _, r := range rows[1:] {
		text := exampleText(r[example])
		if text == "" || len(r[code]) < 3 {
			continue
		}
		out = append(out, EventRecord{ID: r[code], Gold: r[code], Text: text})
	}
	return out, nil
}

// exampleText trims an example and drops the coder's note after it.
func exampleText(s string) string {
	if s == "NA" {
		return ""
	}
	if i := strings.Index(s, "Note:"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

// macQuotes maps the last byte of the three-byte runs the codebook holds
// where curly quotes and dashes were read as Mac Roman and written as
// cp1252 ("\x82\xc4\xf4" is a right single quote).
var macQuotes = map[byte]string{0xf4: "’", 0xf2: "‘", 0xfa: "“", 0xf9: "”", 0xee: "—", 0xec: "–"}

// cp1252High maps the cp1252 bytes 0x80-0x9f that differ from Latin-1.
var cp1252High = map[byte]rune{
	0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰',
	0x8a: 'Š', 0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•',
	0x96: '–', 0x97: '—', 0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ',
}

// decodeCP1252 decodes the codebook's bytes: ASCII as is, the mangled
// quote runs as the quotes they stood for, any other high byte as cp1252.
func decodeCP1252(b []byte) string {
	var out bytes.Buffer
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c < 0x80:
			out.WriteByte(c)
		case c == 0x82 && i+2 < len(b) && b[i+1] == 0xc4 && macQuotes[b[i+2]] != "":
			out.WriteString(macQuotes[b[i+2]])
			i += 2
		case cp1252High[c] != 0:
			out.WriteRune(cp1252High[c])
		default:
			out.WriteRune(rune(c))
		}
	}
	return out.String()
}

// CAMEO scores p on the example sentences of the CAMEO codebook at path
// (see ReadCAMEO): root-code accuracy of the best (first) system event,
// 3-digit accuracy, recall of the root, extras, a per-root table and the
// errors.
func CAMEO(path string, p *extract.Pipeline) (*EventScores, error) {
	recs, err := ReadCAMEO(path)
	if err != nil {
		return nil, err
	}
	key := func(e redline.Event) string { return root(e.CAMEO) }
	gold := func(r EventRecord) string { return root(r.Gold) }
	return scoreEvents("CAMEO codebook", recs, forEvents(p), key, gold, gold), nil
}

func root(code string) string {
	if len(code) < 2 {
		return code
	}
	return code[:2]
}

// forEvents returns a copy of p whose event coder codes the way event
// datasets do: the speech acts of statements (event.Coder.SpeechActs) and
// actors missing from the dictionary (event.Coder.NewActors) included.
// A pipeline whose events come from another coder is left as it is.
func forEvents(p *extract.Pipeline) *extract.Pipeline {
	c, ok := p.Events.(*event.Coder)
	if !ok {
		return p
	}
	q := *p
	q.Events = &event.Coder{Lexicon: c.Lexicon, Discards: c.Discards, SpeechActs: true, NewActors: true}
	return &q
}
