package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"sync"

	"redline"
)

// Digest returns every stored statement and event in compact form, read
// from the digests table: one row per document instead of one per record.
// Records come in the order Statements and Events return them: by the
// first day of their date (records without a calendar date first), then
// document ID, then position in the document.
func (db *DB) Digest(ctx context.Context) (*redline.Digest, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("digest: %w", err)
	}
	defer tx.Rollback()
	r := &digestReader{d: &redline.Digest{Actors: []redline.ActorRef{{}}}}
	if err := r.readTerms(ctx, tx); err != nil {
		return nil, fmt.Errorf("digest: %w", err)
	}
	if err := r.readDocs(ctx, tx); err != nil {
		return nil, fmt.Errorf("digest: %w", err)
	}
	if err := r.decode(); err != nil {
		return nil, fmt.Errorf("digest: %w", err)
	}
	return r.d, nil
}

// digestReader decodes the terms and digests tables into a Digest.
type digestReader struct {
	d      *redline.Digest
	local  []int32  // index in its kind's slice of each term id
	start  []int32  // per date: the number of its first day, or noDay
	seqs   []int64  // per document (in Digest.Docs): its sequence number
	sb, eb [][]byte // per document: its packed statements and events
	arena  []byte   // where sb and eb are kept
}

// noDay orders records without a calendar date before every day.
const noDay = math.MinInt32

