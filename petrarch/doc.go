// Package petrarch codes political events from raw sentences with the
// dictionaries of the PETRARCH and TABARI event coders, so that redline
// can stand in for them: the same actor, agent, verb, discard and issue
// files, the same CAMEO codes out, without a parser.
//
// # Dictionaries
//
// Load reads a set of dictionary files (LoadDir a PETRARCH dictionary
// directory, LoadTABARI a TABARI project file). Every file is read line by
// line; a line that cannot be understood is reported as "file:line:
// message" in a redline.ProblemList and skipped, and loading carries on,
// so one run shows every fault. Phrases of every dictionary are stored
// in tries keyed by the Fold of each word (see redline.Fold), so finding
// the dictionary entries of a sentence costs one table look-up per token
// and per step along a phrase.
//
// # Coding
//
// A Coder reads a sentence the way TABARI did, as a flat run of words
// with no parse tree, and recovers what PETRARCH took from the parse with
// rules of English word order:
//
//   - actor phrases are found longest first and given the code in force on
//     the sentence's date; agents ("police", "foreign minister") combine
//     with the actor of their noun phrase, or of the phrase they are
//     linked to by "of", "in" or "from", or stand alone as "---" plus
//     their code; with NewActorLength, an uncoded noun phrase short enough
//     stands as an actor coded by its text;
//   - "A, B and C" is a compound: an event with a compound source or
//     target is repeated for each member;
//   - comma-delimited asides of a configured length are deleted first,
//     but not the items of a list;
//   - a dictionary verb is a verb unless the words before it make it a
//     noun ("an attack", "his first official visit"); modals never are;
//   - each verb's patterns are matched against the words before and after
//     it; the pattern with the most elements wins (then the one whose
//     synsets matched more words), and its $, + and % fix the source and
//     target;
//   - otherwise the source is the nearest compound before the verb in its
//     clause (a verb joined by "and" to an earlier one shares its
//     subject, an infinitive takes its governing verb's, a pronoun stands
//     for the compound before it) and the target the first compound after
//     it; after "was ... by" the two swap;
//   - a clause that a subordinator ("after", "that", "who") hangs off a
//     verb that gave an event, or an infinitive under one, gives none of
//     its own, as a clause nested in a coded one does in PETRARCH-2;
//   - a speech verb reporting a use of force becomes PETRARCH-2's
//     transformations: "A said A will attack B" is a threat (138), "A
//     said A attacked B" a claim of responsibility (015), "A said B
//     attacked C" an accusation (112);
//   - a paired code [A:B] gives the event A from source to target and the
//     event B back;
//   - with an internal coding ontology loaded (UD-PETRARCH's PICO file), a
//     negated verb has its code turned into the refusal code the ontology
//     pairs it with.
//
// Options.UD turns on the conventions of UD-PETRARCH where they differ;
// see Options.
//
// # In redline's pipeline
//
// Events puts the coder in place of redline's own event stage
// (extract.Pipeline.Events), so that the events PETRARCH's dictionaries
// code are stored and analysed with redline's statements and times. Ref
// turns PETRARCH's actor codes into redline's actors: "USAGOV" is USA with
// sector GOV.
//
// # Output
//
// WriteEvents writes PETRARCH-2's tab-separated event lines and
// WritePhoenix the 26 columns of the Phoenix data set, so that scripts
// written for those coders read redline's output unchanged.
package petrarch
