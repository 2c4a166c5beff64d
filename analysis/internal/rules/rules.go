// Package rules holds the word lists and the small judgements on single
// records that the analyses and their test oracle share: which actions
// contradict which, which take two, what counts as a deed, how red lines
// are worded. Keeping them in one place lets the oracle check the
// analyses' algorithms without restating their vocabulary.
package rules

import (
	"fmt"
	"slices"
	"strings"

	"redline"
)

// Contradicting lists the actions whose doing contradicts words against
// topic: the action itself and, for talks, meetings (and the reverse),
// since talks are held in meetings.
func Contradicting(topic string) []string {
	switch topic {
	case "negotiate":
		return []string{"negotiate", "meet"}
	case "meet":
		return []string{"meet", "negotiate"}
	}
	return []string{topic}
}

// Contradicts reports whether doing an action of topic done contradicts
// words against topic said.
func Contradicts(said, done string) bool {
	return slices.Contains(Contradicting(said), done)
}

// Deed reports whether an event is something done rather than said:
// material cooperation or conflict (quad classes 2 and 4), meetings and
// negotiations (CAMEO 04), and signing agreements (057). Statements,
// appeals, intents, demands, criticism, rejections and threats (01-03,
// 10-13) are words, and words cannot contradict words in a say-do gap.
func Deed(ev redline.Event) bool {
	return ev.Quad == redline.QuadMaterialCooperation || ev.Quad == redline.QuadMaterialConflict ||
		strings.HasPrefix(ev.CAMEO, "04") || ev.CAMEO == "057"
}

// Happened reports whether an event in mode m took place: public, covert
// or alleged, not negated, future or hypothetical.
func Happened(m redline.Mode) bool {
	return m == redline.ModePublic || m == redline.ModeCovert || m == redline.ModeAlleged
}

// ExplainGap says in one sentence why a statement and an event make a
// say-do gap.
func ExplainGap(st redline.Statement, ev redline.Event) string {
	target := "anyone"
	if st.Target != nil {
		target = st.Target.Name
	}
	mode := ""
	if ev.Mode != redline.ModePublic {
		mode = string(ev.Mode) + " "
	}
	evTarget := ""
	if ev.Target != nil {
		evTarget = " with " + ev.Target.Name
	}
	return fmt.Sprintf("%s spoke against %s with %s (%s) while %s's %s%s%s is dated %s.",
		st.Speaker.Name, st.Topic, target, st.Said.Value, ev.Actor.Name, mode, ev.Verb, evTarget, ev.Date.Value)
}

// Strength ranks a commitment: absolute 3, firm 2, hedged 1, none 0.
func Strength(c redline.Commitment) int {
	return map[redline.Commitment]int{redline.CommitAbsolute: 3, redline.CommitFirm: 2, redline.CommitHedged: 1}[c]
}

// Sign returns -1 for against, 1 for favor and 0 for neutral.
func Sign(s redline.Stance) int {
	switch s {
	case redline.StanceAgainst:
		return -1
	case redline.StanceFavor:
		return 1
	}
	return 0
}

// StanceWord writes a stance as a verb phrase takes it: "for", "against".
func StanceWord(s redline.Stance) string {
	if s == redline.StanceFavor {
		return "for"
	}
	return string(s)
}

// ExplainEventCrossing says in one sentence how an event crossed a red
// line.
func ExplainEventCrossing(rl redline.Statement, ev redline.Event) string {
	mode := ""
	if ev.Mode != redline.ModePublic {
		mode = string(ev.Mode) + " "
	}
	when := "came after"
	if ev.Date.Overlaps(rl.Said) {
		when = "overlaps, at their grains,"
	}
	return fmt.Sprintf("%s's %s%s%s, dated %s, %s the red line %s drew on %s against %s%s.",
		ev.Actor.Name, mode, ev.Verb, WithTarget(ev.Target), ev.Date.Value, when,
		rl.Speaker.Name, rl.Said.Value, rl.Topic, WithTarget(rl.Target))
}

// ActorKey identifies an actor for grouping: its ID, or for a speaker the
// dictionary does not know, its name as the text gave it.
func ActorKey(a redline.ActorRef) string {
	if a.ID != "" {
		return a.ID
	}
	return "name:" + a.Name
}

func TargetID(t *redline.ActorRef) string {
	if t == nil {
		return ""
	}
	return t.ID
}

// Mutual actions take two: when A meets or negotiates with B, B does too.
var Mutual = map[string]bool{"negotiate": true, "meet": true, "agree": true, "cooperate": true, "ceasefire": true}

// CooperativeVerbs are actions whose doing is cooperation: an event filed
// under one of them with a conflict code ("called off the talks", CAMEO
// 164) undoes the action rather than doing it.
var CooperativeVerbs = map[string]bool{
	"negotiate": true, "meet": true, "agree": true, "cooperate": true, "aid": true, "ease-sanctions": true, "ceasefire": true,
}

// Red-line statuses, from the quietest to the most consequential.
const (
	StatusHeld       = "held"       // nothing in the record has broken it yet
	StatusReaffirmed = "reaffirmed" // the speaker said it again, as firmly
	StatusSoftened   = "softened"   // the speaker hedged it or spoke for the action
	StatusCrossed    = "crossed"    // the speaker's side did, or announced, the action
)

// TargetedTopics are the topics of actions done to another party:
// attacking, negotiating, sanctioning someone. A statement on one of them
// whose target the text did not give cannot be set against another such
// statement as a reversal, since the two may concern different parties
// ("we will attack" said of two different enemies). Topics such as
// ceasefire, withdraw or test-weapons need no target and reverse without
// one.
var TargetedTopics = map[string]bool{
	"attack": true, "negotiate": true, "meet": true, "agree": true, "sanction": true, "ease-sanctions": true,
	"threaten": true, "coerce": true, "demand": true, "accuse": true, "criticize": true, "aid": true,
	"cooperate": true, "support": true, "expel": true, "occupy": true, "blockade": true,
	"reduce-relations": true, "halt-talks": true, "appeal": true, "mediate": true,
}

func WithTarget(t *redline.ActorRef) string {
	if t == nil {
		return ""
	}
	return " toward " + t.Name
}
