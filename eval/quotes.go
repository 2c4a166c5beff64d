package eval

import (
	"strings"

	"redline"
	"redline/extract"
)

// GoldQuote is one speech event of MEANTIME with its sayer: the cue (the
// event mention, "said"), the Arg0 entity mention (the speaker as the text
// names them there, possibly "he") and the entity that mention refers to,
// with the names the document gives that entity elsewhere.
type GoldQuote struct {
	Cue         redline.Span   `json:"cue"`
	CueText     string         `json:"cue_text"`
	Speaker     redline.Span   `json:"speaker"`
	SpeakerText string         `json:"speaker_text"`
	Entity      string         `json:"entity,omitempty"`
	Names       []string       `json:"names,omitempty"`
	Complements []redline.Span `json:"complements,omitempty"`

	mention *EntityMention
}

// reportingForms are the words of speech events that introduce what was
// said. MEANTIME's SPEECH_COGNITIVE class also holds cognition and
// intention ("know", "believe", "want", "plan", "expect", "decide") and
// nouns that report nothing ("bankruptcy", "attention"); only these forms
// count as quote cues.
var reportingForms = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`say says said saying tell tells told telling
		state states stated stating statement statements announce announces announced announcing
		announcement announcements add adds added adding admit admits admitted admitting
		argue argues argued arguing claim claims claimed claiming comment comments commented commenting
		confirm confirms confirmed confirming declare declares declared declaring declaration
		explain explains explained explaining insist insists insisted insisting predict predicts
		predicted predicting forecast forecasts forecasting quote quotes quoted quoting
		report reports reported reporting reveal reveals revealed revealing speech speeches
		deny denies denied denying warn warns warned warning note notes noted noting
		stress stresses stressed stressing write writes wrote written reply replies replied replying
		respond responds responded responding response recommend recommends recommended recommending
		suggest suggests suggested suggesting ask asks asked asking remark remarks remarked
		conclude concludes concluded concluding promise promises promised promising
		acknowledge acknowledges acknowledged acknowledging`) {
		m[w] = true
	}
	return m
}()

// isReporting reports whether an event mention's text is a reporting cue:
// its last word is one of reportingForms.
func isReporting(text string) bool {
	f := strings.Fields(strings.ToLower(text))
	return len(f) > 0 && reportingForms[f[len(f)-1]]
}

// goldQuotes returns the speech events of a document that are reporting
// cues with an Arg0 participant, in text order.
func goldQuotes(ed *EventDoc) []GoldQuote {
	byID := map[string]redline.Span{}
	for _, e := range ed.Events {
		byID[e.ID] = e.Span
	}
	var out []GoldQuote
	for _, e := range ed.Events {
		if e.Class != "SPEECH_COGNITIVE" || !isReporting(e.Text) {
			continue
		}
		m := firstMention(ed, e.Arg0)
		if m == nil {
			continue
		}
		g := GoldQuote{Cue: e.Span, CueText: e.Text, Speaker: m.Span, SpeakerText: m.Text, Entity: m.Entity,
			Names: entityNames(ed, m), mention: m}
		for _, c := range e.Complements {
			if sp, ok := byID[c]; ok {
				g.Complements = append(g.Complements, sp)
			}
		}
		out = append(out, g)
	}
	return out
}

// firstMention returns the first of the Arg0 mentions that is placed in
// the text.
func firstMention(ed *EventDoc, ids []string) *EntityMention {
	for _, id := range ids {
		if m, ok := ed.Mentions[id]; ok {
			return m
		}
	}
	return nil
}

// entityNames returns the names of the entity a mention refers to: its
// descriptor and the text of its named mentions (MEANTIME's NAM, or every
// mention that is not a pronoun when it has no named one). A mention
// that refers to no entity is its own only name unless it is a pronoun.
func entityNames(ed *EventDoc, m *EntityMention) []string {
	var named, other []string
	if m.Entity == "" {
		if !isPronoun(m) {
			other = append(other, m.Text)
		}
		return other
	}
	if n := ed.Entities[m.Entity]; n != "" {
		named = append(named, n)
	}
	for _, o := range ed.EntityMentions {
		if o.Entity != m.Entity || isPronoun(o) {
			continue
		}
		if o.Syntax == "NAM" {
			named = append(named, o.Text)
		} else {
			other = append(other, o.Text)
		}
	}
	if len(named) > 1 {
		return named
	}
	return append(named, other...)
}

