package quote

import (
	"redline"
	"redline/verb"
)

// words that negate or reject what follows, anywhere in the content.
var negators = []string{
	"not", "n't", "never", "no", "neither", "nor",
	"without", "against", "forbidden", "refuse", "refused",
	"refuses", "reject", "rejected", "rejects", "useless",
	"pointless", "futile", "nothing", "cannot", "impossible",
	"harm", "harmful", "mistake", "trap", "waste", "dangerous",
	"humiliating", "deception", "none", "defective", "flawed", "disastrous", "disaster", "horrible", "terrible", "worst", "failed", "failure",
	// what the speaker calls an adversary's manoeuvre: "talks were a ploy", "the new card Washington wanted to play"
	"ploy", "ploys", "trick", "tricks", "scheme", "plot", "sham", "charade", "farce", "gimmick", "stunt", "deceit", "deceitful", "deceptive", "pretext", "card",
}

// absolutes mark a commitment no circumstance would change.
var absolutes = []string{
	"never", "forbidden", "absolutely", "ever", "impossible", "cannot",
}

var hedges = []string{
	"may", "might", "could", "perhaps", "possibly", "maybe",
	"consider", "considering", "open", "willing", "possible", "likely",
}

var firms = []string{"will", "must", "shall", "'ll", "’ll", "won't", "wo"}

// hostile words make a conditional or future statement a threat.
var hostile = []string{
	"retaliate", "retaliation", "response", "respond", "hostile",
	"punish", "punishment", "destroy", "strike", "attack", "war",
	"consequences", "price", "fire", "fury", "leave", "withdraw",
	"crush", "annihilate", "force", "reciprocal",
}

// conditionStarts open a condition clause.
var conditionStarts = [][]string{
	{"only", "when"}, {"only", "if"}, {"as", "long", "as"}, {"provided", "that"},
	{"on", "condition", "that"}, {"if"}, {"unless"}, {"until"}, {"once"},
}

var cooperative = map[string]bool{"negotiate": true, "meet": true, "agree": true, "cooperate": true, "aid": true, "ease-sanctions": true, "ceasefire": true}

// content returns the dense indexes of the tokens of a statement's
// words, across sentences, and the union of their classes. For a direct
// quote these are the tokens inside quotation marks only, so a split
// quote reads as one ("We will not," he said, "negotiate" is "We will not
// negotiate"): the cue between the parts and the comma that leads into it
// are left out.
//
// The indexes go into a buffer the document reuses, valid until the next
// call.
func (d *doc) content(st *redline.Statement) ([]int32, wordClass) {
	dense := d.dense[:0]
	var all wordClass
	sp := st.Span
	for s := max(0, st.Sentence-1); s < len(d.sents) && d.sents[s].Span.Start < sp.End; s++ {
		toks := d.sents[s].Tokens
		cs := d.classes[d.first[s]:][:len(toks)]
		// Tokens are in text order: none before the first that starts in
		// the span lies in it, and none after one that starts past its end.
		for i := tokenFrom(toks, sp.Start); i < len(toks) && toks[i].Span.Start <= sp.End; i++ {
			if toks[i].Span.End > sp.End {
				continue
			}
			if st.Kind == redline.QuoteDirect {
				if cs[i]&quotedTok == 0 {
					continue
				}
				if cs[i]&commaWord != 0 && i+1 < len(toks) && toks[i+1].Kind == redline.TokenQuote {
					continue
				}
			}
			dense = append(dense, int32(d.first[s]+i))
			all |= cs[i]
		}
	}
	d.dense = dense
	return dense, all
}

