// Package event codes what actors do: who did what to whom, in CAMEO and
// PLOVER, and in which mode (public, covert, alleged, negated, future,
// hypothetical).
//
// It reads raw sentences with no parser. An action phrase from the verb
// lexicon ("imposed sanctions", "invaded", "held talks") is coded when an
// actor stands before it in the same clause; the target is the first actor
// after it. "was attacked by X" swaps source and target; "Iran and the
// United States held talks" gives the event in both directions. A nominal
// event ("secret talks", "the 2015 nuclear deal") is coded only when the
// text says it took place: a covert or dated modifier, or a verb such as
// "held" or "were under way".
//
// Words inside quotation marks and the content of reported speech are the
// speaker's, not the author's: actions there are topics of statements and
// are not coded as events, so "Khamenei rejected talks" is a statement and
// not a negotiation.
package event
