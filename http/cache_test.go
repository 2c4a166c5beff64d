package http

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"redline"
)

// TestCompute checks the memo: one computation however many ask at once,
// a pending answer for those who cannot wait, the result kept for later,
// and failures not kept.
func TestCompute(t *testing.T) {
	c := newCache(nil, nil, slog.New(slog.NewTextHandler(io.Discard, nil)), newMetrics())
	sn := newSnapshot(redline.Counts{}, &redline.Digest{Actors: []redline.ActorRef{{}}})
	ctx := context.Background()
	var calls atomic.Int32
	release := make(chan struct{})
	slow := func(context.Context) (any, error) {
		calls.Add(1)
		<-release
		return 42, nil
	}
	if _, err := c.compute(ctx, sn, "k", 10*time.Millisecond, slow); !errors.Is(err, errPending) {
		t.Fatalf("compute before the result = %v, want pending", err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if v, err := c.compute(ctx, sn, "k", 5*time.Second, slow); err != nil || v != 42 {
				t.Errorf("compute = %v, %v; want 42", v, err)
			}
		})
	}
	time.Sleep(20 * time.Millisecond)
	close(release)
	wg.Wait()
	if v, err := c.compute(ctx, sn, "k", 0, slow); err != nil || v != 42 {
		t.Errorf("compute after the result = %v, %v; want 42 at once", v, err)
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("computed %d times, want once", n)
	}
	boom := errors.New("boom")
	fail := func(context.Context) (any, error) { calls.Add(1); return nil, boom }
	for range 2 {
		if _, err := c.compute(ctx, sn, "f", time.Second, fail); !errors.Is(err, boom) {
			t.Errorf("compute of a failure = %v", err)
		}
	}
	if n := calls.Load(); n != 3 {
		t.Errorf("a failure was kept: %d computations, want 3", n)
	}
}
