package quote

import "redline"

// name is a run of capitalised words the actor dictionary does not know
// ("Ned Price", "General Motors Corporation"), found once per document so
// that it can be a speaker and an antecedent.
type name struct {
	span   redline.Span
	org    bool // ends in a company or agency word: "it", not "he"
	person bool // two or more words, or after a title: can be "he" or "she"
}

// findNames collects the names of a document in text order.
func (d *doc) findNames() {
	for s := range d.sents {
		if d.sentClasses[s]&nameTok == 0 {
			continue
		}
		toks := d.sents[s].Tokens
		cs := d.classes[d.first[s]:][:len(toks)]
		for t := 0; t < len(toks); t++ {
			if cs[t]&(nameTok|mentionTok) != nameTok {
				continue // most tokens stop here
			}
			end := t
			for end+1 < len(toks) && (d.is(s, end+1, nameTok) || d.nameLink(s, end+1)) && !d.inMention(s, end+1) {
				end++
			}
			for end > t && !d.is(s, end, nameTok) {
				end-- // a name does not end in "of" or "&"
			}
			start := t
			for start <= end && d.is(s, start, titleWord) {
				start++
			}
			titled := start > t || (t > 0 && d.is(s, t-1, titleWord) && d.capitalised(s, t-1))
			place := t > 0 && d.is(s, t-1, locativeWord) || d.is(s, end, placeWord)
			if start <= end && !(start == end && d.initial(s, start) && !acronym(d.word(s, start))) {
				sp := redline.Span{Start: toks[start].Span.Start, End: toks[end].Span.End}
				org := d.is(s, end, orgWord) || acronym(d.word(s, end))
				d.names = append(d.names, name{span: sp, org: org, person: !org && !place && (end > start || titled)})
			}
			t = end
		}
	}
}

// initial reports whether token t opens a sentence or a quotation, where
// any word is capitalised.
func (d *doc) initial(s, t int) bool {
	if t == 0 {
		return true
	}
	prev := d.sents[s].Tokens[t-1]
	return prev.Kind == redline.TokenQuote || prev.Span.In(d.text) == ":"
}

// locatives before a name make it a place: "in San Francisco".
var locatives = []string{"in", "at", "from", "to", "near", "of", "across", "outside"}

// placeWords end the names of places.
var placeWords = []string{
	"Airport", "Center", "Centre", "City", "Street", "Square",
	"Island", "Islands", "Sea", "Gulf", "Strait", "River",
	"Province", "Region", "Valley", "Mountains", "Terminal", "Hall",
}

// acronym reports whether w is written in capitals ("GM", "USAF"): an
// organisation's name even where a sentence starts.
func acronym(w string) bool {
	if len(w) < 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; !(c >= 'A' && c <= 'Z') && c != '.' && c != '&' {
			return false
		}
	}
	return true
}

// nameLink reports whether token t may join the words of a name: "Bank of
// England", "Procter & Gamble".
func (d *doc) nameLink(s, t int) bool {
	w := d.word(s, t)
	return w == "of" || w == "&" || w == "de" || w == "al" || w == "bin" || d.abbrevDot(s, t)
}

// abbrevDot reports whether token t is the period of an abbreviation such
// as "Inc." or "Mr.", which does not end a phrase.
func (d *doc) abbrevDot(s, t int) bool {
	toks := d.sents[s].Tokens
	if t == 0 || toks[t].Fold != foldPeriod || toks[t-1].Span.End != toks[t].Span.Start || t+1 >= len(toks) {
		return false
	}
	return d.is(s, t-1, abbreviationWord)
}

// inMention reports whether token t of sentence s is part of an actor
// mention.
func (d *doc) inMention(s, t int) bool { return d.is(s, t, mentionTok) }

// orgWords end the names of organisations.
var orgWords = []string{
	"Inc", "Inc.", "Corp", "Corp.", "Corporation", "LLC", "Ltd",
	"Ltd.", "Company", "Co.", "Group", "Motors", "Agency", "Bank",
	"Airlines", "Airways", "Ministry", "Department", "Council", "Committee",
	"Commission", "Party", "Army", "Force", "Forces", "Office", "Press",
	"News", "Times", "Post", "Journal", "Reuters", "Institute",
	"University", "Association", "Federation", "Union", "Court",
}

