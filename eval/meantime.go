package eval

import (
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"redline"
)

// mtDoc is the part of a MEANTIME document the reader needs.
type mtDoc struct {
	Name   string    `xml:"doc_name,attr"`
	Tokens []mtToken `xml:"token"`
	Timex  []mtTimex `xml:"Markables>TIMEX3"`
}

type mtToken struct {
	ID       string `xml:"t_id,attr"`
	Sentence int    `xml:"sentence,attr"`
	Text     string `xml:",chardata"`
}

type mtTimex struct {
	Type     string `xml:"type,attr"`
	Value    string `xml:"value,attr"`
	Mod      string `xml:"mod,attr"`
	Function string `xml:"functionInDocument,attr"`
	Anchors  []struct {
		ID string `xml:"t_id,attr"`
	} `xml:"token_anchor"`
}

// ReadMEANTIME reads a MEANTIME stand-off XML file. Its plain text is
// rebuilt from the tokens, with spaces where English writes them ("U.S.
// 's" becomes "U.S.'s"), a blank line after the title, and the creation
// time's own tokens left out.
func ReadMEANTIME(path string) (*Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d := xml.NewDecoder(f)
	var md mtDoc
	if err := d.Decode(&md); err != nil {
		line, _ := d.InputPos()
		return nil, fmt.Errorf("%s:%d: %w", path, line, err)
	}
	doc, err := md.build()
	if err != nil {
		return nil, fmt.Errorf("%s:%d: %w", path, 1, err)
	}
	doc.Name = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return doc, nil
}

// build rebuilds the text and places the gold expressions in it.
func (md *mtDoc) build() (*Doc, error) {
	skip := map[string]bool{}
	doc := &Doc{}
	md.markDCT()
	for _, x := range md.Timex {
		if x.Function != "CREATION_TIME" {
			continue
		}
		t, err := parseDCT(x.Value)
		if err != nil {
			return nil, fmt.Errorf("creation time: %w", err)
		}
		doc.DCT = t
		for _, a := range x.Anchors {
			skip[a.ID] = true
		}
	}
	if doc.DCT.IsZero() {
		return nil, fmt.Errorf("no creation time")
	}
	spans := md.detokenize(doc, skip)
	for _, x := range md.Timex {
		if x.Function == "CREATION_TIME" || len(x.Anchors) == 0 {
			continue
		}
		sp := redline.Span{Start: -1}
		for _, a := range x.Anchors {
			t, ok := spans[a.ID]
			if !ok {
				return nil, fmt.Errorf("TIMEX3 %q: unknown token %s", x.Value, a.ID)
			}
			if sp.Start < 0 || t.Start < sp.Start {
				sp.Start = t.Start
			}
			sp.End = max(sp.End, t.End)
		}
		doc.Timexes = append(doc.Timexes, Timex{Span: sp, Text: doc.Text[sp.Start:sp.End], Type: x.Type,
			Value: x.Value, Mod: x.Mod})
	}
	sortTimexes(doc.Timexes)
	return doc, nil
}

// markDCT marks as the creation time, when no TIMEX3 is, the one that
// fills the dateline (sentence 1, after the title), as a few files have it.
func (md *mtDoc) markDCT() {
	sent := make(map[string]int, len(md.Tokens))
	for _, t := range md.Tokens {
		sent[t.ID] = t.Sentence
	}
	for _, x := range md.Timex {
		if x.Function == "CREATION_TIME" {
			return
		}
	}
	for i, x := range md.Timex {
		inLine := len(x.Anchors) > 0
		for _, a := range x.Anchors {
			inLine = inLine && sent[a.ID] == 1
		}
		if inLine {
			md.Timex[i].Function = "CREATION_TIME"
			return
		}
	}
}

// detokenize writes the tokens as text and returns each token's span.
func (md *mtDoc) detokenize(doc *Doc, skip map[string]bool) map[string]redline.Span {
	var b strings.Builder
	spans := make(map[string]redline.Span, len(md.Tokens))
	prev, sent := "", -1
	quoteOpen := false
	for _, t := range md.Tokens {
		if skip[t.ID] {
			continue
		}
		w := t.Text
		switch {
		case b.Len() == 0:
		case t.Sentence != sent && sent <= 1:
			b.WriteString("\n\n")
		case noSpaceBefore(w, quoteOpen) || noSpaceAfter(prev, quoteOpen):
		default:
			b.WriteByte(' ')
		}
		if w == "\"" {
			quoteOpen = !quoteOpen
		}
		spans[t.ID] = redline.Span{Start: b.Len(), End: b.Len() + len(w)}
		b.WriteString(w)
		prev, sent = w, t.Sentence
	}
	doc.Text = b.String()
	return spans
}

// noSpaceBefore reports whether token w attaches to the token before it.
func noSpaceBefore(w string, quoteOpen bool) bool {
	switch w {
	case ",", ".", ";", ":", "!", "?", "%", ")", "]", "'s", "'S", "n't", "'re", "'ve", "'ll", "'d", "'m", "...":
		return true
	case "\"":
		return quoteOpen
	}
	return false
}

// noSpaceAfter reports whether the token after prev attaches to it.
func noSpaceAfter(prev string, quoteOpen bool) bool {
	switch prev {
	case "(", "[", "$", "£", "€":
		return true
	case "\"":
		return quoteOpen
	}
	return false
}

// LoadMEANTIME reads every .xml file under dir, in path order, skipping
// unreadable files as LoadTE3 does.
func LoadMEANTIME(dir string) (docs []*Doc, skipped []error, err error) {
	return loadDir(dir, ".xml", ReadMEANTIME)
}

func sortTimexes(xs []Timex) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j].Span.Start < xs[j-1].Span.Start; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}
