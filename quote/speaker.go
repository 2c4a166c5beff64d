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

// speakerAt finds the speaker of the cue hit at token c of sentence s:
// the subject noun phrase before it, reading back no further than token
// lo, or else the noun phrase just after it ("said the minister").
func (d *doc) speakerAt(s, lo, c int, hit *cueHit) (speaker, bool) {
	if who, ok := d.subjectBefore(s, lo, c); ok {
		return who, true
	}
	return d.npAfter(s, hit.end)
}

// calendarWords are capitalised but never name anyone.
var calendarWords = []string{
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
	"Sunday", "January", "February", "March", "April", "June",
	"July", "August", "September", "October", "November", "December",
	"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
	"Sept", "Oct", "Nov", "Dec", "Christmas", "Easter", "Ramadan",
}

// pronounWords are capitalised only because they open a sentence.
var pronounWords = []string{"He", "She", "It", "They", "We", "I", "The"}

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
	for i := d.nameBefore(span.Start); i >= 0; i-- {
		if n := d.names[i]; containsWords(n.span.In(d.text), short) {
			return redline.ActorRef{Name: n.span.In(d.text)}, true
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

// titleWords precede a name without being part of it.
var titleWords = []string{
	"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.",
	"President", "Minister", "Spokesman", "Spokeswoman", "Ambassador",
	"General", "Gen.", "Senator", "Sen.", "Secretary", "Prime",
	"Foreign", "Defence", "Defense", "Deputy", "Chief", "Envoy",
	"Lieutenant", "Governor", "Colonel", "Col.", "Lt.", "Mayor",
	"Representative", "Rep.", "Chairman", "Director", "Commander",
}

// notNames are capitalised words that are not names: sentence openers,
// pronouns, calendar words.
var notNames = []string{
	"The", "A", "An", "This", "That", "These", "Those",
	"He", "She", "It", "They", "We", "I", "You",
	"His", "Her", "Its", "Their", "Our", "But", "And",
	"In", "On", "At", "As", "After", "Before", "When",
	"While", "If", "Officials", "Analysts", "Diplomats", "Experts",
	"Critics", "Sources", "Some", "Many", "Both", "Most",
	"Others", "Asked", "Speaking", "Monday", "Tuesday", "Wednesday",
	"Thursday", "Friday", "Saturday", "Sunday", "January", "February",
	"March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December", "Today",
	"Yesterday", "Last", "Earlier", "Later", "Then", "Now",
	"There", "Here", "What", "Who", "No", "Yes", "Still",
	"However", "Meanwhile", "According",
}

// roleNouns refer back to a person already named: "the minister said".
var roleNouns = []string{
	"minister", "president", "ayatollah", "leader", "envoy",
	"spokesman", "spokeswoman", "diplomat", "chancellor", "premier",
	"secretary", "official", "negotiator", "king", "prince",
	"general", "commander", "ambassador", "cleric",
}

// antecedent returns the actor of the last mention before byte offset off
// that ok accepts, or the last name before off when it comes later
// (organisations' names when org is true, others' otherwise).
func (d *doc) antecedent(off int, ok func(redline.Mention) bool, org bool) (redline.ActorRef, bool) {
	var ref redline.ActorRef
	found, at := false, -1
	for i := d.mentionBefore(off); i >= 0; i-- {
		if m := d.mentions[i]; ok(m) {
			ref, found, at = m.Actor, true, m.Span.End
			break
		}
	}
	for i := d.nameBefore(off); i >= 0; i-- {
		n := d.names[i]
		if n.org != org || (!org && !n.person) {
			continue
		}
		if n.span.End > at {
			return d.named(n.span).actor, true
		}
		break
	}
	return ref, found
}

// sentenceMentions returns the index of the first mention in sentence s
// or after it. Mentions in text order are in sentence order.
func (d *doc) sentenceMentions(s int) int {
	lo, hi := 0, len(d.mentions)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if d.mentions[mid].Sentence < s {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
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
func (d *doc) cueIn(s, from, to int) (int, cueHit, bool) {
	toks := d.sents[s].Tokens
	for t := max(from, 0); t < to && t < len(toks); t++ {
		if toks[t].Kind == redline.TokenQuote {
			return -1, cueHit{}, false
		}
		if m, ok := d.hits.CueAt(s, t); ok {
			return t, cueHit{lemma: m.Cue.Lemma, start: t, end: m.End}, true
		}
	}
	return -1, cueHit{}, false
}

// cueBefore returns the reporting cue nearest before token to in sentence
// s, looking back at most 12 tokens and not past another quotation mark.
func (d *doc) cueBefore(s, to int) (int, cueHit, bool) {
	toks := d.sents[s].Tokens
	for t := to - 1; t >= 0 && t >= to-12; t-- {
		if toks[t].Kind == redline.TokenQuote {
			return -1, cueHit{}, false
		}
		if m, ok := d.hits.CueAt(s, t); ok {
			return t, cueHit{lemma: m.Cue.Lemma, start: t, end: m.End}, true
		}
		if toks[t].Fold == foldTo && t > 0 && strings.EqualFold(d.word(s, t-1), "according") {
			return t, cueHit{lemma: "according to", start: t - 1, end: t + 1, according: true}, true
		}
	}
	return -1, cueHit{}, false
}
