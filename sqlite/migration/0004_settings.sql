-- 0004_settings: facts about the store as a whole, one value per key.
--
-- event_coder names the coder whose events the store holds, so that events
-- of two coders, whose actors are named differently, are not mixed in one
-- store. A store that holds documents before this migration was filled by
-- redline's own coder, the only one there was.
CREATE TABLE settings (
	key   TEXT NOT NULL PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;

INSERT INTO settings (key, value)
SELECT 'event_coder', 'redline' WHERE EXISTS (SELECT 1 FROM documents);