// auxiliaries and adverbs may stand between a subject and its cue: "has
// also said", "had repeatedly warned".
var auxiliaries = []string{
	"has", "have", "had", "was", "were", "is", "are",
	"will", "would", "did", "does", "do", "also", "later",
	"repeatedly", "reportedly", "previously", "recently", "again",
	"then", "publicly", "privately", "once", "often", "has.",
	"never", "not", "n't", "may", "might", "could", "can",
	"should", "must", "already", "had.", "just", "further",
	"earlier", "flatly", "firmly", "openly", "explicitly",
}

// sentenceAdverbs stand between commas inside a clause.
var sentenceAdverbs = []string{
	"however", "meanwhile", "too", "though", "instead", "therefore",
	"thus", "nevertheless", "moreover", "furthermore", "indeed", "also",
}

// boundaries end a subject noun phrase read backwards from its verb.
var boundaries = []string{
	",", ";", ":", "(", ")", "—", "–", "--",
	"that", "which", "who", "whom", "and", "but", "while",
	"when", "as", "because", "if", "after", "before", "since",
	"where", "although", "though", "whereas", "said", "says",
}

// maxSubject is the longest subject noun phrase read, in tokens.
const maxSubject = 10

// subjectBefore returns the speaker named by the noun phrase that ends
// just before the cue at token c of sentence s (past auxiliaries and
// adverbs), reading no further back than token lo. An apposition between
// commas ("Araghchi, the foreign minister, said") is passed over to the
// name before it when the apposition itself names nobody in particular.
func (d *doc) subjectBefore(s, lo, c int) (speaker, bool) {
	b := c - 1
	for b >= lo {
		switch {
		case d.is(s, b, auxiliaryWord):
			b--
		case d.fold(s, b) == foldComma && b-2 >= lo && d.is(s, b-1, sentenceAdverbWord) && d.fold(s, b-2) == foldComma:
			b -= 3 // "Executives, however, said"
		default:
			goto done
		}
	}
done:
	if b < lo || b < 0 {
		return speaker{}, false
	}
	switch f := d.fold(s, b); {
	case f == foldAnd:
		return d.mainSubject(s, lo, c) // "Ford posted a profit and predicted ..."
	case (f == foldWho || f == foldWhich) && b-2 >= lo && d.fold(s, b-1) == foldComma:
		return d.speakerOfNP(s, d.npStart(s, lo, b-2), b-2) // "most analysts, who had forecast ..."
	case f == foldComma:
		return d.apposition(s, lo, b)
	}
	a := d.npStart(s, lo, b)
	if a > b {
		return speaker{}, false
	}
	return d.speakerOfNP(s, a, b)
}

// npStart returns the first token of the noun phrase ending at token b.
func (d *doc) npStart(s, lo, b int) int {
	a := b
	for a-1 >= lo && b-(a-1) < maxSubject {
		tok := &d.sents[s].Tokens[a-1]
		if tok.Kind == redline.TokenQuote || d.is(s, a-1, npBoundaryWord) ||
			(tok.Kind == redline.TokenPunct && !d.abbrevDot(s, a-1)) {
			break
		}
		a--
	}
	return a
}

// apposition reads "X, the Y of Z, said": the comma at token b closes the
// apposition; the speaker is X when the apposition is a description, or
// the apposition itself when X names nothing.
func (d *doc) apposition(s, lo, b int) (speaker, bool) {
	a := d.npStart(s, lo, b-1)
	if a > b-1 {
		return speaker{}, false
	}
	if f := d.fold(s, max(a-1, 0)); a-1 >= lo && (f == foldWhich || f == foldWho) {
		// "GM, an automaker which has filed for bankruptcy, announced": the
		// relative clause hangs on the noun phrase before it.
		if r := a - 2; r >= lo {
			if d.fold(s, r) == foldComma {
				return d.apposition(s, lo, r)
			}
			return d.speakerOfNP(s, d.npStart(s, lo, r), r)
		}
		return speaker{}, false
	}
	if a-1 >= lo && a-1 >= 0 && d.fold(s, a-1) == foldComma {
		x := d.npStart(s, lo, a-2)
		if who, ok := d.speakerOfNP(s, x, a-2); ok && who.actor.Name != "" && (who.actor.ID != "" || d.nameAt(who.span)) {
			return who, true
		}
	}
	return d.speakerOfNP(s, a, b-1)
}

