package eval

import (
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"redline"
)

// EventMention is a gold MEANTIME event mention: its span in the
// document's plain text, the attributes annotators gave it, the class of
// the event instance it refers to (SPEECH_COGNITIVE, GRAMMATICAL, OTHER,
// MIX) and its links. Arg0 holds the entity mentions that are its
// HAS_PARTICIPANT Arg0 (the sayer of a speech event); Complements the
// event mentions it subordinates through SLINKs ("said" → what was said).
// Attributes are empty for the bare mentions added at corpus level.
type EventMention struct {
	ID          string       `json:"id"`
	Span        redline.Span `json:"span"`
	Text        string       `json:"text"`
	Class       string       `json:"class,omitempty"`
	Pred        string       `json:"pred,omitempty"`
	POS         string       `json:"pos,omitempty"`
	Certainty   string       `json:"certainty,omitempty"`
	Polarity    string       `json:"polarity,omitempty"`
	Time        string       `json:"time,omitempty"`
	Tense       string       `json:"tense,omitempty"`
	Modality    string       `json:"modality,omitempty"`
	Arg0        []string     `json:"arg0,omitempty"`
	Complements []string     `json:"complements,omitempty"`
}

// EntityMention is a gold MEANTIME entity mention. Syntax is MEANTIME's
// syntactic_type (NAM, NOM, PRO, APP, ...); Entity is the ID of the entity
// it refers to, or empty.
type EntityMention struct {
	ID     string       `json:"id"`
	Span   redline.Span `json:"span"`
	Text   string       `json:"text"`
	Syntax string       `json:"syntax,omitempty"`
	Entity string       `json:"entity,omitempty"`
}

// EventDoc is a MEANTIME document read with its event and entity layers,
// both in text order. Mentions indexes the entity mentions by ID;
// Entities maps an entity ID to its name (MEANTIME's TAG_DESCRIPTOR).
//
// MEANTIME annotates every event only in the first sentences of a document
// (the title, the dateline and about four more); further on it marks only
// the mentions it links across documents, with no attributes. Full is the
// part of the text annotated in full: up to the end of the last sentence
// holding an event mention with attributes.
type EventDoc struct {
	*Doc
	Full           redline.Span
	Events         []EventMention
	EntityMentions []*EntityMention
	Mentions       map[string]*EntityMention
	Entities       map[string]string
}

// mtFull is the whole of a MEANTIME document as the event reader needs it.
type mtFull struct {
	mtDoc
	EntityMentions []mtMention  `xml:"Markables>ENTITY_MENTION"`
	EventMentions  []mtMention  `xml:"Markables>EVENT_MENTION"`
	Entities       []mtInstance `xml:"Markables>ENTITY"`
	Events         []mtInstance `xml:"Markables>EVENT"`
	RefersTo       []mtLink     `xml:"Relations>REFERS_TO"`
	Participants   []mtLink     `xml:"Relations>HAS_PARTICIPANT"`
	SLinks         []mtLink     `xml:"Relations>SLINK"`
}

type mtMention struct {
	ID        string `xml:"m_id,attr"`
	Syntax    string `xml:"syntactic_type,attr"`
	Pred      string `xml:"pred,attr"`
	POS       string `xml:"pos,attr"`
	Certainty string `xml:"certainty,attr"`
	Polarity  string `xml:"polarity,attr"`
	Time      string `xml:"time,attr"`
	Tense     string `xml:"tense,attr"`
	Modality  string `xml:"modality,attr"`
	Anchors   []struct {
		ID string `xml:"t_id,attr"`
	} `xml:"token_anchor"`
}

type mtInstance struct {
	ID    string `xml:"m_id,attr"`
	Name  string `xml:"TAG_DESCRIPTOR,attr"`
	Class string `xml:"class,attr"`
}

type mtLink struct {
	Role    string `xml:"sem_role,attr"`
	Sources []struct {
		ID string `xml:"m_id,attr"`
	} `xml:"source"`
	Target struct {
		ID string `xml:"m_id,attr"`
	} `xml:"target"`
}

// ReadMEANTIMEEvents reads a MEANTIME file with its event mentions, entity
// mentions and their links. The text and creation time are those
// ReadMEANTIME gives, except that quotation marks written “ and ” become
// straight ones (see treebankQuotes); mentions on the creation time's
// tokens, or with no tokens, are left out.
func ReadMEANTIMEEvents(path string) (*EventDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d := xml.NewDecoder(f)
	var mf mtFull
	if err := d.Decode(&mf); err != nil {
		line, _ := d.InputPos()
		return nil, fmt.Errorf("%s:%d: %w", path, line, err)
	}
	doc, err := mf.build()
	if err != nil {
		return nil, fmt.Errorf("%s:%d: %w", path, 1, err)
	}
	doc.Name = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	doc.Text = treebankQuotes.Replace(doc.Text)
	ed := &EventDoc{Doc: doc, Mentions: map[string]*EntityMention{}, Entities: map[string]string{}}
	spans := mf.tokenSpans()
	mf.place(ed, spans)
	ed.Full = mf.fullPart(spans)
	return ed, nil
}

