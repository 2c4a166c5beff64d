package oracle

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"redline"
	"redline/analysis/internal/rules"
)

// RedLine is a firm or absolute commitment against an action, or a firm
// threat, with what became of it. Status is the standing at the end of the
// record; History lists each change of status, oldest first, with the record
// that caused it. OpposedButPermitted marks the deniability pattern: the
// speaker spoke against an action that their own side, through someone
// else, then carried out; FollowUps are the speaker's later statements on
// the same topic, where vindication or blame is usually found.
type RedLine struct {
	Statement           redline.Statement   `json:"statement"`
	Status              string              `json:"status"`
	History             []StatusChange      `json:"history"`
	OpposedButPermitted bool                `json:"opposed_but_permitted"`
	FollowUps           []redline.Statement `json:"follow_ups"`
}

// StatusChange is one change of a red line's status: the record that made
// it (a statement or an event), its date, and a sentence saying why.
type StatusChange struct {
	Status      string             `json:"status"`
	Date        redline.Date       `json:"date"`
	Statement   *redline.Statement `json:"statement,omitempty"`
	Event       *redline.Event     `json:"event,omitempty"`
	Explanation string             `json:"explanation"`
}

// Redlines builds the red-line ledger. A red line is a statement with a
// topic, by a speaker in the dictionary, committing firmly or absolutely
// against an action, or making a firm threat. Reports of one red line on one
// occasion (same speaker, topic, target, stance and date) count once.
//
// Each red line starts held. A later occasion on which the speaker restates
// it as firmly reaffirms it; one on which they speak for the action, or
// hedge, softens it (when an occasion does both, the restatement wins).
// A red line against an action is crossed by a deed of the speaker's side
// (countryOf of speaker and actor agree; for talks, either party) that
// happened (public, covert or alleged), toward the side of the red line's
// target, dated on or after the red line at their grains; or by a later
// firm, unconditional statement of someone else on the speaker's side for
// the action. A red line that names no target is crossed only by records
// toward a side its own document names. Crossed is final. The ledger is
// ordered by date said.
func Redlines(stmts []redline.Statement, evs []redline.Event, countryOf func(string) string) []RedLine {
	out := []RedLine{}
	rec := fileRecords(stmts, evs, countryOf)
	for _, rl := range redLineStatements(stmts) {
		out = append(out, rec.ledger(rl, countryOf))
	}
	return out
}

// records files statements and events the ways a red line looks them up,
// so that following one line reads only the records that can touch it:
// its speaker's, its document's, and its side's deeds and offers for the
// action it rejects.
type records struct {
	deeds     *deedIndex                      // deeds by side and action, as gaps file them
	offers    map[deedKey][]redline.Statement // firm unconditional statements for an action, by side and action
	bySpeaker map[string][]redline.Statement  // by speaker and topic
	docStmts  map[string][]redline.Statement
	docEvs    map[string][]redline.Event
}

func fileRecords(stmts []redline.Statement, evs []redline.Event, countryOf func(string) string) *records {
	r := &records{bySpeaker: map[string][]redline.Statement{}, docStmts: map[string][]redline.Statement{},
		docEvs: map[string][]redline.Event{}}
	for _, st := range stmts {
		k := rules.ActorKey(st.Speaker) + "|" + st.Topic
		r.bySpeaker[k] = append(r.bySpeaker[k], st)
		r.docStmts[st.Doc] = append(r.docStmts[st.Doc], st)
	}
	for _, ev := range evs {
		r.docEvs[ev.Doc] = append(r.docEvs[ev.Doc], ev)
	}
	r.deeds = indexDeeds(evs, countryOf)
	r.offers = map[deedKey][]redline.Statement{}
	for _, st := range stmts {
		firm := st.Commitment == redline.CommitFirm || st.Commitment == redline.CommitAbsolute
		if st.Speaker.ID != "" && st.Stance == redline.StanceFavor && firm && len(st.Conditions) == 0 && !st.Threat {
			k := deedKey{countryOf(st.Speaker.ID), st.Topic}
			r.offers[k] = append(r.offers[k], st)
		}
	}
	for k, l := range r.offers {
		slices.SortStableFunc(l, func(a, b redline.Statement) int { return a.Said.Compare(b.Said) })
		r.offers[k] = l
	}
	return r
}

