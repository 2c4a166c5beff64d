package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"redline"
)

// migrationFS holds the schema migrations, applied in name order.
//
//go:embed migration/*.sql
var migrationFS embed.FS

// Compile-time check that DB implements redline.Store.
var _ redline.Store = (*DB)(nil)

// connParams are set on every connection the pool opens: the pragmas that
// SQLite keeps per connection, and BEGIN IMMEDIATE for write transactions so
// that a writer waits for the write lock when it begins instead of failing
// when it first writes. Read-only transactions still begin deferred.
var connParams = []string{
	"_pragma=foreign_keys(1)",
	"_pragma=busy_timeout(5000)",
	"_pragma=synchronous(NORMAL)",
	"_txlock=immediate",
}

// idleConns is how many idle connections a file database keeps open.
const idleConns = 16

// DB is a redline.Store backed by a SQLite database. Set its fields, call
// Open, and Close it when done. It is safe for concurrent use once open.
type DB struct {
	// DSN names the database: a file path, a "file:" URI, or ":memory:" for
	// a private in-memory database that lives until Close.
	DSN string

	// CountryOf returns the state an actor belongs to, given the actor's ID.
	// SaveExtraction stores it beside each statement's speaker and each
	// event's actor, and the Country filters match it. A nil CountryOf takes
	// every actor to be its own country. Countries are fixed when a record is
	// saved; changing CountryOf later does not update stored rows.
	CountryOf func(id string) string

	// MmapSize, when positive, lets SQLite map up to that many bytes of a
	// file database into memory (PRAGMA mmap_size): reads then copy no
	// pages through system calls, which a server answering many small
	// reads at once feels most.
	MmapSize int64

	db     *sql.DB
	writer chan struct{}  // holds one token while a write transaction runs
	terms  map[term]int64 // terms known to be stored; used by the holder of writer
}

// NewDB returns a DB for the given data source name. Call Open before use.
func NewDB(dsn string) *DB {
	return &DB{DSN: dsn}
}

// Open opens the database, creating the file and its directory if needed,
// sets its pragmas (WAL for files, foreign keys, a 5 s busy timeout and
// synchronous=NORMAL) and applies any migrations not yet applied.
func (db *DB) Open() error {
	if db.DSN == "" {
		return fmt.Errorf("open database: dsn required")
	}
	memory := isMemory(db.DSN)
	if !memory && !strings.HasPrefix(db.DSN, "file:") {
		if err := os.MkdirAll(filepath.Dir(db.DSN), 0o700); err != nil {
			return fmt.Errorf("open database: %w", err)
		}
	}
	dsn := driverDSN(db.DSN)
	if db.MmapSize > 0 && !memory {
		dsn += fmt.Sprintf("&_pragma=mmap_size(%d)", db.MmapSize)
	}
	sqldb, err := sql.Open("sqlite", dsn)
	if err != nil {
		return fmt.Errorf("open database: %w", err)
	}
	if memory {
		// Each connection to ":memory:" is a database of its own.
		sqldb.SetMaxOpenConns(1)
	} else {
		// Keep connections open between bursts of concurrent reads (a
		// server's): a new one reads the schema again and starts with
		// an empty page cache. database/sql keeps two by default.
		sqldb.SetMaxIdleConns(idleConns)
	}
	db.db = sqldb
	db.writer = make(chan struct{}, 1)
	db.terms = map[term]int64{}
	if err := db.setup(context.Background(), memory); err != nil {
		sqldb.Close()
		db.db = nil
		return fmt.Errorf("open database: %w", err)
	}
	return nil
}

// setup switches a file database to WAL and migrates the schema.
func (db *DB) setup(ctx context.Context, memory bool) error {
	if !memory {
		var mode string
		if err := db.db.QueryRowContext(ctx, `PRAGMA journal_mode = wal`).Scan(&mode); err != nil {
			return fmt.Errorf("journal mode: %w", err)
		}
		if mode != "wal" {
			return fmt.Errorf("journal mode: got %q, want wal", mode)
		}
	}
	if err := db.migrate(ctx); err != nil {
		return err
	}
	return db.fillDigests(ctx)
}

// Close closes the database. It is a no-op on a DB that is not open.
func (db *DB) Close() error {
	if db.db == nil {
		return nil
	}
	err := db.db.Close()
	db.db = nil
	if err != nil {
		return fmt.Errorf("close database: %w", err)
	}
	return nil
}

// isMemory reports whether dsn names an in-memory database.
func isMemory(dsn string) bool {
	return dsn == ":memory:" || strings.HasPrefix(dsn, "file::memory:") ||
		strings.Contains(dsn, "mode=memory")
}

// driverDSN appends the connection parameters to dsn.
func driverDSN(dsn string) string {
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	return dsn + sep + strings.Join(connParams, "&")
}

// migrate applies, in name order, every embedded migration not yet recorded
// in the migrations table.
func (db *DB) migrate(ctx context.Context) error {
	const create = `CREATE TABLE IF NOT EXISTS migrations (
		name       TEXT NOT NULL PRIMARY KEY,
		applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	) STRICT`
	if _, err := db.db.ExecContext(ctx, create); err != nil {
		return fmt.Errorf("create migrations table: %w", err)
	}
	names, err := fs.Glob(migrationFS, "migration/*.sql")
	if err != nil {
		return fmt.Errorf("list migrations: %w", err)
	}
	slices.Sort(names)
	for _, name := range names {
		if err := db.migrateFile(ctx, name); err != nil {
			return fmt.Errorf("migration %s: %w", path.Base(name), err)
		}
	}
	return nil
}

// migrateFile applies one migration in its own transaction, unless it is
// already recorded as applied.
func (db *DB) migrateFile(ctx context.Context, name string) error {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()

	base := path.Base(name)
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM migrations WHERE name = ?`, base).Scan(&n); err != nil {
		return err
	} else if n > 0 {
		return nil
	}
	buf, err := fs.ReadFile(migrationFS, name)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, string(buf)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO migrations (name) VALUES (?)`, base); err != nil {
		return err
	}
	return tx.Commit()
}

// beginRead starts a read-only transaction.
func (db *DB) beginRead(ctx context.Context) (*sql.Tx, error) {
	if db.db == nil {
		return nil, errNotOpen
	}
	tx, err := db.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	return tx, nil
}

// errNotOpen is returned by methods called on a DB that is not open.
var errNotOpen = errors.New("database not open")