var pronouns = map[string]bool{
	"he": true, "she": true, "it": true, "they": true, "we": true, "i": true, "you": true,
	"his": true, "her": true, "its": true, "their": true, "our": true, "my": true, "who": true,
	"which": true, "that": true, "him": true, "them": true, "us": true, "me": true,
}

// isPronoun reports whether an entity mention is a pronoun.
func isPronoun(m *EntityMention) bool {
	return m.Syntax == "PRO" || pronouns[strings.ToLower(strings.TrimSpace(m.Text))]
}

// normName lowers a name and keeps its words, without a leading article
// or a possessive ending.
func normName(s string) []string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("'s", " ", "’s", " ").Replace(s)
	f := strings.FieldsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 || r == '-' || r == '.')
	})
	for len(f) > 0 && (f[0] == "the" || f[0] == "a" || f[0] == "an") {
		f = f[1:]
	}
	return f
}

// sameName reports whether a system speaker name and a gold name name the
// same thing: equal words, or the words of one found in a row inside the
// other ("Gallois" and "Louis Gallois", "General Motors" and "General
// Motors Corp.").
func sameName(sys, gold string) bool {
	a, b := normName(sys), normName(gold)
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	return inRow(a, b) || inRow(b, a)
}

// inRow reports whether the words of short occur consecutively in long.
func inRow(short, long []string) bool {
	for i := 0; i+len(short) <= len(long); i++ {
		ok := true
		for j := range short {
			if long[i+j] != short[j] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// speakerRight judges a statement's speaker against a gold quote:
//
//   - when the statement's SpeakerSpan overlaps the gold Arg0 mention, the
//     gold mention is not a pronoun, and the span does not lie inside a
//     mention of another entity nested in it ("Airbus" in "Louis Gallois,
//     the Airbus chief executive"), the speaker is right;
//   - otherwise the speaker is right when its name matches a name of the
//     gold entity (see entityNames and sameName), which is how a resolved
//     pronoun or role noun is judged: "he" must have been resolved to the
//     person the gold "he" refers to.
func speakerRight(ed *EventDoc, g *GoldQuote, st *redline.Statement) bool {
	if st.SpeakerSpan != nil && st.SpeakerSpan.Overlaps(g.Speaker) && !isPronoun(g.mention) &&
		!insideOther(ed, g.mention, *st.SpeakerSpan) {
		return true
	}
	for _, n := range g.Names {
		if sameName(st.Speaker.Name, n) {
			return true
		}
	}
	return false
}

// insideOther reports whether sp lies inside a mention nested in m that
// refers to another entity.
func insideOther(ed *EventDoc, m *EntityMention, sp redline.Span) bool {
	for _, o := range ed.EntityMentions {
		if o == m || !m.Span.Contains(o.Span) || o.Span == m.Span || !o.Span.Contains(sp) {
			continue
		}
		if o.Entity == "" || o.Entity != m.Entity {
			return true
		}
	}
	return false
}

// Quotes scores the statements p extracts against the speech events of
// the MEANTIME files under dir; see QuoteScores for the rules.
func Quotes(dir string, p *extract.Pipeline) (*QuoteScores, error) {
	docs, skipped, err := LoadMEANTIMEEvents(dir)
	if err != nil {
		return nil, err
	}
	sc := ScoreQuotes("MEANTIME", docs, p)
	for _, e := range skipped {
		sc.Skipped = append(sc.Skipped, e.Error())
	}
	return sc, nil
}

// ScoreQuotes runs p on every document, dated by its creation day, and
// scores the statements.
func ScoreQuotes(corpus string, docs []*EventDoc, p *extract.Pipeline) *QuoteScores {
	sc := &QuoteScores{Corpus: corpus}
	for _, ed := range docs {
		doc := &redline.Document{ID: redline.DocumentID(ed.Text), Text: ed.Text, Published: redline.Day(ed.DCT)}
		x := p.Run(doc)
		ds, errs := scoreQuoteDoc(ed, x.Statements)
		sc.add(ds)
		sc.Docs = append(sc.Docs, ds)
		sc.Errors = append(sc.Errors, errs...)
	}
	sc.finish()
	return sc
}