// isRedLine reports whether st is a red line.
func isRedLine(st redline.Statement) bool {
	firm := st.Commitment == redline.CommitFirm || st.Commitment == redline.CommitAbsolute
	return firm && st.Speaker.ID != "" && st.Topic != "" && !st.Said.IsZero() &&
		(st.Stance == redline.StanceAgainst || st.Threat)
}

// redLineStatements returns the red lines among stmts ordered by date,
// one per occasion, preferring an absolute wording to a firm one.
func redLineStatements(stmts []redline.Statement) []redline.Statement {
	var lines []redline.Statement
	for _, st := range stmts {
		if isRedLine(st) {
			lines = append(lines, st)
		}
	}
	slices.SortStableFunc(lines, func(a, b redline.Statement) int {
		return cmp.Or(a.Said.Compare(b.Said), cmp.Compare(rules.ActorKey(a.Speaker), rules.ActorKey(b.Speaker)),
			cmp.Compare(rules.Strength(b.Commitment), rules.Strength(a.Commitment)), cmp.Compare(a.Doc, b.Doc),
			cmp.Compare(a.Sentence, b.Sentence))
	})
	type key struct {
		speaker, topic, target, said string
		stance                       redline.Stance
		threat                       bool
	}
	seen := map[key]bool{}
	out := lines[:0]
	for _, st := range lines {
		k := key{rules.ActorKey(st.Speaker), st.Topic, rules.TargetID(st.Target), st.Said.Value, st.Stance, st.Threat}
		if !seen[k] {
			seen[k] = true
			out = append(out, st)
		}
	}
	return out
}

// ledger follows one red line through the record.
func (rec *records) ledger(rl redline.Statement, countryOf func(string) string) RedLine {
	own := rec.bySpeaker[rules.ActorKey(rl.Speaker)+"|"+rl.Topic]
	side := countryOf(rl.Speaker.ID)
	targets := targetSides(rl, rec.docStmts[rl.Doc], rec.docEvs[rl.Doc], countryOf)
	changes := append(speakerChanges(rl, own), rec.crossings(rl, side, targets, countryOf)...)
	slices.SortStableFunc(changes, func(a, b StatusChange) int { return a.Date.Compare(b.Date) })
	r := RedLine{Statement: rl, Status: rules.StatusHeld, History: []StatusChange{}, FollowUps: []redline.Statement{}}
	for _, c := range changes {
		if r.Status == rules.StatusCrossed {
			break
		}
		if c.Status != r.Status {
			r.History = append(r.History, c)
			r.Status = c.Status
		}
	}
	if r.Status == rules.StatusCrossed {
		cross := r.History[len(r.History)-1]
		if cross.Event != nil && rl.Stance == redline.StanceAgainst && rules.ActorKey(cross.Event.Actor) != rules.ActorKey(rl.Speaker) {
			r.OpposedButPermitted = true
			r.FollowUps = followUps(rl, cross.Date, own)
		}
	}
	return r
}

// speakerChanges returns, for each later occasion on which the speaker
// spoke on the red line's topic and target, whether it reaffirmed or
// softened the line. Statements that overlap the red line's date belong to
// its own occasion and change nothing.
func speakerChanges(rl redline.Statement, stmts []redline.Statement) []StatusChange {
	byDate := map[string][]*redline.Statement{}
	var dates []string
	for i := range stmts {
		st := &stmts[i]
		if rules.ActorKey(st.Speaker) != rules.ActorKey(rl.Speaker) || st.Topic != rl.Topic ||
			rules.TargetID(st.Target) != rules.TargetID(rl.Target) || !after(st.Said, rl.Said) {
			continue
		}
		if _, ok := byDate[st.Said.Value]; !ok {
			dates = append(dates, st.Said.Value)
		}
		byDate[st.Said.Value] = append(byDate[st.Said.Value], st)
	}
	var out []StatusChange
	for _, d := range dates {
		if c, ok := occasionChange(rl, byDate[d]); ok {
			out = append(out, c)
		}
	}
	return out
}

