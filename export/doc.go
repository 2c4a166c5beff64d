// Package export writes coded events in the formats event datasets use, so
// that redline's output can be read by the tools built for them:
//
//   - phoenix: the Phoenix dataset's 26 tab-separated columns (id, date,
//     year, month, day; source full code, root, agent and other codes; the
//     same for the target; CAMEO code, root code, quad class, Goldstein,
//     issues; lat, lon, place, state, country; sentence ids, URLs, source
//     names), with no header, as phoenix_pipeline writes them;
//   - plover: one PLOVER JSON record per line (id, date, actor, recipient,
//     event, auxiliary mode, event text, quad code and provenance);
//   - csv: a header, then one row per event with every field of
//     redline.Event and its document;
//   - jsonl: one redline.Event as JSON per line.
//
// Write encodes a slice at once; an Encoder holds the options (the format
// and how to find an actor's country) and encodes slices one after another
// onto the same writer, so a long run can stream. Events refer to their
// documents by ID; docs supplies the publication date, URL and source when
// it has them.
package export
