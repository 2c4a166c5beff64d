package extract

import (
	"fmt"
	"io/fs"
	"sync"

	"redline"
	"redline/actor"
	"redline/event"
	"redline/quote"
	"redline/segment"
	"redline/timex"
	"redline/verb"
)

// Pipeline extracts statements, events and times from documents. Its
// stages are compiled once; Run is safe for concurrent use.
type Pipeline struct {
	Actors  *actor.Gazetteer
	Lexicon *verb.Lexicon
	Times   *timex.Tagger
	Quotes  *quote.Extractor
	Events  EventCoder
}

// EventCoder is the event stage: it codes who did what to whom in one
// document. sents are the document's sentences; mentions the actors the
// actor stage found in them, in text order; hits the verb lexicon's
// matches (Lexicon.Scan), which the statement stage shares; speech the
// spans whose actions are someone's words rather than the author's report
// (quoted words and the content of statements). A coder may ignore what it
// has no use for. It leaves each event's Doc and Date unset: Run dates
// every event from the time layer.
//
// event.Coder codes with redline's verb lexicon and actor mentions;
// petrarch.Events codes with PETRARCH or TABARI dictionaries. An
// EventCoder must be safe for concurrent use.
type EventCoder interface {
	CodeDocument(doc *redline.Document, sents []redline.Sentence, mentions []redline.Mention, hits *verb.Hits, speech []redline.Span) []redline.Event
}

var _ EventCoder = (*event.Coder)(nil)

// Load compiles a pipeline from a dictionary tree (actors/ and verbs/).
func Load(fsys fs.FS) (*Pipeline, error) {
	g, err := actor.Load(fsys)
	if err != nil {
		return nil, fmt.Errorf("actor dictionary:\n%w", err)
	}
	lex, err := verb.Load(fsys)
	if err != nil {
		return nil, fmt.Errorf("verb dictionary:\n%w", err)
	}
	return &Pipeline{
		Actors: g, Lexicon: lex, Times: timex.New(),
		Quotes: &quote.Extractor{Lexicon: lex}, Events: &event.Coder{Lexicon: lex},
	}, nil
}

// scratch holds the arrays Run fills for each document and drops when it
// is done: its tokens and the verb look-ups over them, the largest things
// the pipeline allocates. None outlives Run, whose records hold spans into
// the text, not tokens, so scratches keeps them for the next document.
type scratch struct {
	split segment.Splitter
	hits  verb.Hits
}

var scratches = sync.Pool{New: func() any { return new(scratch) }}

// Run extracts everything from one document.
func (p *Pipeline) Run(doc *redline.Document) *redline.Extraction {
	text := doc.Text
	published := doc.Published.Start()
	sc := scratches.Get().(*scratch)
	defer scratches.Put(sc)
	sents := sc.split.Split(text) // no record keeps a token, so the arrays serve the next document
	mentions := p.Actors.Match(text, sents, published)
	times := p.Times.Tag(text, sents, published)
	hits := p.Lexicon.ScanInto(&sc.hits, text, sents) // the statement and event stages share one look-up per token
	statements := p.Quotes.Extract(text, sents, mentions, hits)
	events := p.Events.CodeDocument(doc, sents, mentions, hits, p.speech(text, sents, statements))

	x := &redline.Extraction{
		Doc: *doc, Times: nonNil(times.Times), Statements: nonNil(statements),
		Events: nonNil(events), Deadlines: nonNil(times.Deadlines), Mentions: mentions,
	}
	for i := range x.Statements {
		st := &x.Statements[i]
		st.Doc = doc.ID
		st.Said = times.SaidOf(st.Sentence, st.Span)
	}
	for i := range x.Events {
		ev := &x.Events[i]
		ev.Doc = doc.ID
		ev.Date = times.DateOf(ev.Sentence, ev.Span)
	}
	x.Events = event.Dedupe(x.Events) // one a day per actor, target and code, now that they have dates
	for i := range x.Deadlines {
		dl := &x.Deadlines[i]
		dl.Doc = doc.ID
		dl.Actor = actorNear(mentions, dl.Sentence)
	}
	return x
}

// speech returns the spans whose actions are something said rather than
// something the author reports as done: words inside quotation marks and
// the content of every statement. "Khamenei rejected the idea of direct
// negotiations" must not become a negotiation, and a say-do gap must never
// set a statement against its own words. The cost is that a deed relayed
// with a trailing attribution ("Russia struck Kyiv, officials said") is
// coded only when the coder's SpeechActs option reads statements.
func (p *Pipeline) speech(text string, sents []redline.Sentence, statements []redline.Statement) []redline.Span {
	spans := quote.QuotedSpans(text, sents)
	for _, st := range statements {
		spans = append(spans, st.Span)
	}
	return spans
}

// actorNear returns the first actor mentioned in a sentence, the party a
// deadline most likely concerns.
func actorNear(mentions []redline.Mention, sentence int) *redline.ActorRef {
	for _, m := range mentions {
		if m.Sentence == sentence {
			ref := m.Actor
			return &ref
		}
	}
	return nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
