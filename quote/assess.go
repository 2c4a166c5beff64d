package quote

import (
	"strings"

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

// content returns the tokens of a statement's words, across sentences.
// For a direct quote these are the tokens inside quotation marks only, so
// a split quote reads as one ("We will not," he said, "negotiate" is "We
// will not negotiate"): the cue between the parts and the comma that
// leads into it are left out.
//
// The tokens go into a buffer the document reuses, with the index of each
// in the lexicon hits beside it (d.global); both are valid until the next
// call.
func (d *doc) content(st *redline.Statement, quotes []quoteSpan) []redline.Token {
	out, global := d.tokBuf[:0], d.global[:0]
	sp := st.Span
	for s := max(0, st.Sentence-1); s < len(d.sents) && d.sents[s].Span.Start < sp.End; s++ {
		toks := d.sents[s].Tokens
		for i, t := range toks {
			if !sp.Contains(t.Span) {
				continue
			}
			if st.Kind == redline.QuoteDirect {
				if !d.quoted[d.first[s]+i] {
					continue
				}
				if t.Span.In(d.text) == "," && i+1 < len(toks) && toks[i+1].Kind == redline.TokenQuote {
					continue
				}
			}
			out = append(out, t)
			global = append(global, int32(d.hits.Index(s, i)))
		}
	}
	d.tokBuf, d.global = out, global
	return out
}

// assess reads a statement's content for topic, target, stance,
// commitment, conditions, threat and promise.
func (d *doc) assess(st *redline.Statement, quotes []quoteSpan) {
	toks := d.content(st, quotes)
	topicAt := -1
	for i := range toks {
		if m, ok := d.hits.ActionAtIndex(int(d.global[i])); ok && !d.passiveMeet(toks, i, m.Action.Topic) {
			st.Topic, topicAt = m.Action.Topic, i
			break
		}
	}
	st.Target = d.target(st, toks, topicAt)
	cue, _ := d.lex.Cue(st.Cue)
	neg, abs, hedge, firm, hostileWord := d.scan(toks)
	if topicAt >= 0 {
		neg = d.topicNegated(toks, st.Topic)
	}
	st.Conditions = d.conditions(toks)
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

// passiveMeet reports whether a "meet" at token i is the passive idiom
// "be met with" ("will be met with a hostile response"), not a meeting.
func (d *doc) passiveMeet(toks []redline.Token, i int, topic string) bool {
	if topic != "meet" || i == 0 {
		return false
	}
	switch strings.ToLower(toks[i-1].Span.In(d.text)) {
	case "be", "been", "being", "is", "are", "was", "were":
		return true
	}
	return false
}

// topicNegated reports whether any clause that names the topic is
// negated: "some like the idea of negotiating, but negotiations will not
// solve anything" rejects talks.
func (d *doc) topicNegated(toks []redline.Token, topic string) bool {
	for i := range toks {
		if m, ok := d.hits.ActionAtIndex(int(d.global[i])); ok && m.Action.Topic == topic && d.negatedClause(toks, i) {
			return true
		}
	}
	return false
}

// negatedClause reports whether the clause holding the topic at token i
// is negated or rejects it: a negator between the clause boundaries around
// the topic. "the deal served the nation's interests, but no one trusts
// Washington" keeps the deal favoured.
func (d *doc) negatedClause(toks []redline.Token, i int) bool {
	lo, hi := i, i
	for lo > 0 && classOf(toks[lo-1])&clauseBoundaryWord == 0 {
		lo--
	}
	for hi < len(toks)-1 && classOf(toks[hi+1])&clauseBoundaryWord == 0 {
		hi++
	}
	for _, t := range toks[lo : hi+1] {
		if classOf(t)&negatorWord != 0 {
			return true
		}
	}
	return false
}

// scan looks through the content for negation, commitment and hostility.
func (d *doc) scan(toks []redline.Token) (neg, abs, hedge, firm, threat bool) {
	var all wordClass
	for _, t := range toks {
		all |= classOf(t)
	}
	return all&negatorWord != 0, all&absoluteWord != 0, all&hedgeWord != 0, all&firmWord != 0, all&hostileWord != 0
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
	weight := map[redline.Commitment]float64{
		redline.CommitAbsolute: 1, redline.CommitFirm: 0.8, redline.CommitNone: 0.6, redline.CommitHedged: 0.4,
	}[c]
	switch s {
	case redline.StanceFavor:
		return weight
	case redline.StanceAgainst:
		return -weight
	}
	return 0
}

// conditions returns the condition clauses in the content: from a
// condition word to the next comma, semicolon or the end.
func (d *doc) conditions(toks []redline.Token) []string {
	out := []string{}
	for i := 0; i < len(toks); i++ {
		n := d.conditionAt(toks, i)
		if n == 0 {
			continue
		}
		end := i + n
		for end < len(toks) && !clauseEnd(toks[end].Span.In(d.text)) {
			end++
		}
		if end > i+n {
			out = append(out, redline.Span{Start: toks[i].Span.Start, End: toks[end-1].Span.End}.In(d.text))
		}
		i = end
	}
	return out
}

func clauseEnd(w string) bool {
	return w == "," || w == ";" || w == "." || w == ":" || w == "!" || w == "?"
}

func (d *doc) conditionAt(toks []redline.Token, i int) int {
	if classOf(toks[i])&conditionWord == 0 {
		return 0 // most tokens stop here
	}
next:
	for _, words := range conditionStarts {
		if i+len(words) > len(toks) {
			continue
		}
		for j, w := range words {
			if toks[i+j].Fold != redline.FoldOf(w) {
				continue next
			}
		}
		return len(words)
	}
	return 0
}

// target returns the actor the statement's action is toward: the first
// actor in the content after the topic (or anywhere in it) that is not on
// the speaker's side.
func (d *doc) target(st *redline.Statement, toks []redline.Token, topicAt int) *redline.ActorRef {
	side := d.countryOf(st.Speaker.ID)
	from := 0
	if topicAt >= 0 {
		from = toks[topicAt].Span.Start
	}
	var fallback *redline.ActorRef
	for _, m := range d.mentions {
		if !st.Span.Contains(m.Span) || m.Actor.ID == st.Speaker.ID || (side != "" && m.Country == side) {
			continue
		}
		ref := m.Actor
		if m.Span.Start >= from {
			return &ref
		}
		if fallback == nil {
			fallback = &ref
		}
	}
	return fallback
}

// countryOf returns the state of an actor as its mentions record it.
func (d *doc) countryOf(id string) string {
	for _, m := range d.mentions {
		if m.Actor.ID == id {
			if m.Country != "" {
				return m.Country
			}
			return id
		}
	}
	return ""
}
