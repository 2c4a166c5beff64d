-- 0003_digest: the compact form of statements and events (redline.Digest),
-- which lets an analysis read a million records in a fraction of a second
-- where reading them row by row takes many seconds.
--
-- terms keeps each distinct actor (kind 'actor': id, name, sector), date
-- (kind 'date': value, grain) and word (kind 'word': topic, verb, stance,
-- commitment, mode, code) once. Terms are only ever added, so an id always
-- names the same term; a term whose last record goes stays, unused.
CREATE TABLE terms (
	id   INTEGER PRIMARY KEY,
	kind TEXT NOT NULL,
	a    TEXT NOT NULL,
	b    TEXT NOT NULL DEFAULT '',
	c    TEXT NOT NULL DEFAULT '',
	UNIQUE (kind, a, b, c)
) STRICT;

-- digests holds, per document, its statements and its events packed in
-- ordinal order, each field a varint: for a statement its sentence and the
-- terms of its speaker, target (0 for none), date said, topic, stance and
-- commitment, then a byte of flags (threat 1, promise 2, conditions 4); for
-- an event its sentence and the terms of its actor, target, date, verb,
-- CAMEO code, PLOVER category and mode, then its quad class. SaveExtraction
-- writes it with the records; Open fills it for documents stored before.
CREATE TABLE digests (
	doc        INTEGER PRIMARY KEY REFERENCES documents (seq) ON DELETE CASCADE,
	statements BLOB NOT NULL,
	events     BLOB NOT NULL
) STRICT;
