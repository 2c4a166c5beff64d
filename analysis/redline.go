package analysis

import (
	"cmp"
	"fmt"
	"math/bits"
	"slices"

	"redline"
	"redline/analysis/internal/rules"
)

// Red-line statuses, from the quietest to the most consequential.
const (
	StatusHeld       = rules.StatusHeld       // nothing in the record has broken it yet
	StatusReaffirmed = rules.StatusReaffirmed // the speaker said it again, as firmly
	StatusSoftened   = rules.StatusSoftened   // the speaker hedged it or spoke for the action
	StatusCrossed    = rules.StatusCrossed    // the speaker's side did, or announced, the action
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
	f := newFrame(digestOf(stmts, evs), countryOf)
	lines := f.redLines("")
	fl := f.follower(f.deeds(), lines, lines)
	out := make([]RedLine, 0, len(lines))
	for _, rl := range lines {
		out = append(out, fl.ledger(rl).make(f, func(i int32) *redline.Statement { return &stmts[i] },
			func(i int32) *redline.Event { return &evs[i] }))
	}
	return out
}

// redLines returns the digest indexes of the red lines among the frame's
// statements, by the speaker with ID actor when actor is not empty, one
// per occasion, ordered by date, then speaker, preferring an absolute
// wording to a firm one, then by document and sentence.
func (f *frame) redLines(actor string) []int32 {
	st := f.d.Statements
	// Reports of one occasion share a speaker and a date value, so they
	// are next to each other once sorted, unless a value has two grains
	// and so two places in the order.
	type key struct {
		speaker, topic, target, said, stance int32
		threat                               bool
	}
	var lines []int32
	var keys []key
	for i := range st {
		s := &st[i]
		if f.w[s.Commitment].firm && f.hasID(s.Speaker) && !f.w[s.Topic].empty && f.d.Dates[s.Said].Value != "" &&
			(s.Stance == f.against || s.Threat) && (actor == "" || f.d.Actors[s.Speaker].ID == actor) {
			lines = append(lines, int32(i))
			keys = append(keys, key{f.key[s.Speaker], s.Topic, f.id[s.Target], f.value[s.Said], s.Stance, s.Threat})
		}
	}
	var seen map[key]bool
	if f.ambiguousValues() {
		seen = map[key]bool{}
	}
	out := make([]int32, 0, len(lines))
	var run []key // the keys of the lines kept of one speaker and date
	for _, n := range f.sortRedLines(lines) {
		i, k := lines[n], keys[n]
		if seen != nil {
			if !seen[k] {
				seen[k] = true
				out = append(out, i)
			}
			continue
		}
		if len(run) > 0 && (run[0].speaker != k.speaker || run[0].said != k.said) {
			run = run[:0]
		}
		if !slices.Contains(run, k) {
			run = append(run, k)
			out = append(out, i)
		}
	}
	return out
}

// keyRanks returns, per interned string, its place among the actor keys
// in string order, and the number of keys.
func (f *frame) keyRanks() ([]int32, int) {
	var keys []string
	ids := map[string]int32{}
	for _, k := range f.key[1:] {
		if s := f.strs.strs[k]; !seen(ids, s) {
			keys = append(keys, s)
			ids[s] = k
		}
	}
	slices.Sort(keys)
	ranks := make([]int32, len(f.strs.strs))
	for r, s := range keys {
		ranks[ids[s]] = int32(r)
	}
	return ranks, len(keys)
}

func seen[K comparable, V any](m map[K]V, k K) bool {
	_, ok := m[k]
	return ok
}