// readTerms reads every term into the digest's actors, dates and words.
func (r *digestReader) readTerms(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, kind, a, b, c FROM terms ORDER BY id`)
	if err != nil {
		return fmt.Errorf("read terms: %w", err)
	}
	defer rows.Close()
	d := r.d
	for rows.Next() {
		var id int64
		var kind, a, b, c string
		if err := rows.Scan(&id, &kind, &a, &b, &c); err != nil {
			return fmt.Errorf("read terms: %w", err)
		}
		if id < 0 || id > 1<<31-1 {
			return fmt.Errorf("read terms: id %d out of range", id)
		}
		for int64(len(r.local)) <= id {
			r.local = append(r.local, 0)
		}
		switch kind {
		case kindActor:
			r.local[id] = int32(len(d.Actors))
			d.Actors = append(d.Actors, redline.ActorRef{ID: a, Name: b, Sector: c})
		case kindDate:
			r.local[id] = int32(len(d.Dates))
			date := redline.Date{Value: a, Grain: redline.Grain(b)}
			d.Dates = append(d.Dates, date)
			r.start = append(r.start, dayNumber(date))
		case kindWord:
			r.local[id] = int32(len(d.Words))
			d.Words = append(d.Words, a)
		default:
			return fmt.Errorf("read terms: term %d of unknown kind %q", id, kind)
		}
	}
	return rows.Err()
}

// dayNumber returns the number of the first day d covers, counted from
// 1970-01-01, or noDay when d is not a calendar date: the order of the
// *_start columns.
func dayNumber(d redline.Date) int32 {
	s, _, ok := d.Interval()
	if !ok {
		return noDay
	}
	return int32(s.Unix() / 86400) // a whole number of days: Interval gives midnights, UTC
}

// readDocs reads the digest of every document.
func (r *digestReader) readDocs(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `
		SELECT g.doc, d.id, g.statements, g.events
		FROM digests AS g JOIN documents AS d ON d.seq = g.doc`)
	if err != nil {
		return fmt.Errorf("read digests: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var seq int64
		var id string
		var sb, eb sql.RawBytes
		if err := rows.Scan(&seq, &id, &sb, &eb); err != nil {
			return fmt.Errorf("read digests: %w", err)
		}
		r.d.Docs, r.seqs = append(r.d.Docs, id), append(r.seqs, seq)
		r.sb, r.eb = append(r.sb, r.keep(sb)), append(r.eb, r.keep(eb))
	}
	return rows.Err()
}

// keep copies b into the arena, starting a new arena when the current one
// is full, so that copies are never moved.
func (r *digestReader) keep(b []byte) []byte {
	if len(r.arena)+len(b) > cap(r.arena) {
		r.arena = make([]byte, 0, max(1<<20, len(b)))
	}
	n := len(r.arena)
	r.arena = append(r.arena, b...)
	return r.arena[n:len(r.arena):len(r.arena)]
}

// decode decodes the statements and the events, each on a goroutine of its
// own, in the store's order: by first day, records with none first, then
// by document ID, then by position in the document.
func (r *digestReader) decode() error {
	docs := make([]int32, len(r.d.Docs))
	for i := range docs {
		docs[i] = int32(i)
	}
	slices.SortFunc(docs, func(a, b int32) int { return cmp.Compare(r.d.Docs[a], r.d.Docs[b]) })
	var serr, eerr error
	var wg sync.WaitGroup
	wg.Go(func() {
		r.d.Statements, serr = decodeAll(r, docs, r.sb, statementDate, statementFields, r.statements)
	})
	wg.Go(func() { r.d.Events, eerr = decodeAll(r, docs, r.eb, eventDate, eventFields, r.events) })
	wg.Wait()
	return cmp.Or(serr, eerr)
}

// decodeAll decodes the records of the documents docs, in that order, from
// bufs (one per document), and orders them stably by first day. A first
// pass reads only each record's date (field at, a term id, of per fields)
// to count the records of each day; the second decodes each record into
// its place.
//
// A million records scattered straight to their places would write to
// thousands of places in turn, each write a miss of the processor's
// caches. So records go first to one of at most 256 runs of days, which
// are written in turn, then each run, small enough to stay in cache, is
// ordered by day.
func decodeAll[T any](r *digestReader, docs []int32, bufs [][]byte, at, per int,
	decode func(seq int64, doc int32, b []byte, k *sink[T]) error) ([]T, error) {
	n := 0
	for _, b := range bufs {
		n += len(b) / per // each field takes a byte at least
	}
	days := make([]int32, 0, n)
	for _, d := range docs {
		var err error
		if days, err = r.days(days, bufs[d], at, per); err != nil {
			return nil, fmt.Errorf("digest of document %s: %w", r.d.Docs[d], err)
		}
	}
	p := plan(days)
	k := &sink[T]{out: make([]T, len(days)), pos: p.pos}
	for _, d := range docs {
		if err := decode(r.seqs[d], d, bufs[d], k); err != nil {
			return nil, fmt.Errorf("digest of document %s: %w", r.d.Docs[d], err)
		}
	}
	if k.n != len(days) {
		return nil, errCorrupt
	}
	return finish(p, k.out), nil
}

// sink puts decoded records in their places.
type sink[T any] struct {
	out []T
	pos []int32 // the place of each record, in the order decoded
	n   int     // records put so far
}

// put puts the next record in its place. It reports false when there are
// more records than the first pass counted.
func (k *sink[T]) put(rec T) bool {
	if k.n == len(k.pos) {
		return false
	}
	k.out[k.pos[k.n]] = rec
	k.n++
	return true
}

// days appends to out the first day of each record packed in b, records of
// per varints whose field at is their date.
func (r *digestReader) days(out []int32, b []byte, at, per int) ([]int32, error) {
	field, date := 0, 0
	for i, c := range b {
		if c >= 0x80 {
			continue // not the last byte of a varint
		}
		if field == at {
			id, n := binary.Uvarint(b[date : i+1])
			if n <= 0 || id >= uint64(len(r.local)) || int(r.local[id]) >= len(r.start) {
				return nil, errCorrupt
			}
			out = append(out, r.start[r.local[id]])
		}
		if field++; field == per {
			field = 0
		}
		date = i + 1
	}
	if field != 0 {
		return nil, errCorrupt
	}
	return out, nil
}

// errCorrupt reports a digest that does not decode.
var errCorrupt = errors.New("corrupt digest")

// fields decodes len(f) varints from b at i into f and returns where they
// end, or -1 when b holds fewer.
func fields(b []byte, i int, f []uint64) int {
	for k := range f {
		if i < len(b) && b[i] < 0x80 { // most fields fit in a byte
			f[k] = uint64(b[i])
			i++
			continue
		}
		x, n := binary.Uvarint(b[min(i, len(b)):])
		if n <= 0 {
			return -1
		}
		f[k] = x
		i += n
	}
	return i
}

// signed undoes the zig-zag encoding of binary.AppendVarint.
func signed(x uint64) int32 { return int32(int64(x>>1) ^ -int64(x&1)) }

// terms maps the term ids f to their indexes in their kinds' slices. It
// reports false for an id that names no term.
func (r *digestReader) terms(f []uint64, out ...*int32) bool {
	for k, id := range f {
		if id >= uint64(len(r.local)) {
			return false
		}
		*out[k] = r.local[id]
	}
	return true
}

// Statements and events are packed as varints: 8 to a statement, of which
// the date said is the fourth; 9 to an event, of which the date is the
// fourth.
const (
	statementFields, statementDate = 8, 3
	eventFields, eventDate         = 9, 3
)

func (r *digestReader) statements(seq int64, doc int32, b []byte, k *sink[redline.StatementDigest]) error {
	var f [statementFields]uint64
	for i, n := 0, 0; i < len(b); n++ {
		if i = fields(b, i, f[:]); i < 0 {
			return errCorrupt
		}
		s := redline.StatementDigest{Ref: ref(seq, n), Doc: doc, Sentence: signed(f[0]),
			Threat: f[7]&1 != 0, Promise: f[7]&2 != 0, Conditional: f[7]&4 != 0}
		if !r.terms(f[1:7], &s.Speaker, &s.Target, &s.Said, &s.Topic, &s.Stance, &s.Commitment) {
			return errCorrupt
		}
		if !k.put(s) {
			return errCorrupt
		}
	}
	return nil
}

func (r *digestReader) events(seq int64, doc int32, b []byte, k *sink[redline.EventDigest]) error {
	var f [eventFields]uint64
	for i, n := 0, 0; i < len(b); n++ {
		if i = fields(b, i, f[:]); i < 0 {
			return errCorrupt
		}
		e := redline.EventDigest{Ref: ref(seq, n), Doc: doc, Sentence: signed(f[0]), Quad: signed(f[8])}
		if !r.terms(f[1:8], &e.Actor, &e.Target, &e.Date, &e.Verb, &e.CAMEO, &e.PLOVER, &e.Mode) {
			return errCorrupt
		}
		if !k.put(e) {
			return errCorrupt
		}
	}
	return nil
}

// placing says where records go, in decode order, to be ordered stably by
// day: to pos, then, when runs is set, each run of days [runs[i],
// runs[i+1]) is ordered by the slots of its records.
type placing struct {
	pos   []int32
	runs  []int32
	slots []int32 // per place in pos: the record's day slot
}

// plan places the records with days (noDay first).
func plan(days []int32) placing {
	lo, hi, seen := 0, 0, false
	for _, k := range days {
		switch k := int(k); {
		case k == int(noDay):
		case !seen:
			lo, hi, seen = k, k, true
		default:
			lo, hi = min(lo, k), max(hi, k)
		}
	}
	// Slots number the days from 1, leaving 0 for records with none.
	for i, k := range days {
		if k == noDay {
			days[i] = 0
		} else {
			days[i] = k - int32(lo) + 1
		}
	}
	pos := make([]int32, len(days))
	if hi-lo > 4*len(days)+1<<16 {
		perm := make([]int32, len(days))
		for i := range perm {
			perm[i] = int32(i)
		}
		slices.SortStableFunc(perm, func(a, b int32) int { return cmp.Compare(days[a], days[b]) })
		for i, p := range perm {
			pos[p] = int32(i)
		}
		return placing{pos: pos}
	}
	shift := max(0, bits.Len(uint(hi-lo+1))-8) // at most 256 runs of 1<<shift days
	runs := make([]int32, (hi-lo+1)>>shift+2)
	for _, k := range days {
		runs[k>>shift+1]++
	}
	for i := 1; i < len(runs); i++ {
		runs[i] += runs[i-1]
	}
	next := slices.Clone(runs)
	slots := make([]int32, len(days))
	for i, k := range days {
		pos[i] = next[k>>shift]
		slots[pos[i]] = k
		next[k>>shift]++
	}
	return placing{pos: pos, runs: runs, slots: slots}
}

// finish orders each run of recs, placed by p.pos, by day, through a
// buffer the size of the longest run.
func finish[T any](p placing, recs []T) []T {
	var buf []T
	var count []int32
	for i := 0; i+1 < len(p.runs); i++ {
		from, to := p.runs[i], p.runs[i+1]
		if to-from < 2 {
			continue
		}
		base := p.slots[from]
		for _, k := range p.slots[from:to] {
			base = min(base, k)
		}
		count = count[:0]
		for _, k := range p.slots[from:to] {
			for int(k-base)+1 >= len(count) {
				count = append(count, 0)
			}
			count[k-base+1]++
		}
		for j := 1; j < len(count); j++ {
			count[j] += count[j-1]
		}
		buf = append(buf[:0], recs[from:to]...)
		for j, k := range p.slots[from:to] {
			recs[from+count[k-base]] = buf[j]
			count[k-base]++
		}
	}
	return recs
}

// StatementsAt returns the statements with the given digest refs, in the
// order of refs. It returns ENOTFOUND when a ref names no statement.
func (db *DB) StatementsAt(ctx context.Context, refs []int64) ([]redline.Statement, error) {
	return recordsAt(ctx, db, refs, "statement", `SELECT `+statementColumns+`
		FROM statements AS s JOIN documents AS d ON d.seq = s.doc
		WHERE s.doc = ? AND s.ordinal = ?`, scanStatement)
}

// EventsAt returns the events with the given digest refs, in the order of
// refs. It returns ENOTFOUND when a ref names no event.
func (db *DB) EventsAt(ctx context.Context, refs []int64) ([]redline.Event, error) {
	return recordsAt(ctx, db, refs, "event", `SELECT `+eventColumns+`
		FROM events AS e JOIN documents AS d ON d.seq = e.doc
		WHERE e.doc = ? AND e.ordinal = ?`, scanEvent)
}

// recordsAt runs query, which selects one record by document and ordinal,
// for each ref.
func recordsAt[T any](ctx context.Context, db *DB, refs []int64, what, query string, scan func(*sql.Rows) (T, error)) ([]T, error) {
	out := make([]T, 0, len(refs))
	if len(refs) == 0 {
		return out, nil
	}
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("find %ss: %w", what, err)
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("find %ss: %w", what, err)
	}
	defer stmt.Close()
	for _, r := range refs {
		seq, ordinal := unref(r)
		rows, err := stmt.QueryContext(ctx, seq, ordinal)
		if err != nil {
			return nil, fmt.Errorf("find %ss: %w", what, err)
		}
		recs, err := collect(rows, scan)
		if err != nil {
			return nil, fmt.Errorf("find %ss: %w", what, err)
		}
		if len(recs) == 0 {
			return nil, redline.Errorf(redline.ENOTFOUND, "%s %d not found", what, r)
		}
		out = append(out, recs[0])
	}
	return out, nil
}
