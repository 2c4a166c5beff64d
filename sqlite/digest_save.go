package sqlite

import (
	"context"
	"database/sql"
	"encoding/binary"
	"fmt"

	"redline"
)

// Term kinds in the terms table.
const (
	kindActor = "actor"
	kindDate  = "date"
	kindWord  = "word"
)

// term is a row of the terms table without its id.
type term struct{ kind, a, b, c string }

// maxOrdinal bounds the records of one document: a digest ref is the
// document's sequence number shifted left by ordinalBits, plus the record's
// ordinal.
const (
	ordinalBits = 24
	maxOrdinal  = 1<<ordinalBits - 1
)

// ref returns the digest ref of the record at ordinal in document seq.
func ref(seq int64, ordinal int) int64 { return seq<<ordinalBits | int64(ordinal) }

// unref splits a digest ref into document sequence number and ordinal.
func unref(r int64) (seq int64, ordinal int) { return r >> ordinalBits, int(r & maxOrdinal) }

// digester writes the digests of documents inside one write transaction,
// adding the terms they need. Terms already stored are found in the DB's
// cache of committed terms; terms it adds are kept apart until the
// transaction commits, since a rollback takes them away.
type digester struct {
	tx        *sql.Tx
	committed map[term]int64
	pending   map[term]int64
	insert    *sql.Stmt
	find      *sql.Stmt
	put       *sql.Stmt
	buf       []int64
}

func (db *DB) newDigester(ctx context.Context, tx *sql.Tx) (*digester, error) {
	if db.terms == nil {
		db.terms = map[term]int64{}
	}
	g := &digester{tx: tx, committed: db.terms, pending: map[term]int64{}}
	var err error
	if g.insert, err = tx.PrepareContext(ctx, `INSERT INTO terms (kind, a, b, c) VALUES (?, ?, ?, ?)
		ON CONFLICT DO NOTHING RETURNING id`); err != nil {
		return nil, fmt.Errorf("prepare digest: %w", err)
	}
	if g.find, err = tx.PrepareContext(ctx, `SELECT id FROM terms WHERE kind = ? AND a = ? AND b = ? AND c = ?`); err != nil {
		return nil, fmt.Errorf("prepare digest: %w", err)
	}
	if g.put, err = tx.PrepareContext(ctx, `INSERT INTO digests (doc, statements, events) VALUES (?, ?, ?)`); err != nil {
		return nil, fmt.Errorf("prepare digest: %w", err)
	}
	return g, nil
}

// close releases the prepared statements and, when the transaction
// committed, adds the terms it stored to the DB's cache.
func (g *digester) close(committed bool) {
	for _, s := range []*sql.Stmt{g.insert, g.find, g.put} {
		s.Close()
	}
	if committed {
		for t, id := range g.pending {
			g.committed[t] = id
		}
	}
}

// id returns the id of t, storing t when it is new.
func (g *digester) id(ctx context.Context, t term) (int64, error) {
	if id, ok := g.committed[t]; ok {
		return id, nil
	}
	if id, ok := g.pending[t]; ok {
		return id, nil
	}
	var id int64
	err := g.insert.QueryRowContext(ctx, t.kind, t.a, t.b, t.c).Scan(&id)
	if err == sql.ErrNoRows { // stored by another process since this one last looked
		err = g.find.QueryRowContext(ctx, t.kind, t.a, t.b, t.c).Scan(&id)
	}
	if err != nil {
		return 0, fmt.Errorf("term %q: %w", t.a, err)
	}
	g.pending[t] = id
	return id, nil
}

// save writes the digest of the document numbered doc.
func (g *digester) save(ctx context.Context, doc int64, ss []redline.Statement, es []redline.Event) error {
	sb, err := g.statements(ctx, ss)
	if err != nil {
		return fmt.Errorf("digest: %w", err)
	}
	eb, err := g.events(ctx, es)
	if err != nil {
		return fmt.Errorf("digest: %w", err)
	}
	if _, err := g.put.ExecContext(ctx, doc, sb, eb); err != nil {
		return fmt.Errorf("digest: %w", err)
	}
	return nil
}