// npAfter returns the speaker named by the noun phrase starting at token
// from: "said the minister", "according to Reuters", "by Washington".
func (d *doc) npAfter(s, from int) (speaker, bool) {
	toks := d.sents[s].Tokens
	b := from
	for b < len(toks) && b-from < maxSubject {
		tok := &toks[b]
		if tok.Kind == redline.TokenQuote || (tok.Kind == redline.TokenPunct && !d.abbrevDot(s, b)) ||
			d.is(s, b, npBoundaryWord) || tok.Fold == foldIn || tok.Fold == foldOn || tok.Fold == foldAt {
			break
		}
		b++
	}
	if b == from {
		return speaker{}, false
	}
	return d.speakerOfNP(s, from, b-1)
}

// nameAt reports whether sp is one of the document's names.
func (d *doc) nameAt(sp redline.Span) bool {
	i := d.nameFrom(sp.Start)
	return i < len(d.names) && d.names[i].span == sp
}

// referent is the kind of antecedent a pronoun takes.
type referent uint8

const (
	noReferent referent = iota
	male                // "he", "his"
	female              // "she", "her"
	thing               // "it", "they", "its", "their": a state or organisation
)

// referentOf returns the referent of a subject pronoun.
func referentOf(f redline.Fold) referent {
	switch f {
	case foldHe:
		return male
	case foldShe:
		return female
	case foldIt, foldThey:
		return thing
	}
	return noReferent
}

// orgNouns refer back to the last organisation: "the company said".
var orgNouns = []string{
	"company", "firm", "carrier", "group", "agency", "ministry",
	"government", "administration", "organisation", "organization",
	"manufacturer", "automaker", "bank", "airline", "council",
}

// speakerOfNP names the speaker of the noun phrase at tokens [a, b]:
// a pronoun or role noun resolved to its antecedent, else the rightmost
// actor or name inside it (a name before a demonym: in "American maker
// Chrysler" the speaker is Chrysler), else the phrase itself ("industry
// experts"), kept by name with no ID.
func (d *doc) speakerOfNP(s, a, b int) (speaker, bool) {
	toks := d.sents[s].Tokens
	span := redline.Span{Start: toks[a].Span.Start, End: toks[b].Span.End}
	last := toks[b].Fold
	person := last == foldHe || last == foldShe
	if a == b || (b == a+1 && d.is(s, a, determinerWord)) || person || last == foldThey {
		if who, ok := d.pronoun(s, b, referentOf(last)); ok {
			return who, true
		}
	}
	if who, ok := d.insideNP(span); ok {
		return who, true
	}
	if a == b && (person || last == foldThey || last == foldIt || last == foldI || last == foldWe) {
		return speaker{}, false // a pronoun with no antecedent
	}
	for a < b && d.is(s, a, determinerWord) {
		a++
	}
	if b-a > 5 || toks[b].Kind != redline.TokenWord {
		return speaker{}, false
	}
	span.Start = toks[a].Span.Start
	if a == b && d.capitalName(s, a) {
		return d.named(span), true // "Boeing says", "Henderson stated": a name opening the sentence
	}
	if !d.is(s, b, speakerNounWord) {
		return speaker{}, false
	}
	return speaker{redline.ActorRef{Name: span.In(d.text)}, span}, true
}

