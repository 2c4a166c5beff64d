// Package factual judges how an event is presented: as certain, probable
// or possible (certainty), as happening or not (polarity), and as future or
// not. It reads the words that govern one event mention in its sentence,
// the way MEANTIME and FactBank annotate factuality, with hand-written
// lexicons and no statistics. It is pure: text in, a value out.
//
// A cue counts only when it governs the event. Assess walks up from the
// event through a chain of at most four frames:
//
//  1. The event's own verb group, read leftwards from the event over
//     auxiliaries, adverbs and "to": modals ("may attack", "could push",
//     "would axe"), negation ("did not say", "won't be renewed", "not to
//     buy") and epistemic adverbs ("reportedly", "probably").
//  2. The governor of that frame: the verb, adjective or noun that takes it
//     as an infinitive ("expects to cut", "failed to pass", "is believed to
//     be", "plans to", "an effort to evade"), as a gerund ("stop selling",
//     "considering using"), as a direct object ("negotiated the purchase",
//     "prevent a collapse", "may have an impact") or as a that-clause ("it
//     is expected that X will wear", "denied that X attacked", "could not
//     confirm that X attacked"). The governor's own class decides, and its
//     verb group is read in turn: modality and futurity pass up a chain of
//     infinitives and objects ("may want to buy"), negation does not ("did
//     not want to buy" leaves the buying positive, as MEANTIME has it).
//     Reporting verbs ("said that") are transparent and end the chain.
//  3. For noun events, the noun phrase: a negative determiner or modifier
//     ("no deal", "the now-cancelled deal", "delay in delivery") and a
//     following passive that cancels it ("the departure has been delayed",
//     "test flight delayed").
//
// Intentions and expectations ("expects to", "wants to", "is likely to")
// make the event probable and future; attempts, offers and options
// ("attempted to", "options to", "is allowed to") possible and future;
// plans, decisions and commitments ("plans to", "agreed to", "a contract
// to") future but certain, as MEANTIME annotates them. "Will" is certain
// and future, "would" probable, "may", "might", "could" and "can" possible.
//
// Quantity hedges ("about 40", "some 300", "up to 10%") are never cues:
// they sit in noun phrases, not in verb groups or governors.
//
// Perspective follows MEANTIME: reported speech is transparent, so in "X
// said Y may attack" the attack is possible, and in "X denied that Y
// attacked" the attack is negated, from the point of view of the source
// that reports it. The author's own commitment to the report is the
// reporting event's factuality ("said" is certain).
//
// Cue names the word that decided the last attribute that was set, for
// explanations.
package factual
