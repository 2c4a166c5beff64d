package http

import (
	"cmp"
	"context"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"time"

	"redline"
	"redline/analysis"
)

// snapStore is the store with its digest and counts answered from a
// snapshot, so that an analysis does not read them again.
type snapStore struct {
	redline.Store
	sn *snapshot
}

func (s snapStore) Digest(context.Context) (*redline.Digest, error) { return s.sn.digest, nil }
func (s snapStore) Counts(context.Context) (redline.Counts, error)  { return s.sn.counts, nil }

// reportSections are the sections a report request computes: all but
// precedents, which have their own request (baseRates), as they read the
// actor's records in full.
const reportSections = analysis.SectionTimeline | analysis.SectionReversals | analysis.SectionGaps |
	analysis.SectionRedlines | analysis.SectionSplits | analysis.SectionDeadlines

// depth rounds the number of latest entries a page needs up to a power of
// two from 64, so that nearby pages share one computed report.
func depth(p page) (int, error) {
	need := p.Offset + p.Limit
	if need > MaxDepth {
		return 0, redline.Errorf(redline.EINVALID, "offset %d: analyses page through their latest %d entries; narrow the query with actor", p.Offset, MaxDepth)
	}
	return max(64, 1<<bits.Len(uint(need-1))), nil
}

// report returns the analyses of actor (all actors when empty) with their
// latest k entries per section, waiting at most wait for them.
func (s *Server) report(ctx context.Context, sn *snapshot, actor string, window time.Duration, k int, wait time.Duration) (*analysis.Report, error) {
	key := fmt.Sprintf("report\x00%s\x00%d\x00%d", actor, window, k)
	v, err := s.cache.compute(ctx, sn, key, wait, func(ctx context.Context) (any, error) {
		return analysis.Build(ctx, snapStore{s.Store, sn}, analysis.Options{
			Actor: actor, Window: window, CountryOf: s.CountryOf, Limit: k, Sections: reportSections})
	})
	if err != nil {
		return nil, err
	}
	return v.(*analysis.Report), nil
}

// baseRates returns the base rates of an actor's own patterns (see
// analysis.Report.Precedents), waiting at most wait.
func (s *Server) baseRates(ctx context.Context, sn *snapshot, actor string, wait time.Duration) ([]analysis.BaseRate, error) {
	v, err := s.cache.computeSlow(ctx, sn, "baserates\x00"+actor, wait, func(ctx context.Context) (any, error) {
		r, err := analysis.Build(ctx, snapStore{s.Store, sn}, analysis.Options{
			Actor: actor, CountryOf: s.CountryOf, Limit: 20, Sections: analysis.SectionPrecedents})
		if err != nil {
			return nil, err
		}
		return r.Precedents, nil
	})
	if err != nil {
		return nil, err
	}
	return v.([]analysis.BaseRate), nil
}

// precedents answers a precedent query over the actor's records.
func (s *Server) precedents(ctx context.Context, sn *snapshot, q analysis.PrecedentQuery) (*analysis.PrecedentReport, error) {
	return s.precedentsWithin(ctx, sn, q, s.Wait)
}

// precedentsWithin is precedents waiting at most wait.
func (s *Server) precedentsWithin(ctx context.Context, sn *snapshot, q analysis.PrecedentQuery, wait time.Duration) (*analysis.PrecedentReport, error) {
	key := fmt.Sprintf("precedents\x00%s\x00%s\x00%s\x00%s\x00%d", q.Actor, q.Topic, q.Stance, q.Target, q.Horizon)
	v, err := s.cache.computeSlow(ctx, sn, key, wait, func(ctx context.Context) (any, error) {
		q.End = analysis.DigestEnd(sn.digest)
		stmts, evs, err := analysis.ActorRecords(ctx, s.Store, sn.digest, q.Actor, s.CountryOf)
		if err != nil {
			return nil, err
		}
		return analysis.Precedents(stmts, evs, q, s.CountryOf), nil
	})
	if err != nil {
		return nil, err
	}
	return v.(*analysis.PrecedentReport), nil
}

// Deadlines is the deadlines still to come after a day, each with its
// countdown and consequences, and the scenario tree of threats and
// promises.
type Deadlines struct {
	After     string                   `json:"after"`
	Deadlines []analysis.DeadlineEntry `json:"deadlines"`
	Scenarios []analysis.Scenario      `json:"scenarios"`
}