// sortRedLines returns the positions in lines of the red lines sorted
// stably by date, speaker, strength (the strongest first), document and
// sentence. It packs the fields into two integers and sorts those by radix
// when they fit, as they do unless the sentence numbers or the documents
// are beyond counting.
func (f *frame) sortRedLines(lines []int32) []int32 {
	st := f.d.Statements
	keys, nkeys := f.keyRanks()
	out := make([]int32, len(lines))
	for n := range out {
		out[n] = int32(n)
	}
	docs := stringRanks(f.d.Docs)
	lo, hi := int64(0), int64(0)
	for _, i := range lines {
		lo, hi = min(lo, int64(st[i].Sentence)), max(hi, int64(st[i].Sentence))
	}
	rankBits, keyBits := bits.Len(uint(f.ranks)), bits.Len(uint(nkeys))
	docBits, sentBits := bits.Len(uint(len(docs))), bits.Len64(uint64(hi-lo))
	if rankBits+keyBits > 63 || 2+docBits+sentBits > 63 {
		slices.SortStableFunc(out, func(a, b int32) int {
			sa, sb := &st[lines[a]], &st[lines[b]]
			return cmp.Or(cmp.Compare(f.rank[sa.Said], f.rank[sb.Said]), cmp.Compare(keys[f.key[sa.Speaker]], keys[f.key[sb.Speaker]]),
				cmp.Compare(f.w[sb.Commitment].strength, f.w[sa.Commitment].strength), cmp.Compare(docs[sa.Doc], docs[sb.Doc]),
				cmp.Compare(sa.Sentence, sb.Sentence))
		})
		return out
	}
	// Date and speaker decide nearly every place, so the radix sort takes
	// those alone, and the few lines that tie on both are then sorted by
	// the rest.
	major := make([]uint64, len(lines))
	minor := make([]uint64, len(lines))
	for n, i := range lines {
		s := &st[i]
		major[n] = uint64(f.rank[s.Said])<<keyBits | uint64(keys[f.key[s.Speaker]])
		minor[n] = uint64(3-f.w[s.Commitment].strength)<<(docBits+sentBits) | uint64(docs[s.Doc])<<sentBits | uint64(int64(s.Sentence)-lo)
	}
	out = order(len(lines), [2]uint64{uint64(f.ranks) << keyBits, 0}, func(n int) [2]uint64 { return [2]uint64{major[n], 0} })
	for a := 0; a < len(out); {
		b := a + 1
		for b < len(out) && major[out[b]] == major[out[a]] {
			b++
		}
		if b-a > 1 {
			slices.SortFunc(out[a:b], func(x, y int32) int { return cmp.Or(cmp.Compare(minor[x], minor[y]), cmp.Compare(x, y)) })
		}
		a = b
	}
	return out
}

// change is a change of a red line's status found in a frame: the
// statement (stmt) or event (ev) that made it, -1 for neither; the side,
// for a statement by another of the speaker's side; and the rank of the
// record's date.
type change struct {
	status   string
	stmt, ev int32
	side     int32
	rank     int32
}

// line is a red line's ledger in a frame.
type line struct {
	rl                  int32
	status              string
	history             []change
	opposedButPermitted bool
	followUps           []int32
}

// ledger follows one red line through the record.
func (fl *follower) ledger(rl int32) line {
	f, s := fl.f, &fl.f.d.Statements[rl]
	own := fl.own[speakerTopic{f.key[s.Speaker], s.Topic}]
	changes := append(fl.speakerChanges(rl, own), fl.crossings(rl)...)
	slices.SortStableFunc(changes, func(a, b change) int { return cmp.Compare(a.rank, b.rank) })
	l := line{rl: rl, status: StatusHeld}
	for _, c := range changes {
		if l.status == StatusCrossed {
			break
		}
		if c.status != l.status {
			l.history = append(l.history, c)
			l.status = c.status
		}
	}
	if l.status == StatusCrossed {
		cross := l.history[len(l.history)-1]
		if cross.ev >= 0 && s.Stance == f.against && f.key[f.d.Events[cross.ev].Actor] != f.key[s.Speaker] {
			l.opposedButPermitted = true
			l.followUps = fl.followUps(rl, f.span[f.d.Events[cross.ev].Date], own)
		}
	}
	return l
}

// speakerChanges returns, for each later occasion on which the speaker
// spoke on the red line's topic and target, whether it reaffirmed or
// softened the line. Statements that overlap the red line's date belong to
// its own occasion and change nothing.
func (fl *follower) speakerChanges(rl int32, own []int32) []change {
	f, st := fl.f, fl.f.d.Statements
	r := &st[rl]
	byDate := map[int32][]int32{}
	var dates []int32
	for _, i := range own {
		s := &st[i]
		if f.key[s.Speaker] != f.key[r.Speaker] || s.Topic != r.Topic || f.id[s.Target] != f.id[r.Target] ||
			!f.span[s.Said].after(f.span[r.Said]) {
			continue
		}
		v := f.value[s.Said]
		if _, ok := byDate[v]; !ok {
			dates = append(dates, v)
		}
		byDate[v] = append(byDate[v], i)
	}
	var out []change
	for _, d := range dates {
		if c, ok := fl.occasionChange(rl, byDate[d]); ok {
			out = append(out, c)
		}
	}
	return out
}

