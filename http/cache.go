package http

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"redline"
)

// cache holds the current snapshot of the store and replaces it when the
// store changes.
type cache struct {
	store     redline.Store
	countryOf func(string) string
	log       *slog.Logger
	m         *metrics

	// warm, when set, is called with each new snapshot, to start the
	// analyses most requests need before they are asked for.
	warm func(*snapshot)

	cur     atomic.Pointer[snapshot]
	reading sync.Mutex    // one snapshot read at a time
	slots   chan struct{} // one per analysis computed at a time
	slow    chan struct{} // one precedents computation at a time
}

func newCache(store redline.Store, countryOf func(string) string, log *slog.Logger, m *metrics) *cache {
	return &cache{store: store, countryOf: countryOf, log: log, m: m, slots: make(chan struct{}, runtime.NumCPU()), slow: make(chan struct{}, 1)}
}

// snap returns the current snapshot.
func (c *cache) snap() *snapshot { return c.cur.Load() }

// refresh reads a new snapshot when the store's counts differ from the
// current one's, or when there is none.
func (c *cache) refresh(ctx context.Context) error {
	c.reading.Lock()
	defer c.reading.Unlock()
	counts, err := c.store.Counts(ctx)
	if err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	if old := c.cur.Load(); old != nil && old.counts == counts {
		return nil
	}
	start := time.Now()
	d, err := c.store.Digest(ctx)
	if err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	sn := newSnapshot(counts, d)
	c.cur.Store(sn)
	took := time.Since(start)
	c.m.snapshots.Add(1)
	c.m.snapshotSeconds.Store(int64(took))
	c.log.Info("snapshot", slog.Int("statements", counts.Statements), slog.Int("events", counts.Events), slog.Duration("took", took))
	if c.warm != nil {
		c.warm(sn)
	}
	return nil
}

// poll refreshes the snapshot every interval until ctx is done.
func (c *cache) poll(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := c.refresh(ctx); err != nil && ctx.Err() == nil {
				c.log.Warn("refresh snapshot", slog.Any("err", err))
			}
		}
	}
}

// maxMemo bounds the analyses a snapshot keeps.
const maxMemo = 256

// snapshot is the store as of one reading: its counts and digest, what
// the server derives from them once, and the analyses computed on it.
type snapshot struct {
	counts redline.Counts
	digest *redline.Digest
	rank   []int32 // per digest date, its place in Date.Compare order
	actors []actorStat
	byID   map[string]int // index in actors of each actor with an ID
	read   time.Time

	mu   sync.Mutex
	memo map[string]*memoEntry
}

// actorStat counts one actor's records.
type actorStat struct {
	Ref        redline.ActorRef
	Statements int
	Events     int
}

type memoEntry struct {
	done chan struct{}
	v    any
	err  error
}

func newSnapshot(counts redline.Counts, d *redline.Digest) *snapshot {
	sn := &snapshot{counts: counts, digest: d, read: time.Now(), memo: map[string]*memoEntry{}, byID: map[string]int{}}
	order := make([]int32, len(d.Dates))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return d.Dates[a].Compare(d.Dates[b]) })
	sn.rank = make([]int32, len(d.Dates))
	for r, i := range order {
		sn.rank[i] = int32(r)
	}
	per := make([]actorStat, len(d.Actors))
	for _, st := range d.Statements {
		per[st.Speaker].Statements++
	}
	for _, ev := range d.Events {
		per[ev.Actor].Events++
	}
	for i, a := range d.Actors {
		if i == 0 || per[i].Statements+per[i].Events == 0 {
			continue
		}
		per[i].Ref = a
		sn.actors = append(sn.actors, per[i])
	}
	slices.SortFunc(sn.actors, func(a, b actorStat) int {
		return cmp.Or(cmp.Compare(b.Statements+b.Events, a.Statements+a.Events), cmp.Compare(a.Ref.Name, b.Ref.Name), cmp.Compare(a.Ref.ID, b.Ref.ID))
	})
	// One actor may be stored under several names; its counts add up.
	var merged []actorStat
	for _, a := range sn.actors {
		if a.Ref.ID == "" {
			merged = append(merged, a)
			continue
		}
		if i, ok := sn.byID[a.Ref.ID]; ok {
			merged[i].Statements += a.Statements
			merged[i].Events += a.Events
			continue
		}
		sn.byID[a.Ref.ID] = len(merged)
		merged = append(merged, a)
	}
	sn.actors = merged
	return sn
}

// errPending is returned when an analysis takes longer than a request
// may wait; it goes on and is kept for the next request.
var errPending = &redline.Error{Code: EPENDING, Message: "the analysis is still being computed over the whole record; retry in a few seconds"}

// compute returns the memoised result of fn under key, computing it once
// however many requests ask at the same time. A request waits at most
// wait; the computation goes on without it. Failures are not kept.
func (c *cache) compute(ctx context.Context, sn *snapshot, key string, wait time.Duration, fn func(context.Context) (any, error)) (any, error) {
	return c.computeIn(ctx, c.slots, sn, key, wait, fn)
}

// computeSlow is compute for precedents, which read an actor's records in
// full and may take minutes over a large store: they run one at a time
// beside the other analyses, never in their place.
func (c *cache) computeSlow(ctx context.Context, sn *snapshot, key string, wait time.Duration, fn func(context.Context) (any, error)) (any, error) {
	return c.computeIn(ctx, c.slow, sn, key, wait, fn)
}

// computeIn is compute with the computation taking one of slots.
func (c *cache) computeIn(ctx context.Context, slots chan struct{}, sn *snapshot, key string, wait time.Duration, fn func(context.Context) (any, error)) (any, error) {
	sn.mu.Lock()
	e, ok := sn.memo[key]
	if !ok {
		if len(sn.memo) >= maxMemo {
			for k, old := range sn.memo { // drop a finished one, any
				select {
				case <-old.done:
					delete(sn.memo, k)
				default:
					continue
				}
				break
			}
		}
		e = &memoEntry{done: make(chan struct{})}
		sn.memo[key] = e
		go func() {
			// At most one analysis a processor at a time, so that a burst
			// of first requests does not starve the reads.
			slots <- struct{}{}
			start := time.Now()
			// Detached from the request: others may be waiting for it.
			e.v, e.err = fn(context.WithoutCancel(ctx))
			<-slots
			if e.err != nil {
				sn.mu.Lock()
				delete(sn.memo, key)
				sn.mu.Unlock()
			}
			close(e.done)
			c.log.Debug("computed", slog.String("key", key), slog.Duration("took", time.Since(start)), slog.Any("err", e.err))
		}()
		c.m.cacheMisses.Add(1)
	} else {
		c.m.cacheHits.Add(1)
	}
	sn.mu.Unlock()
	if wait == 0 {
		select {
		case <-e.done:
			return e.v, e.err
		default:
			return nil, errPending
		}
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-e.done:
		return e.v, e.err
	case <-t.C:
		return nil, errPending
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// ready reports whether err says only that a result is not ready yet.
func ready(err error) bool { return !errors.Is(err, errPending) }
