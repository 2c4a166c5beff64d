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
// a few rules of English word order:
//
//   - actor phrases are found longest first and given the code in force on
//     the sentence's date; agents ("police", "foreign minister") combine
//     with the actor of their noun phrase, or of the phrase they are
//     linked to by "of", "in" or "from", or stand alone as "---" plus
//     their code;
//   - "A, B and C" is a compound: an event with a compound source or
//     target is repeated for each member;
//   - comma-delimited asides of a configured length are deleted first;
//   - a dictionary verb is a verb unless a determiner, possessive or
//     preposition makes it a noun ("an attack", "his visit");
//   - each verb's patterns are matched against the words before and after
//     it; the pattern with the most matched elements wins, and its $, +
//     and % elements fix the source and target;
//   - otherwise the source is the nearest actor before the verb in its
//     clause (a verb joined by "and" to an earlier one shares its
//     subject) and the target the first actor after it; after "was ...
//     by" the two swap;
//   - a paired code [A:B] gives the event A from source to target and the
//     event B back;
//   - with an internal coding ontology loaded (UD-PETRARCH's PICO file), a
//     negated verb has its code turned into the refusal code the ontology
//     pairs it with.
//
// # Output
//
// WriteEvents writes PETRARCH-2's tab-separated event lines and
// WritePhoenix the 26 columns of the Phoenix data set, so that scripts
// written for those coders read redline's output unchanged.
package petrarch