// occasionChange judges one occasion: a firm restatement reaffirms the line
// even when hedged or favourable words surround it.
func (fl *follower) occasionChange(rl int32, occ []int32) (change, bool) {
	f, st := fl.f, fl.f.d.Statements
	for _, i := range occ {
		if f.reaffirms(f.w[st[rl].Stance].sign, &st[i]) {
			return change{status: StatusReaffirmed, stmt: i, ev: -1, rank: f.rank[st[i].Said]}, true
		}
	}
	for _, i := range occ {
		if f.softens(f.w[st[rl].Stance].sign, &st[i]) {
			return change{status: StatusSoftened, stmt: i, ev: -1, rank: f.rank[st[i].Said]}, true
		}
	}
	return change{}, false
}

// reaffirms reports whether s, by the speaker of a red line of stance sign
// r on its topic and target, restates it: the same side of the issue (or,
// for a neutral threat, another threat), firm or absolute.
func (f *frame) reaffirms(r int8, s *redline.StatementDigest) bool {
	firm := f.w[s.Commitment].firm
	if r == 0 {
		return firm && s.Threat && f.w[s.Stance].sign == 0
	}
	return firm && f.w[s.Stance].sign == r
}

// softens reports whether s takes the other side of the issue from a red
// line of stance sign r, or the same side with a hedge. Neutral words
// soften nothing.
func (f *frame) softens(r int8, s *redline.StatementDigest) bool {
	v := f.w[s.Stance].sign
	return r != 0 && (v == -r || (v == r && f.w[s.Commitment].hedged))
}

// crossings returns the earliest records that cross the red line: a deed
// of its side (or, for talks, with it) and a firm statement for the action
// by another of its side. Deeds and statements are looked up by side and
// action and sorted by date, and crossed is final, so the first of each
// kind found on or after the line is all the ledger can use.
func (fl *follower) crossings(rl int32) []change {
	f, st := fl.f, fl.f.d.Statements
	r := &st[rl]
	side := f.sideOfActor(r.Speaker)
	if r.Stance != f.against || f.strs.strs[side] == "" {
		return nil
	}
	targets := fl.targets(nil, rl)
	var own, mutualOnly, said []change
	span := f.span[r.Said]
	for _, verb := range f.contradicted[r.Topic] {
		fl.deeds.each(fl.deeds.list(side, verb), span.start, farFuture, func(d filing) bool {
			e := &f.d.Events[d.ev]
			if !f.crossedBy(rl, e, side, targets) {
				return true
			}
			c := change{status: StatusCrossed, stmt: -1, ev: d.ev, rank: f.rank[e.Date]}
			if f.sideOfActor(e.Actor) == side {
				own = append(own, c)
			} else {
				mutualOnly = append(mutualOnly, c)
			}
			return false
		})
	}
	for _, verb := range f.contradicted[r.Topic] {
		offers := fl.offers.list(side, verb)
		i, _ := slices.BinarySearchFunc(offers, span.start, func(o offered, t int32) int { return cmp.Compare(o.span.start, t) })
		for ; i < len(offers); i++ {
			if o := offers[i]; f.announces(rl, o.i, side, targets) {
				said = append(said, change{status: StatusCrossed, stmt: o.i, ev: -1, side: side, rank: o.rank})
				break
			}
		}
	}
	return slices.Concat(own, mutualOnly, said)
}

// farFuture ends the open interval of deeds that may cross a red line: the
// number of the day 9999-01-01.
const farFuture = 2932532

// crossedBy reports whether event e crosses red line rl: a deed that
// happened, of the action the line rejects, by the speaker's side (or, for
// talks, with it), toward one of the target sides, dated on or after the
// line.
func (f *frame) crossedBy(rl int32, e *redline.EventDigest, side int32, targets []int32) bool {
	r := &f.d.Statements[rl]
	if !f.w[e.Mode].happened || !f.deed(e) || !slices.Contains(f.contradicted[r.Topic], e.Verb) {
		return false
	}
	if d, ref := f.span[e.Date], f.span[r.Said]; !d.overlaps(ref) && !d.after(ref) {
		return false
	}
	actor, other := f.sideOfActor(e.Actor), f.sideOfRef(e.Target)
	if actor != side && f.talks(e) && other == side {
		actor, other = other, actor // a meeting with Iran is Iran meeting too
	}
	return actor == side && slices.Contains(targets, other)
}

