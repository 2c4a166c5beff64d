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

// nameWord reports whether token t of sentence s can be part of a name.
func (d *doc) nameWord(s, t int) bool {
	tok := d.sents[s].Tokens[t]
	w := tok.Span.In(d.text)
	if tok.Kind != redline.TokenWord || w == "" || w[0] < 'A' || w[0] > 'Z' {
		return false // most tokens stop here, before any look-up
	}
	return !(notNames[w] && d.initial(s, t)) && !pronounWords[w] && !calendarWords[w]
}

// calendarWords are capitalised but never name anyone.
var calendarWords = map[string]bool{
	"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true, "Saturday": true,
	"Sunday": true, "January": true, "February": true, "March": true, "April": true, "June": true,
	"July": true, "August": true, "September": true, "October": true, "November": true, "December": true,
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true, "Aug": true, "Sep": true,
	"Sept": true, "Oct": true, "Nov": true, "Dec": true, "Christmas": true, "Easter": true, "Ramadan": true,
}

// pronounWords are capitalised only because they open a sentence.
var pronounWords = map[string]bool{"He": true, "She": true, "It": true, "They": true, "We": true, "I": true, "The": true}

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
	for i := len(d.names) - 1; i >= 0; i-- {
		if n := d.names[i]; n.span.End <= span.Start && containsWords(n.span.In(d.text), short) {
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
	for i := len(d.names) - 1; i >= 0; i-- {
		n := d.names[i]
		if n.span.End > off || n.org != org || (!org && !n.person) {
			continue
		}
		if n.span.End > at {
			return d.named(n.span).actor, true
		}
		break
	}
	return ref, found
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
		if m, ok := d.hits.CueAt(s, t); ok {
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
		if m, ok := d.hits.CueAt(s, t); ok {
			return t, &cueHit{lemma: m.Cue.Lemma, start: t, end: m.End, match: m}
		}
		if strings.EqualFold(d.word(s, t), "to") && t > 0 && strings.EqualFold(d.word(s, t-1), "according") {
			return t, &cueHit{lemma: "according to", start: t - 1, end: t + 1, according: true}
		}
	}
	return -1, nil
}