// pronoun resolves a pronoun that takes referent r, or a role noun, at
// token t of sentence s.
func (d *doc) pronoun(s, t int, r referent) (speaker, bool) {
	off := d.sents[s].Tokens[t].Span
	var ref redline.ActorRef
	var ok bool
	switch {
	case r == male || r == female:
		g := "m"
		if r == female {
			g = "f"
		}
		ref, ok = d.personAntecedent(s, off.Start, func(m redline.Mention) bool { return m.Person && (m.Gender == "" || m.Gender == g) })
	case r == thing:
		ref, ok = d.antecedent(off.Start, func(m redline.Mention) bool { return !m.Person }, true)
	case d.is(s, t, roleNounWord):
		ref, ok = d.antecedent(off.Start, func(m redline.Mention) bool { return m.Person }, false)
	case d.is(s, t, orgNounWord):
		ref, ok = d.antecedent(off.Start, func(m redline.Mention) bool { return !m.Person }, true)
	}
	return speaker{ref, off}, ok
}

// insideNP returns the rightmost actor mention or name inside span,
// preferring names and actors to demonyms.
func (d *doc) insideNP(span redline.Span) (speaker, bool) {
	best, demonym := -1, -1
	for i := d.mentionFrom(span.Start); i < len(d.mentions) && d.mentions[i].Span.Start < span.End; i++ {
		if m := &d.mentions[i]; span.Contains(m.Span) {
			if m.Kind == redline.MentionDemonym {
				demonym = i
			} else {
				best = i
			}
		}
	}
	// The names inside come in text order, so the last of them is the
	// rightmost; it wins over a mention that starts before it.
	last := -1
	for i := d.nameFrom(span.Start); i < len(d.names) && d.names[i].span.Start < span.End; i++ {
		if span.Contains(d.names[i].span) {
			last = i
		}
	}
	switch {
	case last >= 0 && (best < 0 || d.names[last].span.Start > d.mentions[best].Span.Start):
		return d.named(d.names[last].span), true
	case best >= 0:
		return speaker{d.mentions[best].Actor, d.mentions[best].Span}, true
	case demonym >= 0:
		return speaker{d.mentions[demonym].Actor, d.mentions[demonym].Span}, true
	}
	return speaker{}, false
}

// named returns the speaker a name stands for: the person or name given in
// full earlier when this is a short form ("Kim" after "Kim Jong-un"), or
// the name itself.
func (d *doc) named(sp redline.Span) speaker {
	if ref, ok := d.namedBefore(sp); ok {
		return speaker{ref, sp}
	}
	return speaker{redline.ActorRef{Name: sp.In(d.text)}, sp}
}

// mainSubject returns the first actor or name in tokens [lo, c) of
// sentence s: the subject of a clause whose verb a second verb shares
// ("Ford posted a profit and predicted ...", "Boeing protested, claiming
// ...").
func (d *doc) mainSubject(s, lo, c int) (speaker, bool) {
	toks := d.sents[s].Tokens
	if c <= lo {
		return speaker{}, false
	}
	span := redline.Span{Start: toks[lo].Span.Start, End: toks[c-1].Span.End}
	best := -1
	for i := d.mentionFrom(span.Start); i < len(d.mentions) && d.mentions[i].Span.Start <= span.End; i++ {
		if m := &d.mentions[i]; span.Contains(m.Span) && m.Kind != redline.MentionDemonym {
			best = i
			break
		}
	}
	for i := d.nameFrom(span.Start); i < len(d.names) && d.names[i].span.Start <= span.End; i++ {
		if n := &d.names[i]; span.Contains(n.span) {
			if best < 0 || n.span.Start < d.mentions[best].Span.Start {
				return d.named(n.span), true
			}
			break // the names after it start later still
		}
	}
	if best < 0 {
		return speaker{}, false
	}
	return speaker{d.mentions[best].Actor, d.mentions[best].Span}, true
}

