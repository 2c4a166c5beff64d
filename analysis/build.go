package analysis

import (
	"cmp"
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"redline"
)

// Build reads the store and computes the report.
//
// It reads the store's digest, not its records: every analysis runs over
// the digest, and only the records of the entries the report shows, at
// most Options.Limit per section, are read in full. A report over a
// million statements and a million events reads a few tens of megabytes
// and a few hundred records.
func Build(ctx context.Context, s redline.Store, opts Options) (*Report, error) {
	if opts.Window == 0 {
		opts.Window = DefaultWindow
	}
	if opts.CountryOf == nil {
		opts.CountryOf = func(id string) string { return id }
	}
	counts, err := s.Counts(ctx)
	if err != nil {
		return nil, fmt.Errorf("count records: %w", err)
	}
	d, err := s.Digest(ctx)
	if err != nil {
		return nil, fmt.Errorf("read digest: %w", err)
	}
	var dls []redline.Deadline
	if opts.wants(SectionDeadlines) {
		if dls, err = s.Deadlines(ctx); err != nil {
			return nil, fmt.Errorf("read deadlines: %w", err)
		}
	}
	b := &builder{f: newFrame(d, opts.CountryOf), opts: opts}
	b.find()
	if err := b.fetch(ctx, s); err != nil {
		return nil, err
	}
	r := b.report()
	r.Counts = counts
	r.Deadlines, r.Totals.Deadlines = deadlines(dls, opts.Actor, opts.Limit)
	if opts.Actor != "" && opts.wants(SectionPrecedents) {
		if r.Precedents, err = actorBaseRates(ctx, s, d, opts); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// actorBaseRates draws the base rates of an actor's own patterns: for
// each topic it spoke for or against, how often what it said was followed
// within DefaultHorizon by the deed itself. It reads only the records the
// actor's precedents need (ActorRecords); the record ends where the whole
// digest does. The most frequent patterns come first, at most
// Options.Limit of them.
func actorBaseRates(ctx context.Context, s redline.Store, d *redline.Digest, opts Options) ([]BaseRate, error) {
	end := DigestEnd(d)
	stmts, evs, err := ActorRecords(ctx, s, d, opts.Actor, opts.CountryOf)
	if err != nil {
		return nil, err
	}
	type pattern struct {
		topic  string
		stance redline.Stance
	}
	var patterns []pattern
	counted := map[pattern]bool{}
	for _, st := range stmts {
		p := pattern{st.Topic, st.Stance}
		if st.Topic != "" && (st.Stance == redline.StanceFavor || st.Stance == redline.StanceAgainst) && !counted[p] {
			counted[p] = true
			patterns = append(patterns, p)
		}
	}
	out := []BaseRate{}
	for _, p := range patterns {
		rep := Precedents(stmts, evs, PrecedentQuery{Actor: opts.Actor, Topic: p.topic, Stance: p.stance, End: end}, opts.CountryOf)
		for _, b := range rep.BaseRates {
			if b.PLOVER == "" && b.Of+b.Pending > 0 {
				out = append(out, b)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Of+out[i].Pending > out[j].Of+out[j].Pending })
	if opts.Limit > 0 && len(out) > opts.Limit {
		out = out[:opts.Limit]
	}
	return out, nil
}

// builder finds a report's entries in a frame, then makes them with the
// records it fetched: stmts and evs by digest index.
type builder struct {
	f    *frame
	opts Options

	timeline  []int32 // digest indexes; events follow statements, from len(Statements)
	reversals []reversal
	gaps      []gap
	lines     []line
	splits    []split
	totals    Totals

	stmts map[int32]*redline.Statement
	evs   map[int32]*redline.Event
}

// find runs the analyses over the frame, the independent ones side by
// side.
func (b *builder) find() {
	b.f.resolveSides()
	var wg sync.WaitGroup
	wg.Go(func() {
		if b.opts.wants(SectionTimeline) {
			b.findTimeline()
		}
		if b.opts.wants(SectionReversals) {
			b.findReversals()
		}
		if b.opts.wants(SectionSplits) {
			b.findSplits()
		}
	})
	wg.Go(func() {
		if !b.opts.wants(SectionGaps) && !b.opts.wants(SectionRedlines) {
			return
		}
		deeds := sync.OnceValue(b.f.deeds)
		if b.opts.wants(SectionGaps) {
			b.findGaps(deeds())
		}
		if b.opts.wants(SectionRedlines) {
			b.findRedlines(deeds)
		}
	})
	wg.Wait()
}

// findReversals keeps the latest reversals.
func (b *builder) findReversals() {
	found := b.f.reversals(b.opts.Window, b.opts.Actor)
	b.totals.Reversals = len(found)
	for _, i := range b.f.orderReversals(found, b.opts.Limit) {
		b.reversals = append(b.reversals, found[i])
	}
}

// findGaps keeps the latest gaps.
func (b *builder) findGaps(deeds *deedIndex) {
	found := b.f.gaps(deeds, b.opts.Actor)
	b.totals.Gaps = len(found)
	for _, i := range b.f.orderGaps(found, b.opts.Limit) {
		b.gaps = append(b.gaps, found[i])
	}
}

// findSplits keeps the latest splits.
func (b *builder) findSplits() {
	found := b.f.splits(b.opts.Actor)
	b.totals.Splits = len(found)
	for _, i := range b.f.orderSplits(found, b.opts.Limit) {
		b.splits = append(b.splits, found[i])
	}
}

// findTimeline keeps the latest records of the timeline, in its order.
func (b *builder) findTimeline() {
	f, actor := b.f, b.opts.Actor
	ns := len(f.d.Statements)
	var items []int32
	for i, s := range f.d.Statements {
		if actor == "" || f.d.Actors[s.Speaker].ID == actor {
			items = append(items, int32(i))
		}
	}
	for i, e := range f.d.Events {
		if actor == "" || f.d.Actors[e.Actor].ID == actor {
			items = append(items, int32(ns+i))
		}
	}
	b.totals.Timeline = len(items)
	type fields struct{ date, actor, doc, sentence int32 }
	at := func(n int) fields {
		if i := items[n]; int(i) < ns {
			s := &f.d.Statements[i]
			return fields{s.Said, s.Speaker, s.Doc, s.Sentence}
		}
		e := &f.d.Events[int(items[n])-ns]
		return fields{e.Date, e.Actor, e.Doc, e.Sentence}
	}
	rank := func(n int) int32 { return f.rank[at(n).date] }
	for _, n := range latest(len(items), b.opts.Limit, f.ranks, rank, func(x, y int) int {
		a, c := at(x), at(y)
		return cmp.Or(cmp.Compare(f.rank[a.date], f.rank[c.date]), strings.Compare(f.d.Actors[a.actor].Name, f.d.Actors[c.actor].Name),
			strings.Compare(f.d.Docs[a.doc], f.d.Docs[c.doc]), cmp.Compare(a.sentence, c.sentence), cmp.Compare(x, y))
	}) {
		b.timeline = append(b.timeline, items[n])
	}
}

// findRedlines keeps the latest red lines, each with its ledger, and
// counts them all by status.
//
// The red lines are found while deeds is called, on another core: neither
// needs the other until red lines are followed through.
func (b *builder) findRedlines(deeds func() *deedIndex) {
	var lines []int32
	var wg sync.WaitGroup
	wg.Go(func() { lines = b.f.redLines(b.opts.Actor) })
	d := deeds()
	wg.Wait()
	shown := lines
	if limit := b.opts.Limit; limit > 0 && len(lines) > limit {
		shown = lines[len(lines)-limit:]
	}
	fl := b.f.follower(d, lines, shown)
	b.totals.Redlines = len(lines)
	for _, rl := range shown {
		b.lines = append(b.lines, fl.ledger(rl))
	}
	if len(shown) < len(lines) {
		b.totals.Statuses = fl.statusCounts(lines)
		return
	}
	b.totals.Statuses = map[string]int{StatusHeld: 0, StatusReaffirmed: 0, StatusSoftened: 0, StatusCrossed: 0}
	for _, l := range b.lines {
		b.totals.Statuses[l.status]++
	}
}

// fetch reads the records of the entries found.
func (b *builder) fetch(ctx context.Context, s redline.Store) error {
	f := b.f
	b.stmts, b.evs = map[int32]*redline.Statement{}, map[int32]*redline.Event{}
	need := func(i int32) { b.stmts[i] = nil }
	ns := int32(len(f.d.Statements))
	for _, i := range b.timeline {
		if i < ns {
			need(i)
		} else {
			b.evs[i-ns] = nil
		}
	}
	for _, r := range b.reversals {
		need(r.before)
		need(r.after)
	}
	for _, g := range b.gaps {
		need(g.stmt)
		b.evs[g.ev] = nil
	}
	for _, l := range b.lines {
		need(l.rl)
		for _, c := range l.history {
			if c.ev >= 0 {
				b.evs[c.ev] = nil
			} else {
				need(c.stmt)
			}
		}
		for _, i := range l.followUps {
			need(i)
		}
	}
	for _, sp := range b.splits {
		need(sp.favor)
		need(sp.against)
	}
	if err := fetchInto(ctx, b.stmts, func(i int32) int64 { return f.d.Statements[i].Ref }, s.StatementsAt); err != nil {
		return fmt.Errorf("read statements: %w", err)
	}
	if err := fetchInto(ctx, b.evs, func(i int32) int64 { return f.d.Events[i].Ref }, s.EventsAt); err != nil {
		return fmt.Errorf("read events: %w", err)
	}
	return nil
}

// fetchInto reads the records m names, by their digest refs, into m.
func fetchInto[T any](ctx context.Context, m map[int32]*T, ref func(int32) int64, at func(context.Context, []int64) ([]T, error)) error {
	idx := make([]int32, 0, len(m))
	refs := make([]int64, 0, len(m))
	for i := range m {
		idx, refs = append(idx, i), append(refs, ref(i))
	}
	recs, err := at(ctx, refs)
	if err != nil {
		return err
	}
	if len(recs) != len(refs) {
		return fmt.Errorf("asked for %d records, got %d", len(refs), len(recs))
	}
	for n, i := range idx {
		m[i] = &recs[n]
	}
	return nil
}

// report makes the report from what was found and fetched.
func (b *builder) report() *Report {
	f := b.f
	st := func(i int32) *redline.Statement { return b.stmts[i] }
	ev := func(i int32) *redline.Event { return b.evs[i] }
	r := &Report{Limit: b.opts.Limit, Totals: b.totals, Timeline: []Entry{}, Reversals: []Reversal{}, Gaps: []Gap{},
		Redlines: []RedLine{}, Splits: []Split{}, Precedents: []BaseRate{}}
	ns := int32(len(f.d.Statements))
	for _, i := range b.timeline {
		if i < ns {
			r.Timeline = append(r.Timeline, statementEntry(st(i)))
		} else {
			r.Timeline = append(r.Timeline, eventEntry(ev(i-ns)))
		}
	}
	for _, rv := range b.reversals {
		r.Reversals = append(r.Reversals, rv.make(f, st(rv.before), st(rv.after)))
	}
	for _, g := range b.gaps {
		r.Gaps = append(r.Gaps, makeGap(st(g.stmt), ev(g.ev)))
	}
	for _, l := range b.lines {
		r.Redlines = append(r.Redlines, l.make(f, st, ev))
	}
	for _, sp := range b.splits {
		r.Splits = append(r.Splits, sp.make(f, st(sp.favor), st(sp.against)))
	}
	return r
}

// deadlines returns the limit latest deadlines set by actor (all of them
// when actor is empty; all when limit is 0) and how many there are.
func deadlines(dls []redline.Deadline, actor string, limit int) ([]redline.Deadline, int) {
	out := []redline.Deadline{}
	for _, d := range dls {
		if actor == "" || d.Actor != nil && d.Actor.ID == actor {
			out = append(out, d)
		}
	}
	n := len(out)
	if limit > 0 && n > limit {
		out = out[n-limit:]
	}
	return out, n
}

// resolveSides looks up the side of every actor, so that the analyses
// can then run side by side without writing to the frame.
func (f *frame) resolveSides() {
	for a := range f.d.Actors[1:] {
		f.sideOfActor(int32(a + 1))
		f.sideOfRef(int32(a + 1))
	}
}
