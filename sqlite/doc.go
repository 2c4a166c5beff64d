// Package sqlite implements redline.Store on a SQLite database, through the
// pure-Go driver modernc.org/sqlite, so it needs no cgo.
//
// A DB is configured through its fields, opened with Open and closed with
// Close. Open applies the migrations embedded from migration/*.sql in name
// order, each in its own transaction, and records them in the migrations
// table, so reopening a database applies only what is new.
//
// The schema has a table per record kind: documents, times, statements,
// events and deadlines. Records are keyed by their document's sequence
// number, which grows with each document saved, and their index in the
// extraction, and they go when their document goes. Dates are kept as saved
// (value, grain and anchor) beside the first day of the interval they cover
// and the day after its last, both as ISO days, so that records of every
// grain order and compare by when they happened. Each column a filter uses is
// indexed together with the date. Statement text has an FTS5 index, tokenized
// with porter stemming over unicode61: SaveExtraction adds each document's
// statements to it, and triggers keep it in step when rows change or go.
//
// Beside the rows, each document keeps a digest of its statements and
// events (redline.Digest): their dates, actors, topics and codes as
// varint ids of terms, each distinct actor, date and word stored once in a
// terms table. An analysis over a million records reads one digest row per
// document instead of a row per record, which the per-row cost of the
// driver (about half a microsecond) would make several seconds.
// SaveExtraction writes the digest with the records, and Open writes any
// that are missing, such as those of a store made before digests existed.
//
// A settings table keeps facts about the store as a whole (ClaimSetting):
// which coder's events it holds.
//
// The root Statement and Event carry no country, so SaveExtraction stores
// one beside each speaker and actor, looked up with DB.CountryOf, for the
// Country filters.
//
// A DB is safe for concurrent use. Writers take turns within the process and
// take SQLite's write lock when their transaction begins (BEGIN IMMEDIATE),
// waiting up to the 5 s busy timeout for writers in other processes. Readers
// run in parallel with them under WAL. An in-memory database has a single
// connection, so there every call takes its turn.
package sqlite
