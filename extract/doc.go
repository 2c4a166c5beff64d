// Package extract composes the pipeline stages into one extraction per
// document, and runs it over a stream of documents on a pool of workers.
//
// The stages run in order: segment (sentences and tokens), actor
// (mentions, with roles resolved at the publication date), timex (time
// expressions, deadlines, and the date in force at each sentence), quote
// (statements), event (events). Statements and events take their dates
// from timex, and deadlines take an actor from the nearest mention.
//
// The event stage is the one stage that can be swapped: Pipeline.Events
// is an EventCoder, redline's own event.Coder by default, or another coder
// such as petrarch.Events, which codes with PETRARCH or TABARI
// dictionaries. Whichever codes them, events are dated, and repeats of one
// event on one day dropped, by the pipeline in the same way.
//
// Stream keeps output in input order whatever order the workers finish in,
// and bounds the documents in flight, so memory does not grow with the
// corpus.
package extract
