package extract

import (
	"fmt"
	"io/fs"

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
	Events  *event.Coder
}

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

// Run extracts everything from one document.
func (p *Pipeline) Run(doc *redline.Document) *redline.Extraction {
	text := doc.Text
	published := doc.Published.Start()
	sents := segment.Split(text)
	mentions := p.Actors.Match(text, sents, published)
	times := p.Times.Tag(text, sents, published)
	statements := p.Quotes.Extract(text, sents, mentions)
	skip := quote.QuotedSpans(text, sents)
	for _, st := range statements {
		skip = append(skip, st.Span)
	}
	events := p.Events.Code(text, sents, mentions, skip)

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
	for i := range x.Deadlines {
		dl := &x.Deadlines[i]
		dl.Doc = doc.ID
		dl.Actor = actorNear(mentions, dl.Sentence)
	}
	return x
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
