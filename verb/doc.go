// Package verb loads redline's verb lexicon: the reporting cues that
// introduce statements ("said", "warned", "ruled out"), the actions that
// events and statement topics are made of ("negotiate", "impose
// sanctions", "secret talks"), and the CAMEO codes those actions carry with
// their Goldstein weights, PLOVER categories and quad classes.
//
// The lexicon is data (verbs/*.yaml in an fs.FS). Verb phrases are written
// by lemma; Load inflects the first word regularly ("negotiate" gives
// "negotiates", "negotiated", "negotiating") unless the entry lists
// irregular forms. Matching compares tokens case-insensitively, starting
// from an index keyed by the first word, so a lookup costs one map probe per
// token and allocates nothing.
package verb