// tokenFrom returns the index of the first of toks, which are in text
// order, that starts at or after byte offset off, or len(toks).
func tokenFrom(toks []redline.Token, off int) int {
	lo, hi := 0, len(toks)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if toks[mid].Span.Start < off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// assess reads a statement's content for topic, target, stance,
// commitment, conditions, threat and promise.
func (d *doc) assess(st *redline.Statement) {
	dense, all := d.content(st)
	from := 0 // where the actor the action is toward may start
	for i, k := range dense {
		if m, ok := d.hits.ActionAtIndex(int(k)); ok && !d.passiveMeet(dense, i, m.Action.Topic) {
			st.Topic, from = m.Action.Topic, d.tokens[k].Span.Start
			break
		}
	}
	st.Target = d.target(st, from)
	cue, _ := d.lex.Cue(st.Cue)
	neg, abs, hedge, firm, hostileWord := all&negatorWord != 0, all&absoluteWord != 0, all&hedgeWord != 0, all&firmWord != 0, all&hostileWord != 0
	if st.Topic != "" {
		neg = d.topicNegated(dense, st.Topic)
	}
	st.Conditions = []string{}
	if all&conditionWord != 0 {
		st.Conditions = d.conditions(dense)
	}
	switch {
	case cue != nil && cue.Stance != "":
		st.Stance = cue.Stance
	case st.Topic == "":
		st.Stance = redline.StanceNeutral
	case neg:
		st.Stance = redline.StanceAgainst
	default:
		st.Stance = redline.StanceFavor
	}
	st.Commitment = commitment(cue, abs, hedge, firm)
	st.Threat = (cue != nil && cue.Threat) || (hostileWord && (len(st.Conditions) > 0 || firm))
	st.Promise = (cue != nil && cue.Promise && !st.Threat) ||
		(firm && !st.Threat && st.Stance == redline.StanceFavor && cooperative[st.Topic])
	st.Score = score(st.Stance, st.Commitment)
}

// passiveMeet reports whether a "meet" at content token i is the passive
// idiom "be met with" ("will be met with a hostile response"), not a
// meeting.
func (d *doc) passiveMeet(dense []int32, i int, topic string) bool {
	return topic == "meet" && i > 0 && d.classes[dense[i-1]]&beWord != 0
}

// topicNegated reports whether any clause that names the topic is
// negated: "some like the idea of negotiating, but negotiations will not
// solve anything" rejects talks. dense holds the content's tokens.
func (d *doc) topicNegated(dense []int32, topic string) bool {
	for i, k := range dense {
		if m, ok := d.hits.ActionAtIndex(int(k)); ok && m.Action.Topic == topic && d.negatedClause(dense, i) {
			return true
		}
	}
	return false
}

// negatedClause reports whether the clause holding the topic at content
// token i is negated or rejects it: a negator between the clause
// boundaries around the topic. "the deal served the nation's interests,
// but no one trusts Washington" keeps the deal favoured.
func (d *doc) negatedClause(dense []int32, i int) bool {
	lo, hi := i, i
	for lo > 0 && d.classes[dense[lo-1]]&clauseBoundaryWord == 0 {
		lo--
	}
	for hi < len(dense)-1 && d.classes[dense[hi+1]]&clauseBoundaryWord == 0 {
		hi++
	}
	for _, k := range dense[lo : hi+1] {
		if d.classes[k]&negatorWord != 0 {
			return true
		}
	}
	return false
}

// commitment grades how firmly the words bind the speaker: an absolute
// word wins, then a hedge, then a firm modal or cue.
func commitment(cue *verb.Cue, abs, hedge, firm bool) redline.Commitment {
	switch {
	case abs:
		return redline.CommitAbsolute
	case hedge || (cue != nil && cue.Commitment == redline.CommitHedged):
		return redline.CommitHedged
	case firm || (cue != nil && cue.Commitment != ""):
		return redline.CommitFirm
	}
	return redline.CommitNone
}

// score turns stance and commitment into a number in [-1, 1].
func score(s redline.Stance, c redline.Commitment) float64 {
	var weight float64
	switch c {
	case redline.CommitAbsolute:
		weight = 1
	case redline.CommitFirm:
		weight = 0.8
	case redline.CommitNone:
		weight = 0.6
	case redline.CommitHedged:
		weight = 0.4
	}
	switch s {
	case redline.StanceFavor:
		return weight
	case redline.StanceAgainst:
		return -weight
	}
	return 0
}

// conditions returns the condition clauses in the content, given as the
// dense indexes of its tokens: from a condition word to the next comma,
// semicolon or the end.
func (d *doc) conditions(dense []int32) []string {
	out := []string{}
	for i := 0; i < len(dense); i++ {
		if d.classes[dense[i]]&conditionWord == 0 {
			continue // most tokens stop here
		}
		n := d.conditionAt(dense, i)
		if n == 0 {
			continue
		}
		end := i + n
		for end < len(dense) && !clauseEnd(d.tokens[dense[end]].Span.In(d.text)) {
			end++
		}
		if end > i+n {
			out = append(out, redline.Span{Start: d.tokens[dense[i]].Span.Start, End: d.tokens[dense[end-1]].Span.End}.In(d.text))
		}
		i = end
	}
	return out
}

func clauseEnd(w string) bool {
	return w == "," || w == ";" || w == "." || w == ":" || w == "!" || w == "?"
}

// conditionAt returns the length of the condition phrase that starts at
// content token i, or 0.
func (d *doc) conditionAt(dense []int32, i int) int {
next:
	for _, folds := range conditionFolds {
		if i+len(folds) > len(dense) {
			continue
		}
		for j, f := range folds {
			if d.tokens[dense[i+j]].Fold != f {
				continue next
			}
		}
		return len(folds)
	}
	return 0
}

// conditionFolds are the words of conditionStarts as Folds.
var conditionFolds = func() [][]redline.Fold {
	out := make([][]redline.Fold, len(conditionStarts))
	for i, words := range conditionStarts {
		for _, w := range words {
			out[i] = append(out[i], redline.FoldOf(w))
		}
	}
	return out
}()

// target returns the actor the statement's action is toward: the first
// actor in the content that starts at byte offset from, after the topic,
// or else anywhere in it, that is not on the speaker's side.
func (d *doc) target(st *redline.Statement, from int) *redline.ActorRef {
	side := d.countryOf(st.Speaker.ID)
	fallback := -1
	for i := d.mentionFrom(st.Span.Start); i < len(d.mentions); i++ {
		m := &d.mentions[i]
		if m.Span.Start > st.Span.End {
			break // mentions are in text order: none further lies in the span
		}
		if !st.Span.Contains(m.Span) || m.Actor.ID == st.Speaker.ID || (side != "" && m.Country == side) {
			continue
		}
		if m.Span.Start >= from {
			return d.newRef(m.Actor)
		}
		if fallback < 0 {
			fallback = i
		}
	}
	if fallback < 0 {
		return nil
	}
	return d.newRef(d.mentions[fallback].Actor)
}

// newRef returns a pointer to a copy of ref, carved from a block like
// newSpan's.
func (d *doc) newRef(ref redline.ActorRef) *redline.ActorRef {
	if len(d.refBlock) == cap(d.refBlock) {
		d.refBlock = make([]redline.ActorRef, 0, 16)
	}
	d.refBlock = append(d.refBlock, ref)
	return &d.refBlock[len(d.refBlock)-1]
}

// countryOf returns the state of an actor as its mentions record it. A
// document's statements have few speakers, so each is looked up in the
// mentions once.
func (d *doc) countryOf(id string) string {
	for _, c := range d.countries {
		if c.id == id {
			return c.country
		}
	}
	c := ""
	for i := range d.mentions {
		if m := &d.mentions[i]; m.Actor.ID == id {
			c = m.Country
			if c == "" {
				c = id
			}
			break
		}
	}
	d.countries = append(d.countries, actorCountry{id, c})
	return c
}

// actorCountry is an answer of countryOf.
type actorCountry struct{ id, country string }
