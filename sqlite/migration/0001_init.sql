-- 0001_init: documents and everything extracted from them.
--
-- Child tables key their rows by (doc, ordinal): the document's sequence
-- number and the record's index in its extraction. Documents are named by
-- content hashes, which arrive in random order; keying children by a number
-- that grows with each document makes every (doc, ordinal) index grow at its
-- end and keeps its entries small. Rows go with their document (ON DELETE
-- CASCADE). Dates are kept as the TimeML value, grain and anchor they were
-- saved with, plus the first day of the interval they cover (*_start) and the
-- day after its last (*_end), both ISO days, so that records of any grain
-- order and compare by when they happened. *_start and *_end are NULL when
-- the value is not a calendar date. A NULL target_* or actor_* triple stands
-- for a nil *ActorRef.

CREATE TABLE documents (
	seq              INTEGER PRIMARY KEY,
	id               TEXT NOT NULL UNIQUE,
	path             TEXT NOT NULL,
	source           TEXT NOT NULL,
	url              TEXT NOT NULL,
	title            TEXT NOT NULL,
	published_value  TEXT NOT NULL,
	published_grain  TEXT NOT NULL,
	published_anchor TEXT NOT NULL,
	published_start  TEXT,
	text             TEXT NOT NULL,
	ingested_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE INDEX documents_published ON documents (published_start, id);

-- Time expressions are small rows that belong to their document, so they are
-- clustered on their key.
CREATE TABLE times (
	doc        INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
	ordinal    INTEGER NOT NULL,
	text       TEXT NOT NULL,
	span_start INTEGER NOT NULL,
	span_end   INTEGER NOT NULL,
	value      TEXT NOT NULL,
	grain      TEXT NOT NULL,
	type       TEXT NOT NULL,
	mod        TEXT NOT NULL,
	anchor     TEXT NOT NULL,
	PRIMARY KEY (doc, ordinal)
) STRICT, WITHOUT ROWID;

-- Statements and events keep an integer rowid, which is the key of the
-- full-text index, and leaves their wide rows out of the (doc, ordinal) index.
CREATE TABLE statements (
	id              INTEGER PRIMARY KEY,
	doc             INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
	ordinal         INTEGER NOT NULL,
	sentence        INTEGER NOT NULL,
	speaker_id      TEXT NOT NULL,
	speaker_name    TEXT NOT NULL,
	speaker_sector  TEXT NOT NULL,
	speaker_country TEXT NOT NULL,
	said_value      TEXT NOT NULL,
	said_grain      TEXT NOT NULL,
	said_anchor     TEXT NOT NULL,
	said_start      TEXT,
	said_end        TEXT,
	kind            TEXT NOT NULL,
	cue             TEXT NOT NULL,
	text            TEXT NOT NULL,
	span_start      INTEGER NOT NULL,
	span_end        INTEGER NOT NULL,
	topic           TEXT NOT NULL,
	target_id       TEXT,
	target_name     TEXT,
	target_sector   TEXT,
	stance          TEXT NOT NULL,
	score           REAL NOT NULL,
	commitment      TEXT NOT NULL,
	conditions      TEXT CHECK (conditions IS NULL OR json_valid(conditions)),
	threat          INTEGER NOT NULL,
	promise         INTEGER NOT NULL,
	UNIQUE (doc, ordinal)
) STRICT;

CREATE INDEX statements_said ON statements (said_start);
CREATE INDEX statements_speaker ON statements (speaker_id, said_start);
CREATE INDEX statements_country ON statements (speaker_country, said_start);
CREATE INDEX statements_topic ON statements (topic, said_start);
CREATE INDEX statements_target ON statements (target_id, said_start);

-- Full-text index over statement text. It stores no copy of the text
-- (external content). SaveExtraction indexes a document's statements with
-- one INSERT ... SELECT after inserting them: FTS5 writes its pending terms
-- out at every statement savepoint, so a trigger per row would write the
-- index once per statement. The triggers below keep the index in step when
-- rows change or go.
CREATE VIRTUAL TABLE statements_fts USING fts5 (
	text,
	content = 'statements',
	content_rowid = 'id',
	tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
	INSERT INTO statements_fts (statements_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TRIGGER statements_fts_update AFTER UPDATE OF text ON statements BEGIN
	INSERT INTO statements_fts (statements_fts, rowid, text) VALUES ('delete', old.id, old.text);
	INSERT INTO statements_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE TABLE events (
	id            INTEGER PRIMARY KEY,
	doc           INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
	ordinal       INTEGER NOT NULL,
	sentence      INTEGER NOT NULL,
	actor_id      TEXT NOT NULL,
	actor_name    TEXT NOT NULL,
	actor_sector  TEXT NOT NULL,
	actor_country TEXT NOT NULL,
	target_id     TEXT,
	target_name   TEXT,
	target_sector TEXT,
	verb          TEXT NOT NULL,
	cameo         TEXT NOT NULL,
	plover        TEXT NOT NULL,
	date_value    TEXT NOT NULL,
	date_grain    TEXT NOT NULL,
	date_anchor   TEXT NOT NULL,
	date_start    TEXT,
	date_end      TEXT,
	mode          TEXT NOT NULL,
	goldstein     REAL NOT NULL,
	quad          INTEGER NOT NULL,
	text          TEXT NOT NULL,
	span_start    INTEGER NOT NULL,
	span_end      INTEGER NOT NULL,
	UNIQUE (doc, ordinal)
) STRICT;

CREATE INDEX events_date ON events (date_start);
CREATE INDEX events_actor ON events (actor_id, date_start);
CREATE INDEX events_country ON events (actor_country, date_start);
CREATE INDEX events_target ON events (target_id, date_start);
CREATE INDEX events_plover ON events (plover, date_start);
CREATE INDEX events_mode ON events (mode, date_start);

CREATE TABLE deadlines (
	doc          INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
	ordinal      INTEGER NOT NULL,
	sentence     INTEGER NOT NULL,
	action       TEXT NOT NULL,
	date_value   TEXT NOT NULL,
	date_grain   TEXT NOT NULL,
	date_anchor  TEXT NOT NULL,
	date_start   TEXT,
	date_end     TEXT,
	actor_id     TEXT,
	actor_name   TEXT,
	actor_sector TEXT,
	text         TEXT NOT NULL,
	span_start   INTEGER NOT NULL,
	span_end     INTEGER NOT NULL,
	PRIMARY KEY (doc, ordinal)
) STRICT, WITHOUT ROWID;

CREATE INDEX deadlines_date ON deadlines (date_start);
