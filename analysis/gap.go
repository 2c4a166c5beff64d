package analysis

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"redline"
)

// Gaps finds statements against an action while the speaker's side (the
// speaker's state, or the speaker itself) carried out that action toward
// the same target, with the two dates overlapping at their grains. A
// statement with no target matches events toward any target. Negated,
// future and hypothetical events did not happen and never count; covert
// and alleged ones do, and the explanation says so.
func Gaps(stmts []redline.Statement, evs []redline.Event, countryOf func(string) string) []Gap {
	out := []Gap{}
	for _, st := range stmts {
		if st.Stance != redline.StanceAgainst || st.Topic == "" || st.Speaker.ID == "" {
			continue // a speaker outside the dictionary has no known side
		}
		side := countryOf(st.Speaker.ID)
		for _, ev := range evs {
			if !happened(ev.Mode) || !deed(ev) || !contradicts(st.Topic, ev.Verb) {
				continue
			}
			actor, other := sides(ev, countryOf)
			if actor != side && !(mutual[ev.Verb] && other == side) {
				continue
			}
			if mutual[ev.Verb] && actor != side {
				actor, other = other, actor // a meeting with Iran is Iran meeting too
			}
			if st.Target != nil && other != countryOf(st.Target.ID) {
				continue
			}
			if !st.Said.Overlaps(ev.Date) {
				continue
			}
			out = append(out, Gap{Statement: st, Event: ev, Explanation: explainGap(st, ev)})
		}
	}
	slices.SortStableFunc(out, func(a, b Gap) int {
		return cmp.Or(a.Statement.Said.Compare(b.Statement.Said), a.Event.Date.Compare(b.Event.Date))
	})
	return out
}

// mutual actions take two: when A meets or negotiates with B, B does too.
var mutual = map[string]bool{"negotiate": true, "meet": true, "agree": true, "cooperate": true, "ceasefire": true}

// contradicts reports whether an event of topic done contradicts a
// statement against topic said: the same action, or for talks any
// meeting with the other side, since talks are held in meetings.
func contradicts(said, done string) bool {
	if said == done {
		return true
	}
	return (said == "negotiate" && done == "meet") || (said == "meet" && done == "negotiate")
}

// sides returns the states of an event's actor and target ("" for none).
func sides(ev redline.Event, countryOf func(string) string) (actor, target string) {
	actor = countryOf(ev.Actor.ID)
	if ev.Target != nil {
		target = countryOf(ev.Target.ID)
	}
	return actor, target
}

// deed reports whether an event is something done rather than said:
// material cooperation or conflict (quad classes 2 and 4), meetings and
// negotiations (CAMEO 04), and signing agreements (057). Statements,
// appeals, intents, demands, criticism, rejections and threats (01-03,
// 10-13) are words, and words cannot contradict words in a say-do gap.
func deed(ev redline.Event) bool {
	return ev.Quad == redline.QuadMaterialCooperation || ev.Quad == redline.QuadMaterialConflict ||
		strings.HasPrefix(ev.CAMEO, "04") || ev.CAMEO == "057"
}

func happened(m redline.Mode) bool {
	return m == redline.ModePublic || m == redline.ModeCovert || m == redline.ModeAlleged
}

func explainGap(st redline.Statement, ev redline.Event) string {
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