// occasionChange judges one occasion: a firm restatement reaffirms the line
// even when hedged or favourable words surround it.
func occasionChange(rl redline.Statement, occ []*redline.Statement) (StatusChange, bool) {
	for _, st := range occ {
		if reaffirms(rl, *st) {
			return StatusChange{Status: rules.StatusReaffirmed, Date: st.Said, Statement: st,
				Explanation: fmt.Sprintf("%s restated the line on %s (%s, %s %s%s).", st.Speaker.Name,
					st.Said.Value, st.Commitment, st.Stance, rl.Topic, rules.WithTarget(rl.Target))}, true
		}
	}
	for _, st := range occ {
		if softens(rl, *st) {
			return StatusChange{Status: rules.StatusSoftened, Date: st.Said, Statement: st,
				Explanation: fmt.Sprintf("%s spoke %s %s%s on %s (%s).", st.Speaker.Name, rules.StanceWord(st.Stance),
					rl.Topic, rules.WithTarget(rl.Target), st.Said.Value, st.Commitment)}, true
		}
	}
	return StatusChange{}, false
}

// reaffirms reports whether st, by the red line's speaker on its topic and
// target, restates it: the same side of the issue (or, for a neutral
// threat, another threat), firm or absolute.
func reaffirms(rl, st redline.Statement) bool {
	firm := st.Commitment == redline.CommitFirm || st.Commitment == redline.CommitAbsolute
	if rules.Sign(rl.Stance) == 0 {
		return firm && st.Threat && rules.Sign(st.Stance) == 0
	}
	return firm && rules.Sign(st.Stance) == rules.Sign(rl.Stance)
}

// softens reports whether st takes the other side of the issue, or the same
// side with a hedge. Neutral words soften nothing.
func softens(rl, st redline.Statement) bool {
	s, r := rules.Sign(st.Stance), rules.Sign(rl.Stance)
	return r != 0 && (s == -r || (s == r && st.Commitment == redline.CommitHedged))
}

// after reports whether d is a later occasion than ref: it starts after
// ref starts and the two do not overlap at their grains.
func after(d, ref redline.Date) bool {
	return !d.Overlaps(ref) && d.Start().After(ref.Start())
}

// onOrAfter reports whether d is dated on or after ref at their grains: it
// overlaps ref or starts after it.
func onOrAfter(d, ref redline.Date) bool {
	return d.Overlaps(ref) || after(d, ref)
}

// crossings returns the earliest records that cross the red line: a deed
// of its side (or, for talks, with it) and a firm statement for the action
// by another of its side. Deeds and statements are looked up by side and
// action and sorted by date, and crossed is final, so the first of each
// kind found on or after the line is all the ledger can use.
func (rec *records) crossings(rl redline.Statement, side string, targets map[string]bool, countryOf func(string) string) []StatusChange {
	if rl.Stance != redline.StanceAgainst || side == "" {
		return nil
	}
	var own, mutualOnly, said []StatusChange
	start, _, _ := rl.Said.Interval()
	for _, verb := range rules.Contradicting(rl.Topic) {
		rec.deeds.each(deedKey{side, verb}, start, farFuture, func(d indexedDeed) bool {
			ev := d.ev
			if !crossedBy(rl, ev, side, targets, countryOf) {
				return true
			}
			c := StatusChange{Status: rules.StatusCrossed, Date: ev.Date, Event: &ev, Explanation: rules.ExplainEventCrossing(rl, ev)}
			if countryOf(ev.Actor.ID) == side {
				own = append(own, c)
			} else {
				mutualOnly = append(mutualOnly, c)
			}
			return false
		})
	}
	for _, verb := range rules.Contradicting(rl.Topic) {
		offers := rec.offers[deedKey{side, verb}]
		i, _ := slices.BinarySearchFunc(offers, start, func(st redline.Statement, t time.Time) int { return st.Said.Start().Compare(t) })
		for ; i < len(offers); i++ {
			if st := offers[i]; announces(rl, st, side, targets, countryOf) {
				said = append(said, StatusChange{Status: rules.StatusCrossed, Date: st.Said, Statement: &st,
					Explanation: fmt.Sprintf("%s, of the same side (%s), spoke %s for %s%s on %s, after the red line of %s.",
						st.Speaker.Name, side, st.Commitment, st.Topic, rules.WithTarget(st.Target), st.Said.Value, rl.Said.Value)})
				break
			}
		}
	}
	return slices.Concat(own, mutualOnly, said)
}

// farFuture ends the open interval of deeds that may cross a red line.
var farFuture = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)