// speakerNouns head noun phrases that can speak without being named:
// "industry experts", "the ministry", "a senior official".
var speakerNouns = []string{
	"official", "spokesman", "spokeswoman", "spokesperson", "expert",
	"analyst", "diplomat", "source", "minister", "ministry",
	"government", "administration", "agency", "company", "firm",
	"executive", "leader", "lawmaker", "legislator", "senator",
	"negotiator", "envoy", "ambassador", "president", "premier",
	"commander", "general", "military", "army", "police", "party",
	"report", "statement", "communique", "declaration", "document",
	"resident", "witness", "observer", "critic", "activist",
	"group", "organisation", "organization", "council", "committee",
	"court", "judge", "prosecutor", "office", "department", "embassy",
	"mission", "delegation", "team", "side", "aide", "adviser",
	"advisor", "representative", "member", "chief", "head", "director",
	"manufacturer", "automaker", "carrier", "airline", "bank", "union",
	"media", "newspaper", "agency's", "regulator", "investigator",
	"inspector", "researcher", "economist", "scientist", "doctor",
	"people", "authorities", "militants", "rebels", "insurgents",
	"protesters", "demonstrators", "officer", "soldier", "cleric",
	"ayatollah", "king", "prince", "chancellor", "secretary", "parliament",
	"cabinet", "kremlin", "pentagon", "palace", "campaign", "movement",
	"customer", "consumer", "voter", "user", "employee", "worker",
	"passenger", "citizen", "student", "farmer", "family", "lawyer",
}

// capitalName reports whether token t, standing alone, is a capitalised
// word that can only be a name in this place: not a sentence opener like
// "Officials" or "Yesterday", a pronoun or a calendar word.
func (d *doc) capitalName(s, t int) bool {
	return d.capitalised(s, t) && !d.is(s, t, notNameWord|pronounWord|calendarWord|speakerNounWord)
}

// personAntecedent resolves "he" or "she" at byte offset off of sentence
// s: the nearest compatible person earlier in the same sentence; failing
// that, the first compatible person of the nearest earlier sentence that
// names one, its subject, rather than the last person it happens to
// mention ("Biden said Putin had chosen war. ... He said" is Biden).
func (d *doc) personAntecedent(s, off int, ok func(redline.Mention) bool) (redline.ActorRef, bool) {
	for i := d.mentionBefore(off); i >= 0 && d.mentions[i].Sentence == s; i-- {
		if ok(d.mentions[i]) {
			return d.later(d.mentions[i].Actor, d.mentions[i].Span.End, d.sents[s].Span.Start, off)
		}
	}
	if ref, ok := d.laterName(d.sents[s].Span.Start, off); ok {
		return ref, true
	}
	for ps := s - 1; ps >= 0 && ps >= s-6; ps-- {
		var first *redline.Mention
		for i := d.sentenceMentions(ps); i < len(d.mentions) && d.mentions[i].Sentence == ps; i++ {
			if m := &d.mentions[i]; ok(*m) {
				first = m
				break
			}
		}
		sent := d.sents[ps].Span
		if name, found := d.firstPersonName(sent); found && (first == nil || name.span.Start < first.Span.Start) {
			return d.named(name.span).actor, true
		}
		if first != nil {
			return first.Actor, true
		}
	}
	return d.antecedent(off, ok, false)
}

// later returns ref, or a person's name that stands between end and off
// (a name the dictionary does not know, mentioned after ref).
func (d *doc) later(ref redline.ActorRef, end, from, off int) (redline.ActorRef, bool) {
	if name, ok := d.laterName(max(end, from), off); ok {
		return name, true
	}
	return ref, true
}

// laterName returns the last person's name in [from, off).
func (d *doc) laterName(from, off int) (redline.ActorRef, bool) {
	for i := d.nameBefore(off); i >= 0 && d.names[i].span.Start >= from; i-- {
		if n := &d.names[i]; n.person {
			return d.named(n.span).actor, true
		}
	}
	return redline.ActorRef{}, false
}

// firstPersonName returns the first person's name inside span.
func (d *doc) firstPersonName(span redline.Span) (name, bool) {
	for i := d.nameFrom(span.Start); i < len(d.names) && d.names[i].span.Start <= span.End; i++ {
		if n := d.names[i]; n.person && span.Contains(n.span) {
			return n, true
		}
	}
	return name{}, false
}

// nameFrom returns the index of the first name that starts at or after
// byte offset off, or len(d.names). Names are in text order and do not
// overlap, so their ends are in order too.
func (d *doc) nameFrom(off int) int {
	lo, hi := 0, len(d.names)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if d.names[mid].span.Start < off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// nameBefore returns the index of the last name that ends at or before
// byte offset off, or -1.
func (d *doc) nameBefore(off int) int {
	lo, hi := 0, len(d.names)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if d.names[mid].span.End <= off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo - 1
}
