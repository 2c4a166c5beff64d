package quote

import (
	"redline"
	"redline/verb"
)

// determiners before a cue word mark it as a noun ("the report", "a
// promise"), not a reporting verb.
var determiners = []string{
	"the", "a", "an", "this", "that", "its", "his",
	"her", "their", "our", "my", "your", "'s", "’s",
}

// reported appends reported speech to out: cues outside quotation marks
// whose subject is an actor, in sentences no direct quote already used.
func (d *doc) reported(out []redline.Statement, quotes []quoteSpan, covered []bool) []redline.Statement {
	qi := 0
	var st redline.Statement
	for s := range d.sents {
		if covered[s] || d.sentClasses[s]&(cueTok|accordingWord|cueNounWord) == 0 {
			continue
		}
		for qi < len(quotes) && quotes[qi].content.End < d.sents[s].Span.Start {
			qi++
		}
		// A sentence may report several people: "X said ..., Y saying ...".
		for from := 0; ; {
			next, ok := d.reportedIn(&st, s, from, quotes[qi:])
			if !ok {
				break
			}
			out = append(out, st)
			from = next
		}
		for from := 0; ; {
			next, ok := d.nominalIn(&st, s, from, quotes[qi:])
			if !ok {
				break
			}
			out = append(out, st)
			from = next
		}
	}
	return out
}

// reportedIn finds the first statement of reported speech in sentence s
// whose cue is at or after token from. It sets *st to the statement and
// returns the token after that cue.
func (d *doc) reportedIn(st *redline.Statement, s, from int, quotes []quoteSpan) (int, bool) {
	toks := d.sents[s].Tokens
	cs := d.classes[d.first[s]:][:len(toks)]
	for t := from; t < len(toks); t++ {
		if cs[t]&(cueTok|accordingWord) == 0 || cs[t]&quotedTok != 0 {
			continue // most tokens stop here
		}
		if cs[t]&accordingWord != 0 && t+1 < len(toks) && toks[t+1].Fold == foldTo {
			if d.according(st, s, t, quotes) {
				return t + 2, true
			}
			continue
		}
		m, ok := d.hits.CueAt(s, t)
		if !ok || (t > 0 && cs[t-1]&determinerWord != 0) {
			continue
		}
		if t > 0 && d.is(s, t, capitalTok) {
			continue // a capitalised cue word mid-sentence is a name ("Islamic State")
		}
		end := m.End
		var who speaker
		if d.passiveCue(s, t, m) {
			// "Iran was warned by Washington that ...": the speaker is the
			// by-agent; with no agent ("it was announced") there is none.
			if end >= len(toks) || toks[end].Fold != foldBy {
				continue
			}
			if who, ok = d.npAfter(s, end+1); !ok {
				continue
			}
			end = d.afterAgent(s, end+1)
		} else if who, ok = d.gerundSubject(s, t, m); !ok {
			if who, ok = d.subjectBefore(s, 0, t); !ok {
				continue
			}
		}
		content := d.contentAfter(s, end)
		if content.Len() == 0 {
			content = d.contentBefore(s, who.span.Start)
		}
		if content.Len() == 0 {
			continue
		}
		*st = d.reportedStatement(s, attribution{who, cueHit{lemma: m.Cue.Lemma, start: t, end: m.End}, s}, content, quotes)
		return m.End, true
	}
	return 0, false
}

// gerundSubject finds the speaker of a cue in -ing form that has no
// subject of its own: "quoted Djamal as saying" (the one quoted) and
// "Boeing protested, claiming ..." (the subject of the main clause).
func (d *doc) gerundSubject(s, t int, m verb.Match) (speaker, bool) {
	if m.Form != verb.FormGerund || t == 0 {
		return speaker{}, false
	}
	switch d.fold(s, t-1) {
	case foldAs:
		return d.subjectBefore(s, 0, t-1)
	case foldComma:
		return d.mainSubject(s, 0, t-1)
	}
	return speaker{}, false
}

// passiveCue reports whether the cue at token t is a passive participle
// ("was warned", "were told").
func (d *doc) passiveCue(s, t int, m verb.Match) bool {
	return t > 0 && (m.Form == verb.FormPast || m.Form == verb.FormIrregular) && d.is(s, t-1, beWord)
}

// afterAgent returns the token after the by-agent phrase that starts at
// token from: past the words up to "that", a comma or a colon.
func (d *doc) afterAgent(s, from int) int {
	toks := d.sents[s].Tokens
	for t := from; t < len(toks) && t < from+8; t++ {
		switch d.fold(s, t) {
		case foldThat, foldComma, foldColon:
			return t
		}
	}
	return from
}