// targetSides returns the sides a crossing may be directed at: the side of
// the red line's target; or, when it names none, the sides its document
// names as actors or targets other than the speaker's own, since a line
// drawn without a name is drawn against whoever the text is about.
func targetSides(rl redline.Statement, stmts []redline.Statement, evs []redline.Event, countryOf func(string) string) map[string]bool {
	if rl.Target != nil {
		return map[string]bool{sideOf(rl.Target, countryOf): true}
	}
	out := map[string]bool{}
	add := func(doc string, refs ...*redline.ActorRef) {
		for _, r := range refs {
			if s := sideOf(r, countryOf); doc == rl.Doc && s != "" {
				out[s] = true
			}
		}
	}
	for _, st := range stmts {
		add(st.Doc, &st.Speaker, st.Target)
	}
	for _, ev := range evs {
		add(ev.Doc, &ev.Actor, ev.Target)
	}
	delete(out, countryOf(rl.Speaker.ID))
	return out
}

// crossedBy reports whether ev crosses the red line: a deed that happened,
// of the action the line rejects, by the speaker's side (or, for talks,
// with it), toward one of the target sides, dated on or after the line.
func crossedBy(rl redline.Statement, ev redline.Event, side string, targets map[string]bool, countryOf func(string) string) bool {
	if !rules.Happened(ev.Mode) || !rules.Deed(ev) || !rules.Contradicts(rl.Topic, ev.Verb) || !onOrAfter(ev.Date, rl.Said) {
		return false
	}
	actor, other := countryOf(ev.Actor.ID), sideOf(ev.Target, countryOf)
	if actor != side && talks(ev) && other == side {
		actor, other = other, actor // a meeting with Iran is Iran meeting too
	}
	return actor == side && targets[other]
}

// talks reports whether ev is a meeting or negotiation (CAMEO 04), which
// takes two. Other mutual verbs are not trusted here: "signed an order on
// Iran" is coded as an agreement toward Iran, and Iran agreed to nothing.
func talks(ev redline.Event) bool {
	return rules.Mutual[ev.Verb] && strings.HasPrefix(ev.CAMEO, "04")
}

// announces reports whether st, by someone else on the speaker's side and
// said on a later occasion, commits firmly or absolutely to the action the
// red line rejects, toward one of the target sides (or none, for a line
// that names none), without condition or threat: the side announcing or
// defending what the line forbade. Reported views with no commitment do
// not cross a line; at most they show a split.
func announces(rl, st redline.Statement, side string, targets map[string]bool, countryOf func(string) string) bool {
	if st.Speaker.ID == "" || rules.ActorKey(st.Speaker) == rules.ActorKey(rl.Speaker) || countryOf(st.Speaker.ID) != side {
		return false
	}
	firm := st.Commitment == redline.CommitFirm || st.Commitment == redline.CommitAbsolute
	if st.Stance != redline.StanceFavor || !firm || len(st.Conditions) > 0 || st.Threat {
		return false
	}
	if !rules.Contradicts(rl.Topic, st.Topic) || !after(st.Said, rl.Said) {
		return false
	}
	return targets[sideOf(st.Target, countryOf)] || (st.Target == nil && rl.Target == nil)
}

// sideOf returns the side of an actor reference: its state when known,
// else its own key; "" for none.
func sideOf(r *redline.ActorRef, countryOf func(string) string) string {
	if r == nil {
		return ""
	}
	if c := countryOf(r.ID); c != "" {
		return c
	}
	return rules.ActorKey(*r)
}

// followUps returns the speaker's statements on the red line's topic, toward
// its target or none, made on or after the crossing and after the red line.
func followUps(rl redline.Statement, crossed redline.Date, stmts []redline.Statement) []redline.Statement {
	out := []redline.Statement{}
	for _, st := range stmts {
		if rules.ActorKey(st.Speaker) != rules.ActorKey(rl.Speaker) || st.Topic != rl.Topic || !after(st.Said, rl.Said) {
			continue
		}
		if st.Target != nil && rules.TargetID(st.Target) != rules.TargetID(rl.Target) {
			continue
		}
		if onOrAfter(st.Said, crossed) {
			out = append(out, st)
		}
	}
	slices.SortStableFunc(out, func(a, b redline.Statement) int { return a.Said.Compare(b.Said) })
	return out
}
