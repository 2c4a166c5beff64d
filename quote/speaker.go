package quote

import (
	"strings"

	"redline"
)

// speaker is who a statement is attributed to, with the words in the text
// that named them ("Khamenei", "he", "the minister").
type speaker struct {
	actor redline.ActorRef
	span  redline.Span
}

// speakerAt finds the speaker of a cue at token c of sentence s: the actor
// named or referred to between token lo and the cue, nearest first, or
// else within a few tokens after the cue ("said the minister").
func (d *doc) speakerAt(s, lo, c int) (speaker, bool) {
	toks := d.sents[s].Tokens
	for t := c - 1; t >= lo && t >= 0; t-- {
		if sp, ok := d.referent(s, t, t == c-1); ok {
			return sp, true
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
		if sp, ok := d.referent(s, t, t == c+1); ok {
			return sp, true
		}
	}
	return speaker{}, false
}

// referent returns who token t of sentence s refers to: the actor of a
// mention covering that token, the antecedent of a pronoun or role noun,
// or, when unknown is true (the token stands right next to the cue), a
// speaker the dictionary does not know, named by capitalised words.
func (d *doc) referent(s, t int, unknown bool) (speaker, bool) {
	tok := d.sents[s].Tokens[t]
	for _, mi := range d.bySent[s] {
		m := d.mentions[mi]
		if m.Span.Start <= tok.Span.Start && tok.Span.End <= m.Span.End {
			return speaker{m.Actor, m.Span}, true
		}
	}
	w := strings.ToLower(tok.Span.In(d.text))
	var ref redline.ActorRef
	var ok bool
	switch {
	case w == "he" || w == "she":
		gender := map[string]string{"he": "m", "she": "f"}[w]
		ref, ok = d.antecedent(tok.Span.Start, func(m redline.Mention) bool {
			return m.Person && (m.Gender == "" || m.Gender == gender)
		})
	case w == "they" || w == "it":
		ref, ok = d.antecedent(tok.Span.Start, func(m redline.Mention) bool { return !m.Person })
	case roleNouns[w] && t > 0 && strings.EqualFold(d.word(s, t-1), "the"):
		ref, ok = d.antecedent(tok.Span.Start, func(m redline.Mention) bool { return m.Person })
	case unknown:
		return d.unknownName(s, t)
	default:
		return speaker{}, false
	}
	return speaker{ref, tok.Span}, ok
}

// unknownName reads a run of capitalised words ending at token t as the
// name of a speaker the dictionary does not know ("Ned Price", "Reuters").
// The actor keeps the name and has no ID. Common words that open
// sentences, titles and calendar words are not names.
func (d *doc) unknownName(s, t int) (speaker, bool) {
	toks := d.sents[s].Tokens
	start := t
	for start >= 0 && d.nameWord(s, start) {
		start--
	}
	start++
	for start <= t && (titleWords[d.word(s, start)] || (start == 0 && notNames[d.word(s, start)])) {
		start++
	}
	if start > t || (start == t && start == 0) {
		return speaker{}, false // one capitalised word opening a sentence may be any word
	}
	if start > 0 && prepositions[strings.ToLower(d.word(s, start-1))] {
		return speaker{}, false // "in Munich", "by the Army": a place or an agent of something else
	}
	end := t
	for end+1 < len(toks) && d.nameWord(s, end+1) {
		end++ // "the Associated Press" read from its first word
	}
	span := redline.Span{Start: toks[start].Span.Start, End: toks[end].Span.End}
	if ref, ok := d.namedBefore(span); ok {
		return speaker{ref, span}, true // "Kim" after "Kim Jong-un"
	}
	sp := speaker{redline.ActorRef{Name: span.In(d.text)}, span}
	d.adhoc = append(d.adhoc, sp)
	return sp, true
}

// namedBefore returns the person mentioned last before span whose full
// name contains the words of span: a short form of a name given earlier.
func (d *doc) namedBefore(span redline.Span) (redline.ActorRef, bool) {
	short := span.In(d.text)
	for i := d.mentionBefore(span.Start); i >= 0; i-- {
		m := d.mentions[i]
		if m.Person && containsWords(m.Actor.Name, short) {
			return m.Actor, true
		}
	}
	for i := len(d.adhoc) - 1; i >= 0; i-- {
		if a := d.adhoc[i]; a.span.End <= span.Start && containsWords(a.actor.Name, short) {
			return a.actor, true
		}
	}
	return redline.ActorRef{}, false
}

// containsWords reports whether the words of short appear in name as whole
// words: "Kim" in "Kim Jong-un", "Price" in "Ned Price".
func containsWords(name, short string) bool {
	i := strings.Index(name, short)
	if i < 0 || short == name {
		return false
	}
	before := i == 0 || name[i-1] == ' '
	after := i+len(short) == len(name) || name[i+len(short)] == ' ' || name[i+len(short)] == '-'
	return before && after
}

// nameWord reports whether token t of sentence s can be part of a name.
func (d *doc) nameWord(s, t int) bool {
	tok := d.sents[s].Tokens[t]
	w := tok.Span.In(d.text)
	if tok.Kind != redline.TokenWord || w == "" || notNames[w] {
		return false
	}
	return w[0] >= 'A' && w[0] <= 'Z'
}

// prepositions before a capitalised word make it a place or an object,
// not a speaker.
var prepositions = map[string]bool{
	"in": true, "at": true, "on": true, "from": true, "of": true, "to": true, "by": true, "with": true,
	"for": true, "into": true, "near": true, "over": true, "against": true, "about": true,
}

// titleWords precede a name without being part of it.
var titleWords = map[string]bool{
	"Mr": true, "Mr.": true, "Mrs": true, "Mrs.": true, "Ms": true, "Ms.": true, "Dr": true, "Dr.": true,
	"President": true, "Minister": true, "Spokesman": true, "Spokeswoman": true, "Ambassador": true,
	"General": true, "Gen.": true, "Senator": true, "Sen.": true, "Secretary": true, "Prime": true,
	"Foreign": true, "Defence": true, "Defense": true, "Deputy": true, "Chief": true, "Envoy": true,
	"Lieutenant": true, "Governor": true, "Colonel": true, "Col.": true, "Lt.": true, "Mayor": true,
	"Representative": true, "Rep.": true, "Chairman": true, "Director": true, "Commander": true,
}

// notNames are capitalised words that are not names: sentence openers,
// pronouns, calendar words.
var notNames = map[string]bool{
	"The": true, "A": true, "An": true, "This": true, "That": true, "These": true, "Those": true,
	"He": true, "She": true, "It": true, "They": true, "We": true, "I": true, "You": true,
	"His": true, "Her": true, "Its": true, "Their": true, "Our": true, "But": true, "And": true,
	"In": true, "On": true, "At": true, "As": true, "After": true, "Before": true, "When": true,
	"While": true, "If": true, "Officials": true, "Analysts": true, "Diplomats": true, "Experts": true,
	"Critics": true, "Sources": true, "Some": true, "Many": true, "Both": true, "Most": true,
	"Others": true, "Asked": true, "Speaking": true, "Monday": true, "Tuesday": true, "Wednesday": true,
	"Thursday": true, "Friday": true, "Saturday": true, "Sunday": true, "January": true, "February": true,
	"March": true, "April": true, "May": true, "June": true, "July": true, "August": true,
	"September": true, "October": true, "November": true, "December": true, "Today": true,
	"Yesterday": true, "Last": true, "Earlier": true, "Later": true, "Then": true, "Now": true,
	"There": true, "Here": true, "What": true, "Who": true, "No": true, "Yes": true, "Still": true,
	"However": true, "Meanwhile": true, "According": true,
}

// roleNouns refer back to a person already named: "the minister said".
var roleNouns = map[string]bool{
	"minister": true, "president": true, "ayatollah": true, "leader": true, "envoy": true,
	"spokesman": true, "spokeswoman": true, "diplomat": true, "chancellor": true, "premier": true,
	"secretary": true, "official": true, "negotiator": true, "king": true, "prince": true,
	"general": true, "commander": true, "ambassador": true, "cleric": true,
}

// antecedent returns the actor of the last mention, or unknown named
// speaker, before byte offset off that ok accepts.
func (d *doc) antecedent(off int, ok func(redline.Mention) bool) (redline.ActorRef, bool) {
	for i := d.mentionBefore(off); i >= 0; i-- {
		m := d.mentions[i]
		if !ok(m) {
			continue
		}
		if a, found := d.adhocBetween(m.Span.End, off, ok); found {
			return a, true
		}
		return m.Actor, true
	}
	return d.adhocBetween(-1, off, ok)
}

// adhocBetween returns the last unknown named speaker that ends in
// (from, off], when ok accepts a person.
func (d *doc) adhocBetween(from, off int, ok func(redline.Mention) bool) (redline.ActorRef, bool) {
	if !ok(redline.Mention{Person: true}) {
		return redline.ActorRef{}, false
	}
	best := -1
	for i, a := range d.adhoc {
		if a.span.End <= off && a.span.Start > from && (best < 0 || a.span.End > d.adhoc[best].span.End) {
			best = i
		}
	}
	if best < 0 {
		return redline.ActorRef{}, false
	}
	return d.adhoc[best].actor, true
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
		if m, ok := d.hits.cueAt(s, t); ok {
			return t, &cueHit{lemma: m.Cue.Lemma, start: t, end: m.End, match: m}
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
		if m, ok := d.hits.cueAt(s, t); ok {
			return t, &cueHit{lemma: m.Cue.Lemma, start: t, end: m.End, match: m}
		}
		if strings.EqualFold(d.word(s, t), "to") && t > 0 && strings.EqualFold(d.word(s, t-1), "according") {
			return t, &cueHit{lemma: "according to", start: t - 1, end: t + 1, according: true}
		}
	}
	return -1, nil
}