// contentAfter returns the span of what was said after a cue ending at
// token end: the rest of the sentence, without a leading "that" or colon
// and without the final punctuation.
func (d *doc) contentAfter(s, end int) redline.Span {
	toks := d.sents[s].Tokens
	// "told air force commanders that ...", "warned the council in December
	// that ...": the addressee comes before "that"; the content after it.
	for k := end; k < len(toks) && k < end+9; k++ {
		f := toks[k].Fold
		if toks[k].Kind == redline.TokenQuote || f == foldComma || f == foldSemicolon || f == foldColon {
			break
		}
		if f == foldThat {
			end = k + 1
			break
		}
	}
	for end < len(toks) {
		if f := toks[end].Fold; f != foldThat && f != foldColon && f != foldComma {
			break
		}
		end++
	}
	last := len(toks)
	for last > end && toks[last-1].Kind == redline.TokenPunct {
		last--
	}
	if last <= end {
		return redline.Span{}
	}
	return redline.Span{Start: toks[end].Span.Start, End: toks[last-1].Span.End}
}

// according reads "according to X, ..." and "..., according to X" into
// *st, reporting whether it found a statement.
func (d *doc) according(st *redline.Statement, s, t int, quotes []quoteSpan) bool {
	toks := d.sents[s].Tokens
	who, ok := d.npAfter(s, t+2)
	if !ok {
		return false
	}
	cue := cueHit{lemma: "according to", start: t, end: t + 2}
	if k := d.cueNounIn(s, t+2, t+8); k >= 0 {
		cue.start, cue.end = k, k+1 // "according to Fiat's announcement": the announcement is the cue
	}
	var content redline.Span
	if t == 0 {
		comma := d.nextComma(s, t+2)
		if f := d.fold(s, min(comma+1, len(toks)-1)); f == foldWhich || f == foldWho {
			comma = d.nextComma(s, comma+1) // "according to X, which first reported it, ..."
		}
		content = d.contentAfter(s, comma+1)
	} else {
		end := t - 1
		for end > 0 && (toks[end].Fold == foldComma || toks[end].Kind == redline.TokenPunct) {
			end--
		}
		content = redline.Span{Start: toks[0].Span.Start, End: toks[end].Span.End}
	}
	if content.Len() == 0 {
		return false
	}
	*st = d.reportedStatement(s, attribution{who, cue, s}, content, quotes)
	return true
}

// contentBefore returns what was said when the cue ends the sentence
// ("Talks will resume, the ministry said."): the words before the comma
// that precedes the speaker at byte offset at.
func (d *doc) contentBefore(s, at int) redline.Span {
	toks := d.sents[s].Tokens
	for t := len(toks) - 1; t > 0; t-- {
		if toks[t].Span.Start < at && toks[t].Fold == foldComma {
			first := 0
			if toks[0].Kind == redline.TokenQuote {
				first = 1
			}
			if t-1 < first {
				return redline.Span{}
			}
			return redline.Span{Start: toks[first].Span.Start, End: toks[t-1].Span.End}
		}
	}
	return redline.Span{}
}

// cueNounIn returns the index of the first cue noun in tokens [from, to)
// of sentence s before a comma, or -1.
func (d *doc) cueNounIn(s, from, to int) int {
	for t := from; t < to && t < len(d.sents[s].Tokens); t++ {
		if d.fold(s, t) == foldComma {
			return -1
		}
		if d.is(s, t, cueNounWord) {
			return t
		}
	}
	return -1
}

// nextComma returns the index of the first comma at or after token from
// in sentence s, or the sentence length.
func (d *doc) nextComma(s, from int) int {
	for from < len(d.sents[s].Tokens) && d.fold(s, from) != foldComma {
		from++
	}
	return from
}

func (d *doc) reportedStatement(s int, a attribution, content redline.Span, quotes []quoteSpan) redline.Statement {
	kind := redline.QuoteIndirect
	for _, q := range quotes {
		if q.content.Start >= content.End {
			break
		}
		if content.Overlaps(q.content) {
			kind = redline.QuoteMixed
			break
		}
	}
	st := redline.Statement{Sentence: s, Kind: kind, Text: content.In(d.text), Span: content, Conditions: []string{}}
	d.setSpeaker(&st, &a)
	return st
}