// talks reports whether e is a meeting or negotiation (CAMEO 04), which
// takes two. Other mutual verbs are not trusted here: "signed an order on
// Iran" is coded as an agreement toward Iran, and Iran agreed to nothing.
func (f *frame) talks(e *redline.EventDigest) bool {
	return f.w[e.Verb].mutual && f.w[e.CAMEO].talkCode
}

// announces reports whether statement o, by someone else on the speaker's
// side and said on a later occasion, commits firmly or absolutely to the
// action the red line rejects, toward one of the target sides (or none,
// for a line that names none), without condition or threat: the side
// announcing or defending what the line forbade. Reported views with no
// commitment do not cross a line; at most they show a split.
func (f *frame) announces(rl, o int32, side int32, targets []int32) bool {
	r, s := &f.d.Statements[rl], &f.d.Statements[o]
	if !f.hasID(s.Speaker) || f.key[s.Speaker] == f.key[r.Speaker] || f.sideOfActor(s.Speaker) != side {
		return false
	}
	if s.Stance != f.favor || !f.w[s.Commitment].firm || s.Conditional || s.Threat {
		return false
	}
	if !slices.Contains(f.contradicted[r.Topic], s.Topic) || !f.span[s.Said].after(f.span[r.Said]) {
		return false
	}
	return slices.Contains(targets, f.sideOfRef(s.Target)) || (s.Target == 0 && r.Target == 0)
}

// followUps returns the speaker's statements on the red line's topic, toward
// its target or none, made on or after the crossing and after the red line.
func (fl *follower) followUps(rl int32, crossed interval, own []int32) []int32 {
	f, st := fl.f, fl.f.d.Statements
	r := &st[rl]
	var out []int32
	for _, i := range own {
		s := &st[i]
		if f.key[s.Speaker] != f.key[r.Speaker] || s.Topic != r.Topic || !f.span[s.Said].after(f.span[r.Said]) {
			continue
		}
		if s.Target != 0 && f.id[s.Target] != f.id[r.Target] {
			continue
		}
		if d := f.span[s.Said]; d.overlaps(crossed) || d.after(crossed) {
			out = append(out, i)
		}
	}
	slices.SortStableFunc(out, func(a, b int32) int { return cmp.Compare(f.rank[st[a].Said], f.rank[st[b].Said]) })
	return out
}

// make writes the ledger out with the records behind it, which st and ev
// return by digest index.
func (l line) make(f *frame, st func(int32) *redline.Statement, ev func(int32) *redline.Event) RedLine {
	rl := st(l.rl)
	r := RedLine{Statement: *rl, Status: l.status, History: []StatusChange{}, OpposedButPermitted: l.opposedButPermitted,
		FollowUps: []redline.Statement{}}
	for _, c := range l.history {
		r.History = append(r.History, c.make(f, rl, st, ev))
	}
	for _, i := range l.followUps {
		r.FollowUps = append(r.FollowUps, *st(i))
	}
	return r
}

func (c change) make(f *frame, rl *redline.Statement, st func(int32) *redline.Statement, ev func(int32) *redline.Event) StatusChange {
	if c.ev >= 0 {
		e := *ev(c.ev)
		return StatusChange{Status: c.status, Date: e.Date, Event: &e, Explanation: rules.ExplainEventCrossing(*rl, e)}
	}
	s := *st(c.stmt)
	out := StatusChange{Status: c.status, Date: s.Said, Statement: &s}
	switch c.status {
	case StatusReaffirmed:
		out.Explanation = fmt.Sprintf("%s restated the line on %s (%s, %s %s%s).", s.Speaker.Name,
			s.Said.Value, s.Commitment, s.Stance, rl.Topic, rules.WithTarget(rl.Target))
	case StatusSoftened:
		out.Explanation = fmt.Sprintf("%s spoke %s %s%s on %s (%s).", s.Speaker.Name, rules.StanceWord(s.Stance),
			rl.Topic, rules.WithTarget(rl.Target), s.Said.Value, s.Commitment)
	default:
		out.Explanation = fmt.Sprintf("%s, of the same side (%s), spoke %s for %s%s on %s, after the red line of %s.",
			s.Speaker.Name, f.strs.strs[c.side], s.Commitment, s.Topic, rules.WithTarget(s.Target), s.Said.Value, rl.Said.Value)
	}
	return out
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
