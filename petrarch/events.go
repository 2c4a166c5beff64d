package petrarch

import (
	"strings"
	"time"

	"redline"
	"redline/verb"
)

// Events is the event stage of redline's pipeline (an extract.EventCoder)
// coded with PETRARCH or TABARI dictionaries, so that the events those
// dictionaries code go into redline's store and analyses. Each sentence of
// a document is coded by Coder, as PETRARCH codes the sentences of a
// story, and each event it gives becomes a redline.Event:
//
//   - the source and target become actors by Ref ("USAGOV" is USA with
//     sector GOV), each keeping the whole code as its Name;
//   - CAMEO is the code PETRARCH gave; Goldstein, Quad and PLOVER come
//     from Lexicon, redline's table of CAMEO codes, for that code or,
//     when the table lacks it (CAMEO 2.0's 1213 or 1411), for its parent
//     code, else its root; Verb is the topic the lexicon gives the same
//     code (Lexicon.Topic), so that deeds meet statements on one topic;
//   - Span and Text are the verb's;
//   - Mode is negated when a negation governs the verb, else public:
//     PETRARCH says nothing of covert, alleged, future or hypothetical
//     events;
//   - dated actor codes are taken on the document's publication day, as
//     PETRARCH takes them on the story's date.
//
// A sentence with a discard phrase gives no events, and a story discard
// none for the whole document. Reported speech is coded as PETRARCH codes
// it ("A said B attacked C" is an accusation), not set aside as redline's
// own coder sets it aside. What PETRARCH reports beyond that is not kept:
// issues, the pattern that matched and the actors' spans.
//
// Events reads only the document and its sentences: actor mentions,
// verb hits and speech spans are redline's own coder's. It is safe for
// concurrent use.
type Events struct {
	Coder   *Coder
	Lexicon *verb.Lexicon
}

// CodeDocument codes the sentences of doc.
func (e *Events) CodeDocument(doc *redline.Document, sents []redline.Sentence, _ []redline.Mention, _ *verb.Hits, _ []redline.Span) []redline.Event {
	date := dayOf(doc.Published.Start())
	var out []redline.Event
	for i, s := range sents {
		res := e.Coder.Code(s.Span.In(doc.Text), date)
		if res.Discard == "story" {
			return nil
		}
		for _, pe := range res.Events {
			out = append(out, e.event(doc.Text, i, s.Span.Start, pe))
		}
	}
	return out
}

// event makes a redline event of event pe of sentence i, whose text starts
// at offset.
func (e *Events) event(text string, i, offset int, pe Event) redline.Event {
	info, topic := e.codeInfo(pe.Code)
	span := redline.Span{Start: offset + pe.Verb.Start, End: offset + pe.Verb.End}
	ev := redline.Event{
		Sentence: i, Actor: Ref(pe.Source), Verb: topic, CAMEO: pe.Code, PLOVER: info.PLOVER,
		Mode: redline.ModePublic, Goldstein: info.Goldstein, Quad: info.Quad, Text: span.In(text), Span: span,
	}
	if pe.Target != "" && pe.Target != nullCode {
		ref := Ref(pe.Target)
		ev.Target = &ref
	}
	if pe.Negated {
		ev.Mode = redline.ModeNegated
	}
	return ev
}

// codeInfo returns what the lexicon knows of a code and its topic, trying
// the code, its parent and its root in turn.
func (e *Events) codeInfo(code string) (verb.Code, string) {
	var info verb.Code
	topic := ""
	found := false
	for _, c := range []string{code, prefix(code, 3), prefix(code, 2) + "0"} {
		if !found {
			info, found = e.Lexicon.Code(c)
		}
		if topic == "" {
			topic = e.Lexicon.Topic(c)
		}
	}
	return info, topic
}

func prefix(s string, n int) string { return s[:min(n, len(s))] }

// transnational are the roots of actor codes that name no state.
var transnational = map[string]bool{"IGO": true, "NGO": true, "IMG": true, "MNC": true}

// Ref returns the redline actor a PETRARCH actor code stands for. A code
// is a root, three letters naming a state (or a region or other group),
// followed by codes of three letters for roles:
//
//   - a state's code has the state as its ID and its first role as its
//     Sector: "USAGOV" is USA, GOV, and "IRNGOVFRM" IRN, GOV;
//   - a code with a transnational root (IGO, NGO, IMG, MNC), and a
//     multi-actor code kept whole ("FRO/BIL/SAM"), is an actor of its
//     own, with the whole code as its ID: "IGOUNO", "NGOHRI";
//   - an agent with no actor ("---GOV") has an empty ID and its role as
//     Sector, and a new actor coded by its words (`"THE MINISTRY"`) an
//     empty ID, as redline's own actors missing from the dictionary have.
//
// Name is the whole code (a new actor's words without their quotes), so
// the code survives in the record even where ID and Sector do not hold it
// all.
func Ref(code string) redline.ActorRef {
	if strings.HasPrefix(code, `"`) {
		return redline.ActorRef{Name: strings.Trim(code, `"`)}
	}
	ref := redline.ActorRef{Name: code}
	root := prefix(code, 3)
	switch {
	case len(code) < 3 || transnational[root] || strings.Contains(code, "/"):
		ref.ID = code
		return ref
	case root == nullCode:
	default:
		ref.ID = root
	}
	if len(code) > 3 {
		ref.Sector = prefix(code[3:], 3)
	}
	return ref
}

// dayOf returns day t as PETRARCH writes dates (YYYYMMDD), or 0 for the
// zero time.
func dayOf(t time.Time) int {
	if t.IsZero() {
		return 0
	}
	y, m, d := t.Date()
	return y*10000 + int(m)*100 + d
}
