// Package event codes what actors do: who did what to whom, in CAMEO and
// PLOVER, and in which mode (public, covert, alleged, negated, future,
// hypothetical).
//
// It reads raw sentences with no parser. An action phrase from the verb
// lexicon ("imposed sanctions", "invaded", "held talks") is coded when an
// actor stands before it; the target is the first actor after it. The
// subject search passes over a comma-delimited aside ("Pakistan, a key
// U.S. ally, has refused"). "was attacked by X" swaps source and target;
// "Iran and the United States held talks" gives the event in both
// directions. A role noun after a state narrows it to a sector ("Iranian
// negotiators" is IRN, GOV; "US troops" USA, MIL). A nominal event ("secret
// talks", "the 2015 nuclear deal") is coded only when the text says it
// took place: a covert or dated modifier, or a verb such as "held".
//
// Nested verbs compose as in PETRARCH-2 (combine.go): a frame takes the
// next action as its object, so "agreed to meet" is an intent (036),
// "urged X to negotiate" an appeal (026), "demanded the release" a demand
// (1053), "refused to negotiate" a rejection (125, mode negated) and
// "threatened to impose sanctions" a threat (1312). Without a frame, a
// negated cooperative act is its refusal (12x), and a future or
// conditional one an intent (03x); a future or conditional deed of force
// is a threat (13x). Once a sentence has an event, what follows as its
// circumstance (a purpose "to help", a clause after "where" or "after", a
// participle) is not coded again. Sentences holding a discard phrase
// (sport, entertainment) are skipped, and an event repeated in a sentence
// is reported once; Dedupe applies the one-a-day rule to dated events.
//
// Words inside quotation marks and the content of reported speech are the
// speaker's, not the author's. By default actions there are topics of
// statements and are not coded as events, so that say-do gap analysis
// compares what an actor said with what it did. Coder.SpeechActs codes
// them as the speech acts event datasets record: "Iran said it will
// attack Israel" is a threat (138), "Iran said Israel attacked" an
// accusation (112), "Russia said Sudan must return the helicopter" a
// demand (1053); content before its cue ("..., officials said") is then
// coded as the author's report. Coder.NewActors lets names missing from
// the actor dictionary be sources, with an empty ID.
package event
