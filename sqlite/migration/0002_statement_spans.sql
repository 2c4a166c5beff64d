-- Where the speaker and the reporting cue of each statement are in the
-- text; NULL when the statement has none (a quote that inherits its
-- speaker has no cue of its own).
ALTER TABLE statements ADD COLUMN speaker_start INTEGER;
ALTER TABLE statements ADD COLUMN speaker_end INTEGER;
ALTER TABLE statements ADD COLUMN cue_start INTEGER;
ALTER TABLE statements ADD COLUMN cue_end INTEGER;
