package quote

import (
	"strings"

	"redline"
)

// speakerAt finds the speaker of a cue at token c of sentence s: the actor
// named or referred to between token lo and the cue, nearest first, or
// else within a few tokens after the cue ("said the minister").
func (d *doc) speakerAt(s, lo, c int) (redline.ActorRef, bool) {
	toks := d.sents[s].Tokens
	for t := c - 1; t >= lo && t >= 0; t-- {
		if ref, ok := d.referent(s, t); ok {
			return ref, true
		}
		if w := d.word(s, t); toks[t].Kind == redline.TokenQuote || w == ";" {
			break
		}
	}
	end := min(len(toks), c+7)
	for t := c + 1; t < end; t++ {
		if toks[t].Kind == redline.TokenQuote {
			break
		}
		if ref, ok := d.referent(s, t); ok {
			return ref, true
		}
	}
	return redline.ActorRef{}, false
}

// referent returns the actor that token t of sentence s refers to: the
// actor of a mention ending at that token, or the antecedent of a pronoun
// or role noun.
func (d *doc) referent(s, t int) (redline.ActorRef, bool) {
	tok := d.sents[s].Tokens[t]
	for _, mi := range d.bySent[s] {
		m := d.mentions[mi]
		if m.Span.End == tok.Span.End || (m.Span.Start <= tok.Span.Start && tok.Span.End <= m.Span.End) {
			return m.Actor, true
		}
	}
	w := strings.ToLower(tok.Span.In(d.text))
	switch w {
	case "he", "she":
		gender := "m"
		if w == "she" {
			gender = "f"
		}
		return d.antecedent(tok.Span.Start, func(m redline.Mention) bool {
			return m.Person && (m.Gender == "" || m.Gender == gender)
		})
	case "they", "it":
		return d.antecedent(tok.Span.Start, func(m redline.Mention) bool { return !m.Person })
	}
	if roleNouns[w] && t > 0 && strings.EqualFold(d.word(s, t-1), "the") {
		return d.antecedent(tok.Span.Start, func(m redline.Mention) bool { return m.Person })
	}
	return redline.ActorRef{}, false
}

// roleNouns refer back to a person already named: "the minister said".
var roleNouns = map[string]bool{
	"minister": true, "president": true, "ayatollah": true, "leader": true, "envoy": true,
	"spokesman": true, "spokeswoman": true, "diplomat": true, "chancellor": true, "premier": true,
	"secretary": true, "official": true, "negotiator": true, "king": true, "prince": true,
	"general": true, "commander": true, "ambassador": true, "cleric": true,
}

// antecedent returns the actor of the last mention before byte offset off
// that ok accepts.
func (d *doc) antecedent(off int, ok func(redline.Mention) bool) (redline.ActorRef, bool) {
	i := d.mentionBefore(off)
	for ; i >= 0; i-- {
		if m := d.mentions[i]; ok(m) {
			return m.Actor, true
		}
	}
	return redline.ActorRef{}, false
}

// mentionBefore returns the index of the last mention ending at or before
// off, or -1.
func (d *doc) mentionBefore(off int) int {
	lo, hi := 0, len(d.mentions)
	for lo < hi {
		mid := (lo + hi) / 2
		if d.mentions[mid].Span.End <= off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo - 1
}

// cueIn returns the first reporting cue in tokens [from, to) of sentence s
// that lies outside quotation marks.
func (d *doc) cueIn(s, from, to int) (int, *cueHit) {
	toks := d.sents[s].Tokens
	for t := max(from, 0); t < to && t < len(toks); t++ {
		if toks[t].Kind == redline.TokenQuote {
			return -1, nil
		}
		if m, ok := d.lex.CueAt(d.text, toks, t); ok {
			return t, &cueHit{lemma: m.Cue.Lemma, end: m.End, match: m}
		}
	}
	return -1, nil
}

// cueBefore returns the reporting cue nearest before token to in sentence
// s, looking back at most 12 tokens and not past another quotation mark.
func (d *doc) cueBefore(s, to int) (int, *cueHit) {
	toks := d.sents[s].Tokens
	for t := to - 1; t >= 0 && t >= to-12; t-- {
		if toks[t].Kind == redline.TokenQuote {
			return -1, nil
		}
		if m, ok := d.lex.CueAt(d.text, toks, t); ok {
			return t, &cueHit{lemma: m.Cue.Lemma, end: m.End, match: m}
		}
		if strings.EqualFold(d.word(s, t), "to") && t > 0 && strings.EqualFold(d.word(s, t-1), "according") {
			return t, &cueHit{lemma: "according to", end: t + 1, according: true}
		}
	}
	return -1, nil
}