// treebankQuotes writes the Penn Treebank quotation marks MEANTIME's
// tokens use (“ as “, ” as ”) as straight marks padded with a space to
// the same length, so that every offset stays valid and the quote stage
// sees quotation marks.
var treebankQuotes = strings.NewReplacer("``", " \"", "''", "\" ")

// tokenSpans returns the span of every token in the text build wrote,
// leaving out the creation time's tokens as build does.
func (mf *mtFull) tokenSpans() map[string]redline.Span {
	skip := map[string]bool{}
	for _, x := range mf.Timex {
		if x.Function == "CREATION_TIME" {
			for _, a := range x.Anchors {
				skip[a.ID] = true
			}
		}
	}
	return mf.detokenize(&Doc{}, skip)
}

// fullPart returns the span of the sentences up to the last one that
// holds an event mention with attributes.
func (mf *mtFull) fullPart(spans map[string]redline.Span) redline.Span {
	sent := make(map[string]int, len(mf.Tokens))
	for _, t := range mf.Tokens {
		sent[t.ID] = t.Sentence
	}
	last := -1
	for _, m := range mf.EventMentions {
		for _, a := range m.Anchors {
			if m.Certainty != "" && sent[a.ID] > last {
				last = sent[a.ID]
			}
		}
	}
	var full redline.Span
	for _, t := range mf.Tokens {
		if sp, ok := spans[t.ID]; ok && t.Sentence <= last {
			full.End = max(full.End, sp.End)
		}
	}
	return full
}

// place fills ed with the mentions that have a span, and links them.
func (mf *mtFull) place(ed *EventDoc, spans map[string]redline.Span) {
	refers := map[string]string{} // mention → instance
	for _, l := range mf.RefersTo {
		for _, s := range l.Sources {
			refers[s.ID] = l.Target.ID
		}
	}
	class := map[string]string{}
	for _, e := range mf.Events {
		class[e.ID] = e.Class
	}
	for _, e := range mf.Entities {
		ed.Entities[e.ID] = e.Name
	}
	for _, m := range mf.EntityMentions {
		if sp, ok := spanOf(m, spans); ok {
			em := &EntityMention{ID: m.ID, Span: sp, Text: sp.In(ed.Text), Syntax: m.Syntax, Entity: refers[m.ID]}
			ed.Mentions[m.ID] = em
			ed.EntityMentions = append(ed.EntityMentions, em)
		}
	}
	sort.SliceStable(ed.EntityMentions, func(i, j int) bool {
		return ed.EntityMentions[i].Span.Start < ed.EntityMentions[j].Span.Start
	})
	arg0, comps := mf.links()
	for _, m := range mf.EventMentions {
		sp, ok := spanOf(m, spans)
		if !ok {
			continue
		}
		ed.Events = append(ed.Events, EventMention{ID: m.ID, Span: sp, Text: sp.In(ed.Text),
			Class: class[refers[m.ID]], Pred: m.Pred, POS: m.POS, Certainty: m.Certainty, Polarity: m.Polarity,
			Time: m.Time, Tense: m.Tense, Modality: m.Modality, Arg0: arg0[m.ID], Complements: comps[m.ID]})
	}
	sort.SliceStable(ed.Events, func(i, j int) bool { return ed.Events[i].Span.Start < ed.Events[j].Span.Start })
}

// links returns the Arg0 participants and SLINK targets of each event
// mention.
func (mf *mtFull) links() (arg0, comps map[string][]string) {
	arg0, comps = map[string][]string{}, map[string][]string{}
	for _, l := range mf.Participants {
		if l.Role != "Arg0" {
			continue
		}
		for _, s := range l.Sources {
			arg0[s.ID] = append(arg0[s.ID], l.Target.ID)
		}
	}
	for _, l := range mf.SLinks {
		for _, s := range l.Sources {
			comps[s.ID] = append(comps[s.ID], l.Target.ID)
		}
	}
	return arg0, comps
}

// spanOf returns the span from the first to the last placed token of a
// mention; ok is false when none of its tokens is in the text.
func spanOf(m mtMention, spans map[string]redline.Span) (redline.Span, bool) {
	sp, ok := redline.Span{}, false
	for _, a := range m.Anchors {
		t, in := spans[a.ID]
		if !in {
			continue
		}
		if !ok || t.Start < sp.Start {
			sp.Start = t.Start
		}
		if !ok || t.End > sp.End {
			sp.End = t.End
		}
		ok = true
	}
	return sp, ok
}

// LoadMEANTIMEEvents reads every .xml file under dir with
// ReadMEANTIMEEvents, in path order, skipping unreadable files.
func LoadMEANTIMEEvents(dir string) (docs []*EventDoc, skipped []error, err error) {
	var out []*EventDoc
	_, skipped, err = loadDir(dir, ".xml", func(p string) (*Doc, error) {
		ed, err := ReadMEANTIMEEvents(p)
		if err != nil {
			return nil, err
		}
		out = append(out, ed)
		return ed.Doc, nil
	})
	return out, skipped, err
}
