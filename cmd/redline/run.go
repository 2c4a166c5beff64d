package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"redline"
	"redline/extract"
	"redline/ingest"
)

// runStats counts what a run read and did.
type runStats struct {
	docs, failed, stored, skipped int
	bytes                         int64
	statements, events, times     int
}

// process reads every path, extracts each document on the pipeline's
// workers and hands each extraction, in input order, to handle. Inputs
// that cannot be read are reported on stderr and counted; the run goes on.
func (m *Main) process(ctx context.Context, c *common, paths []string, handle func(*redline.Extraction) error) (*runStats, error) {
	opts, err := c.ingestOptions()
	if err != nil {
		return nil, err
	}
	read := func(fn func(*redline.Document, error) error) error {
		for _, path := range paths {
			if err := ingest.Read(ctx, path, m.Stdin, opts, fn); err != nil {
				return err
			}
		}
		return nil
	}
	return m.processFrom(ctx, c, read, handle)
}

// processFrom is process over any source of documents.
func (m *Main) processFrom(ctx context.Context, c *common, read func(func(*redline.Document, error) error) error, handle func(*redline.Extraction) error) (*runStats, error) {
	p, err := c.pipeline(m.Stderr)
	if err != nil {
		return nil, err
	}
	st := &runStats{}
	prog := newProgress(m.Stderr, m.Interactive)
	feed := func(send func(extract.Input) error) error {
		return read(func(d *redline.Document, err error) error {
			return send(extract.Input{Doc: d, Err: err})
		})
	}
	emit := func(out extract.Output) error {
		if out.Err != nil {
			st.failed++
			prog.clear()
			fmt.Fprintln(m.Stderr, "redline:", out.Err)
			return nil
		}
		x := out.X
		st.docs++
		st.bytes += int64(len(x.Doc.Text))
		st.statements += len(x.Statements)
		st.events += len(x.Events)
		st.times += len(x.Times)
		prog.update(st.docs, st.bytes)
		return handle(x)
	}
	err = p.Stream(ctx, c.workers, feed, emit)
	prog.done()
	return st, err
}

// progress shows a one-line counter on a terminal, at most ten times a
// second. It prints nothing when stderr is not a terminal.
type progress struct {
	w      io.Writer
	on     bool
	start  time.Time
	last   time.Time
	shown  bool
	docs   int
	nbytes int64
}

func newProgress(w io.Writer, on bool) *progress {
	now := time.Now()
	return &progress{w: w, on: on, start: now, last: now}
}

func (p *progress) update(docs int, nbytes int64) {
	p.docs, p.nbytes = docs, nbytes
	if !p.on || time.Since(p.last) < 100*time.Millisecond || time.Since(p.start) < time.Second {
		return
	}
	p.last = time.Now()
	secs := time.Since(p.start).Seconds()
	fmt.Fprintf(p.w, "\r%d documents, %.1f MB, %.1f MB/s ", docs, float64(nbytes)/1e6, float64(nbytes)/1e6/secs)
	p.shown = true
}

func (p *progress) clear() {
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
		p.shown = false
	}
}

func (p *progress) done() { p.clear() }