// statements packs statements as the digests table describes.
func (g *digester) statements(ctx context.Context, ss []redline.Statement) ([]byte, error) {
	buf := make([]byte, 0, 12*len(ss))
	for i := range ss {
		s := &ss[i]
		ids, err := g.ids(ctx, actorTerm(&s.Speaker), actorTerm(s.Target), dateTerm(s.Said),
			wordTerm(s.Topic), wordTerm(string(s.Stance)), wordTerm(string(s.Commitment)))
		if err != nil {
			return nil, err
		}
		buf = binary.AppendVarint(buf, int64(s.Sentence))
		for _, id := range ids {
			buf = binary.AppendUvarint(buf, uint64(id))
		}
		var flags byte
		if s.Threat {
			flags |= 1
		}
		if s.Promise {
			flags |= 2
		}
		if len(s.Conditions) > 0 {
			flags |= 4
		}
		buf = append(buf, flags)
	}
	return buf, nil
}

// events packs events as the digests table describes.
func (g *digester) events(ctx context.Context, es []redline.Event) ([]byte, error) {
	buf := make([]byte, 0, 12*len(es))
	for i := range es {
		e := &es[i]
		ids, err := g.ids(ctx, actorTerm(&e.Actor), actorTerm(e.Target), dateTerm(e.Date),
			wordTerm(e.Verb), wordTerm(e.CAMEO), wordTerm(e.PLOVER), wordTerm(string(e.Mode)))
		if err != nil {
			return nil, err
		}
		buf = binary.AppendVarint(buf, int64(e.Sentence))
		for _, id := range ids {
			buf = binary.AppendUvarint(buf, uint64(id))
		}
		buf = binary.AppendVarint(buf, int64(e.Quad))
	}
	return buf, nil
}

// ids returns the ids of terms, 0 for a missing actor (a nil target), in
// a buffer that the next call reuses.
func (g *digester) ids(ctx context.Context, terms ...term) ([]int64, error) {
	g.buf = g.buf[:0]
	for _, t := range terms {
		var id int64
		if t != (term{}) {
			var err error
			if id, err = g.id(ctx, t); err != nil {
				return nil, err
			}
		}
		g.buf = append(g.buf, id)
	}
	return g.buf, nil
}

func actorTerm(r *redline.ActorRef) term {
	if r == nil {
		return term{}
	}
	return term{kindActor, r.ID, r.Name, r.Sector}
}

func dateTerm(d redline.Date) term { return term{kind: kindDate, a: d.Value, b: string(d.Grain)} }

func wordTerm(w string) term { return term{kind: kindWord, a: w} }

// fillDigests writes the digest of every document stored without one: all
// of them when migration 0003 has just been applied to an existing store,
// or those an older version of redline stored since.
func (db *DB) fillDigests(ctx context.Context) error {
	var missing int
	if err := db.db.QueryRowContext(ctx, `
		SELECT (SELECT count(*) FROM documents) - (SELECT count(*) FROM digests)`).Scan(&missing); err != nil {
		return fmt.Errorf("fill digests: %w", err)
	} else if missing == 0 {
		return nil
	}
	db.writer <- struct{}{}
	defer func() { <-db.writer }()
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("fill digests: %w", err)
	}
	defer tx.Rollback()
	g, err := db.newDigester(ctx, tx)
	if err != nil {
		return fmt.Errorf("fill digests: %w", err)
	}
	committed := false
	defer func() { g.close(committed) }()
	if err := fillDigestsIn(ctx, tx, g); err != nil {
		return fmt.Errorf("fill digests: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("fill digests: %w", err)
	}
	committed = true
	return nil
}

func fillDigestsIn(ctx context.Context, tx *sql.Tx, g *digester) error {
	rows, err := tx.QueryContext(ctx, `SELECT seq FROM documents WHERE seq NOT IN (SELECT doc FROM digests) ORDER BY seq`)
	if err != nil {
		return err
	}
	seqs, err := collect(rows, func(rows *sql.Rows) (seq int64, err error) { return seq, rows.Scan(&seq) })
	if err != nil {
		return err
	}
	for _, seq := range seqs {
		rows, err := tx.QueryContext(ctx, `SELECT `+statementColumns+`
			FROM statements AS s JOIN documents AS d ON d.seq = s.doc WHERE s.doc = ? ORDER BY s.ordinal`, seq)
		if err != nil {
			return err
		}
		ss, err := collect(rows, scanStatement)
		if err != nil {
			return err
		}
		if rows, err = tx.QueryContext(ctx, `SELECT `+eventColumns+`
			FROM events AS e JOIN documents AS d ON d.seq = e.doc WHERE e.doc = ? ORDER BY e.ordinal`, seq); err != nil {
			return err
		}
		es, err := collect(rows, scanEvent)
		if err != nil {
			return err
		}
		if err := g.save(ctx, seq, ss, es); err != nil {
			return err
		}
	}
	return nil
}
