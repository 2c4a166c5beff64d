package event

import (
	"strings"

	"redline"
	"redline/verb"
)

// Coder codes events. Lexicon must be set.
type Coder struct {
	Lexicon *verb.Lexicon
}

// sentence is one sentence being coded, with its mentions.
type sentence struct {
	text     string
	index    int
	toks     []redline.Token
	mentions []redline.Mention
	skip     []redline.Span // quoted and reported content: not the author's claims
}

// Code returns the events of a document in text order. skip lists spans
// whose actions are someone's words rather than the author's report (the
// statements' content); mentions must be in text order.
func (c *Coder) Code(text string, sents []redline.Sentence, mentions []redline.Mention, skip []redline.Span) []redline.Event {
	var out []redline.Event
	mi := 0
	for i, s := range sents {
		for mi < len(mentions) && mentions[mi].Sentence < i {
			mi++
		}
		end := mi
		for end < len(mentions) && mentions[end].Sentence == i {
			end++
		}
		sent := sentence{text: text, index: i, toks: s.Tokens, mentions: mentions[mi:end], skip: skip}
		out = append(out, c.codeSentence(&sent)...)
	}
	return dedupe(out)
}

func (c *Coder) codeSentence(s *sentence) []redline.Event {
	var out []redline.Event
	for t := 0; t < len(s.toks); t++ {
		m, ok := c.Lexicon.ActionAt(s.text, s.toks, t)
		if !ok || s.skipped(s.toks[t].Span) {
			continue
		}
		if m.Form == verb.FormNoun && !s.happened(t, m.End) {
			continue
		}
		if m.Form == verb.FormBase && !s.hasAuxBefore(t) {
			continue // a bare lemma with no auxiliary is usually a noun or an infinitive of intent
		}
		if m.Form == verb.FormGerund && !s.progressive(t) {
			continue // "negotiating with Washington is unwise" names an action; it does not report one
		}
		out = append(out, c.events(s, t, m)...)
		t = m.End - 1
	}
	return out
}

func (s *sentence) word(t int) string { return strings.ToLower(s.toks[t].Span.In(s.text)) }

func (s *sentence) skipped(sp redline.Span) bool {
	for _, k := range s.skip {
		if k.Contains(sp) {
			return true
		}
	}
	return false
}

// hasAuxBefore reports whether a modal or "to" precedes token t closely,
// which makes a base-form verb a verb ("will impose", "refused to meet").
func (s *sentence) hasAuxBefore(t int) bool {
	for k := t - 1; k >= 0 && k >= t-3; k-- {
		switch s.word(k) {
		case "will", "would", "could", "can", "may", "might", "must", "shall", "should", "to", "did", "do", "does", "'ll", "’ll":
			return true
		}
	}
	return false
}

// progressive reports whether a gerund at token t is the verb of a
// progressive or aspectual phrase ("were negotiating", "began holding").
func (s *sentence) progressive(t int) bool {
	for k := t - 1; k >= 0 && k >= t-2; k-- {
		switch s.word(k) {
		case "is", "are", "was", "were", "been", "be", "began", "begun", "started", "kept", "continued", "resumed", "'re", "’re":
			return true
		}
	}
	return false
}

// happened reports whether a nominal event at tokens [t, end) is said to
// have taken place, rather than merely being named.
func (s *sentence) happened(t, end int) bool {
	for k := max(0, t-3); k < t; k++ {
		w := s.word(k)
		if covertWords[w] || heldVerbs[w] || s.toks[k].Kind == redline.TokenNumber {
			return true
		}
	}
	for k := end; k < len(s.toks) && k < end+4; k++ {
		if heldAfter[s.word(k)] {
			return true
		}
	}
	return false
}

var heldVerbs = map[string]bool{
	"held": true, "hold": true, "holding": true, "conducted": true, "began": true, "launched": true,
	"joined": true, "signed": true, "reached": true, "concluded": true, "opened": true, "resumed": true,
}

var heldAfter = map[string]bool{
	"took": true, "were": true, "was": true, "began": true, "resumed": true, "continued": true,
	"underway": true, "under": true, "opened": true, "started": true, "ended": true,
}