// deadlines returns the deadlines after the day, as "redline deadlines"
// finds them: reading only the statements they draw on.
func (s *Server) deadlines(ctx context.Context, sn *snapshot, after time.Time) (*Deadlines, error) {
	day := after.UTC().Format(time.DateOnly)
	v, err := s.cache.compute(ctx, sn, "deadlines\x00"+day, s.Wait, func(ctx context.Context) (any, error) {
		dls, err := s.Store.Deadlines(ctx)
		if err != nil {
			return nil, fmt.Errorf("read deadlines: %w", err)
		}
		doc := map[string]bool{}
		for _, dl := range dls {
			doc[dl.Doc] = true
		}
		d := sn.digest
		var refs []int64
		for _, st := range d.Statements {
			if st.Threat || st.Promise || doc[d.Docs[st.Doc]] {
				refs = append(refs, st.Ref)
			}
		}
		stmts, err := s.Store.StatementsAt(ctx, refs)
		if err != nil {
			return nil, err
		}
		return &Deadlines{After: day, Deadlines: analysis.Deadlines(dls, stmts, after), Scenarios: analysis.Scenarios(stmts, s.CountryOf)}, nil
	})
	if err != nil {
		return nil, err
	}
	return v.(*Deadlines), nil
}

// tlItem is a timeline record in a snapshot's digest: a statement, or an
// event when ev is set, by its index.
type tlItem struct {
	i  int32
	ev bool
}

// timelineFilter selects timeline records.
type timelineFilter struct {
	Actor, Topic, Target string
	From, To             time.Time
}

// timeline returns the actor's records in the digest, in timeline order
// (date, then document and sentence), filtered by topic (an event's verb),
// target and dates.
func (s *Server) timeline(ctx context.Context, sn *snapshot, f timelineFilter) ([]tlItem, error) {
	key := fmt.Sprintf("timeline\x00%s\x00%s\x00%s\x00%d\x00%d", f.Actor, f.Topic, f.Target, f.From.Unix(), f.To.Unix())
	v, err := s.cache.compute(ctx, sn, key, s.Wait, func(context.Context) (any, error) {
		return sn.timeline(f), nil
	})
	if err != nil {
		return nil, err
	}
	return v.([]tlItem), nil
}

func (sn *snapshot) timeline(f timelineFilter) []tlItem {
	d := sn.digest
	match := func(actor, target, topic, date int32) bool {
		if d.Actors[actor].ID != f.Actor || (f.Topic != "" && d.Words[topic] != f.Topic) ||
			(f.Target != "" && d.Actors[target].ID != f.Target) {
			return false
		}
		if f.From.IsZero() && f.To.IsZero() {
			return true
		}
		start, _, ok := d.Dates[date].Interval()
		return ok && !start.Before(f.From) && (f.To.IsZero() || start.Before(f.To))
	}
	var out []tlItem
	for i, st := range d.Statements {
		if match(st.Speaker, st.Target, st.Topic, st.Said) {
			out = append(out, tlItem{int32(i), false})
		}
	}
	for i, ev := range d.Events {
		if match(ev.Actor, ev.Target, ev.Verb, ev.Date) {
			out = append(out, tlItem{int32(i), true})
		}
	}
	at := func(t tlItem) (date, doc, sentence int32) {
		if t.ev {
			e := &d.Events[t.i]
			return e.Date, e.Doc, e.Sentence
		}
		st := &d.Statements[t.i]
		return st.Said, st.Doc, st.Sentence
	}
	slices.SortStableFunc(out, func(a, b tlItem) int {
		da, ma, sa := at(a)
		db, mb, sb := at(b)
		return cmp.Or(cmp.Compare(sn.rank[da], sn.rank[db]), strings.Compare(d.Docs[ma], d.Docs[mb]), cmp.Compare(sa, sb))
	})
	return out
}

// entries reads the full records of timeline items.
func (s *Server) entries(ctx context.Context, sn *snapshot, items []tlItem) ([]analysis.Entry, error) {
	var srefs, erefs []int64
	for _, it := range items {
		if it.ev {
			erefs = append(erefs, sn.digest.Events[it.i].Ref)
		} else {
			srefs = append(srefs, sn.digest.Statements[it.i].Ref)
		}
	}
	stmts, err := s.Store.StatementsAt(ctx, srefs)
	if err != nil {
		return nil, err
	}
	evs, err := s.Store.EventsAt(ctx, erefs)
	if err != nil {
		return nil, err
	}
	out := make([]analysis.Entry, 0, len(items))
	for _, it := range items {
		if it.ev {
			ev := &evs[0]
			evs = evs[1:]
			out = append(out, analysis.Entry{Date: ev.Date, Kind: "event", Actor: ev.Actor, Target: ev.Target, Topic: ev.Verb,
				Mode: ev.Mode, CAMEO: ev.CAMEO, Text: ev.Text, Doc: ev.Doc, Sentence: ev.Sentence, Event: ev})
			continue
		}
		st := &stmts[0]
		stmts = stmts[1:]
		out = append(out, analysis.Entry{Date: st.Said, Kind: "statement", Actor: st.Speaker, Target: st.Target, Topic: st.Topic,
			Stance: st.Stance, Text: st.Text, Doc: st.Doc, Sentence: st.Sentence, Statement: st})
	}
	return out, nil
}
