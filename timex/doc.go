// Package timex finds time expressions in news text and normalises them to
// TimeML values with a grain, anchored the way a careful reader anchors
// them.
//
// # Detection
//
// Tag walks the tokens of each sentence (from segment.Split) once. Each
// token is looked up, once and in lower case, in a small lexicon of time
// words (months, weekdays, units, number words, relation words such as
// "last" and "following", modifiers such as "early" and "end", references
// such as "now"), which also knows the words that mark a tense or a
// deadline; a table of first and last letters keeps most words away from
// the lexicon's hash table. Where a token may start an expression,
// hand-written rules try to read one there and the longest reading wins. Spans follow TempEval-3: prepositions stay
// out ("in 2013" is "2013"), "last week" and "two years ago" are whole,
// "the" is kept where it belongs to the phrase ("the past two years", "the
// end of the year", "the following day") and dropped before plain dates.
//
// # Normalisation
//
// Values are TimeML's: days "2025-02-07", months "2013-02", years, ISO
// weeks "2025-W06", quarters "2013-Q3", seasons "2014-SU", decades "199X",
// centuries "19XX", times "2013-02-07T10:30" (with "Z" for UTC and GMT, or
// a part of the day: "TMO", "TNI"), durations "P3Y", "PT2H", "PXD" (an
// unknown number: "several days", "for years"), sets "P1W" or "XXXX-WXX-1"
// ("every Monday"), and the references PRESENT_REF, PAST_REF and
// FUTURE_REF. Modifiers go in Mod: "early", "the beginning of" and "the first
// half" are START; "mid" MID; "late", "the end of" and "the second half"
// END; "about" APPROX; "almost" LESS_THAN; "more than" MORE_THAN. A half year
// has no redline calendar value, so it is its year with START or END.
//
// # Anchoring
//
// Deictic expressions ("today", "yesterday", "last week", "next month",
// "this year", "two years ago", a bare weekday) are computed from the
// publication date, inside quotations too; their Anchor is "document".
//
// Tag keeps a narrative time in force as it walks the document: every
// calendar value it finds (except one after "since" or "until") replaces
// it. Relative narrative expressions ("ten days earlier", "a year later",
// "the following day", "the day before", "that year", "the same month", "at
// that very moment", "at the time") are computed from it, never from the
// publication date unless no time is in force yet; their Anchor is
// "narrative". The result takes the coarser of the two grains: a year later
// than a year is a year, ten days before a day is a day, a month after a
// day is a month, and two weeks after a month is the month in which the day
// two weeks after the month's first day falls. With no time in force
// "at the time" is PAST_REF.
//
// # Tense
//
// A month or weekday without a year is resolved by the tense of its
// sentence: the nearest tense cue to the expression decides (on a tie, the
// one before it). Future cues are will, 'll, shall, would, "going/due/set/
// expected/scheduled/plans to", scheduled, planned, until, next, and an
// infinitive ("to run") not governed by a past verb; past cues are said,
// was, were, had, did, common irregular pasts and -ed words not after a
// form of "be". In the past, a month or weekday is the latest on or before
// the publication date; in the future, the first on or after it; with no
// cue, the nearer one, as HeidelTime does for news. A time followed by
// "deadline" is in the future. A bare month inherits the year in force when
// that year was written out (not taken from the publication date) and lies
// in the direction of the tense, or when the sentence has no tense cue and
// the year was set in this or the previous sentence. A written day ("Feb.
// 28") never inherits a narrative year: news dates it from the
// publication date.
//
// # Deadlines and record dates
//
// A future calendar time tied to "deadline" ("the October snapback
// deadline", "a deadline of 1 April for a reply"), to "by", "until" or "no
// later than" after a modal or "to" ("must respond by March 1"), to a verb
// of expiry or start ("lapses on 18 October", "begins on 21 August") or to
// a schedule ("is set for 19 April", "is due to resume on 26 February")
// becomes a Deadline, with the action named by the words between the time
// and "deadline", the noun after "for", the verb after the modal or "to",
// or the subject of the verb. So does the end of a counted period in a
// sentence with a modal ("will decide within the next two weeks", "if
// there is no deal in 50 days"), counted from the narrative day in force
// or the publication day. Result.DateOf dates a statement or
// event by a calendar time in its own sentence, else by the narrative time
// in force, else by the publication day; durations, sets and references
// never date a record.
//
// A Tagger is safe for concurrent use; Tag allocates little beyond its
// result and never reads the clock.
package timex
