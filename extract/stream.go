package extract

import (
	"context"
	"sync"

	"redline"
)

// Input is one item of a stream: a document to extract, or an error from
// reading that is passed through in order.
type Input struct {
	Doc *redline.Document
	Err error
}

// Output is the result for one Input, in input order.
type Output struct {
	X   *redline.Extraction // nil when Err is set
	Err error
}

// Stream runs the pipeline over the inputs sent by feed on workers
// goroutines and calls emit with each result in input order. At most
// 4×workers documents are in flight. It stops at the first error returned
// by feed or emit, or when ctx is done.
func (p *Pipeline) Stream(ctx context.Context, workers int, feed func(send func(Input) error) error, emit func(Output) error) error {
	workers = max(workers, 1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type job struct {
		seq int
		in  Input
	}
	type done struct {
		seq int
		out Output
	}
	jobs := make(chan job)
	results := make(chan done, workers)
	slots := make(chan struct{}, 4*workers)

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				out := Output{Err: j.in.Err}
				if j.in.Err == nil {
					out.X = p.Run(j.in.Doc)
				}
				results <- done{j.seq, out}
			}
		}()
	}

	feedErr := make(chan error, 1)
	go func() {
		defer close(jobs)
		seq := 0
		feedErr <- feed(func(in Input) error {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case jobs <- job{seq, in}:
				seq++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	go func() { wg.Wait(); close(results) }()

	// Reorder: hold results that arrive early until their turn.
	pending := map[int]Output{}
	next := 0
	var emitErr error
	for r := range results {
		pending[r.seq] = r.out
		for emitErr == nil {
			out, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-slots
			if emitErr = emit(out); emitErr != nil {
				cancel()
			}
		}
		if emitErr != nil {
			// Drain so the workers can finish.
			for len(slots) > 0 {
				<-slots
			}
		}
	}
	if emitErr != nil {
		return emitErr
	}
	if err := <-feedErr; err != nil {
		return err
	}
	return ctx.Err()
}
