package storetest

import (
	"fmt"
	"strings"

	"redline"
)

// countries maps the people of the fixtures to their states.
var countries = map[string]string{
	"ali-khamenei":   "IRN",
	"abbas-araghchi": "IRN",
	"donald-trump":   "USA",
}

// CountryOf is the actor-to-country lookup the suite expects a store to
// use: it maps the people of the fixtures to their states and every other
// actor to itself. Stores that look countries up must be configured with it.
func CountryOf(id string) string {
	if c, ok := countries[id]; ok {
		return c
	}
	return id
}

// Actors of the fixtures. ref returns a fresh pointer so that no two records
// share a target.
var (
	khamenei = redline.ActorRef{ID: "ali-khamenei", Name: "Ali Khamenei"}
	araghchi = redline.ActorRef{ID: "abbas-araghchi", Name: "Abbas Araghchi", Sector: "GOV"}
	trump    = redline.ActorRef{ID: "donald-trump", Name: "Donald Trump"}
	iran     = redline.ActorRef{ID: "IRN", Name: "Iran", Sector: "GOV"}
	usa      = redline.ActorRef{ID: "USA", Name: "United States"}
	e3       = redline.ActorRef{ID: "E3", Name: "European powers"}
	britain  = redline.ActorRef{ID: "GBR", Name: "Britain", Sector: "GOV"}
)

func ref(a redline.ActorRef) *redline.ActorRef { return &a }

// span returns the span of the first occurrence of sub in text.
func span(text, sub string) redline.Span {
	i := strings.Index(text, sub)
	if i < 0 {
		panic(fmt.Sprintf("storetest: %q not in fixture text", sub))
	}
	return redline.Span{Start: i, End: i + len(sub)}
}

// date returns a date with its grain and anchor.
func date(value string, g redline.Grain, a redline.Anchor) redline.Date {
	return redline.Date{Value: value, Grain: g, Anchor: a}
}

// Fixtures returns three extractions, new on every call, whose records
// cover every field and the cases the suite checks: targets and actors
// present and nil, conditions nil, empty and set, dates of every anchor and
// of grains from season to day, a statement with no calendar date, and ties
// on date within and across documents. Their document IDs are "d1", "d2"
// and "d3": short stand-ins for content hashes, in the order ties break.
func Fixtures() []*redline.Extraction {
	return []*redline.Extraction{fixture1(), fixture2(), fixture3()}
}

func fixture1() *redline.Extraction {
	const text = `Supreme Leader Ali Khamenei said on 7 February 2025: "Negotiating with America is not smart, wise or honourable." ` +
		`Foreign Minister Abbas Araghchi said Iran was ready to negotiate if sanctions were lifted. ` +
		`Meanwhile, secret talks with Washington continued in Muscat. The United States imposed new sanctions on Iran.`
	x := &redline.Extraction{Doc: redline.Document{
		ID: "d1", Path: "news/2025-02-07-khamenei.txt", Source: "Reuters", URL: "https://example.com/khamenei",
		Title: "Khamenei rejects talks", Published: date("2025-02-07", redline.GrainDay, ""), Text: text,
	}}
	x.Times = []redline.TimeExpr{
		{Text: "7 February 2025", Span: span(text, "7 February 2025"), Value: "2025-02-07", Grain: redline.GrainDay,
			Type: redline.TimeDate, Anchor: redline.AnchorNone},
	}
	x.Statements = []redline.Statement{{
		Sentence: 0, Speaker: khamenei, Said: date("2025-02-07", redline.GrainDay, redline.AnchorSentence),
		Kind: redline.QuoteDirect, Cue: "said", Text: "Negotiating with America is not smart, wise or honourable.",
		SpeakerSpan: ptr(span(text, "Khamenei")), CueSpan: ptr(span(text, "said")),
		Span: span(text, "Negotiating with America"), Topic: "negotiate", Target: ref(usa),
		Stance: redline.StanceAgainst, Score: -0.9, Commitment: redline.CommitAbsolute,
	}, {
		Sentence: 1, Speaker: araghchi, Said: date("2025-02-07", redline.GrainDay, redline.AnchorPublished),
		Kind: redline.QuoteIndirect, Cue: "said", Text: "Iran was ready to negotiate if sanctions were lifted",
		Span: span(text, "Iran was ready"), Topic: "negotiate", Stance: redline.StanceFavor, Score: 0.5,
		Commitment: redline.CommitHedged, Conditions: []string{"if sanctions were lifted"}, Promise: true,
	}}
	x.Events = []redline.Event{{
		Sentence: 2, Actor: iran, Target: ref(usa), Verb: "talks", CAMEO: "040", PLOVER: "CONSULT",
		Date: date("2025-02", redline.GrainMonth, redline.AnchorNarrative), Mode: redline.ModeCovert,
		Goldstein: 1, Quad: redline.QuadVerbalCooperation,
		Text: "secret talks with Washington continued", Span: span(text, "secret talks with Washington continued"),
	}, {
		Sentence: 3, Actor: usa, Target: ref(iran), Verb: "imposed", CAMEO: "163", PLOVER: "SANCTION",
		Date: date("2025-02-07", redline.GrainDay, redline.AnchorPublished), Mode: redline.ModePublic,
		Goldstein: -8, Quad: redline.QuadMaterialConflict,
		Text: "The United States imposed new sanctions on Iran.", Span: span(text, "The United States imposed"),
	}}
	return x
}

func fixture2() *redline.Extraction {
	const text = `Ayatollah Khamenei told air force commanders in February 2013 that talks with the United States would not solve anything. ` +
		`"You are pointing a gun at Iran and saying you want to negotiate," he said. ` +
		`In 2013 the sides held covert negotiations in Oman, and Khamenei rejected direct talks. A new round was due in July.`
	x := &redline.Extraction{Doc: redline.Document{
		ID: "d2", Path: "archive/2013.md", Title: "Khamenei, 2013",
		Published: date("2013-02-07", redline.GrainDay, ""), Text: text,
	}}
	x.Times = []redline.TimeExpr{
		{Text: "February 2013", Span: span(text, "February 2013"), Value: "2013-02", Grain: redline.GrainMonth,
			Type: redline.TimeDate, Anchor: redline.AnchorNone},
		{Text: "In 2013", Span: span(text, "In 2013"), Value: "2013", Grain: redline.GrainYear,
			Type: redline.TimeDate, Mod: "START", Anchor: redline.AnchorNone},
	}
	x.Statements = []redline.Statement{{
		Sentence: 0, Speaker: khamenei, Said: date("2013-02", redline.GrainMonth, redline.AnchorSentence),
		Kind: redline.QuoteIndirect, Cue: "told", Text: "talks with the United States would not solve anything",
		Span: span(text, "talks with the United States"), Topic: "negotiate", Target: ref(usa),
		Stance: redline.StanceAgainst, Score: -0.7, Commitment: redline.CommitFirm,
	}, {
		Sentence: 1, Speaker: khamenei, Said: date("2013-02-07", redline.GrainDay, redline.AnchorPublished),
		Kind: redline.QuoteDirect, Cue: "said", Text: "You are pointing a gun at Iran and saying you want to negotiate,",
		Span: span(text, "You are pointing"), Topic: "negotiate", Target: ref(usa),
		Stance: redline.StanceAgainst, Score: -0.6, Commitment: redline.CommitFirm, Conditions: []string{},
	}}
	x.Events = []redline.Event{{
		Sentence: 2, Actor: iran, Target: ref(usa), Verb: "held", CAMEO: "043", PLOVER: "CONSULT",
		Date: date("2013", redline.GrainYear, redline.AnchorSentence), Mode: redline.ModeCovert,
		Goldstein: 2.8, Quad: redline.QuadVerbalCooperation,
		Text: "the sides held covert negotiations in Oman", Span: span(text, "the sides held"),
	}, {
		Sentence: 2, Actor: khamenei, Verb: "rejected", CAMEO: "125", PLOVER: "REJECT",
		Date: date("2013-02", redline.GrainMonth, redline.AnchorNarrative), Mode: redline.ModePublic,
		Goldstein: -5, Quad: redline.QuadVerbalConflict,
		Text: "Khamenei rejected direct talks", Span: span(text, "Khamenei rejected"),
	}}
	x.Deadlines = []redline.Deadline{{
		Sentence: 3, Action: "talks", Date: date("2013-07", redline.GrainMonth, redline.AnchorDocument),
		Text: "due in July", Span: span(text, "due in July"),
	}}
	return x
}

func fixture3() *redline.Extraction {
	const text = `President Donald Trump warned that Iran would face bombing if it did not make a deal. ` +
		`European powers could trigger the snapback before the October deadline. ` +
		`Iran threatened to leave the NPT if snapback occurs.`
	x := &redline.Extraction{Doc: redline.Document{
		ID: "d3", Source: "AP", Title: "Snapback looms",
		Published: date("2025-03", redline.GrainMonth, redline.AnchorNone), Text: text,
	}}
	x.Times = []redline.TimeExpr{
		{Text: "October", Span: span(text, "October"), Value: "2025-10", Grain: redline.GrainMonth,
			Type: redline.TimeDate, Anchor: redline.AnchorDocument},
		{Text: "deadline", Span: span(text, "deadline"), Value: "FUTURE_REF",
			Type: redline.TimeDate, Anchor: redline.AnchorDocument},
	}
	x.Statements = []redline.Statement{{
		Sentence: 2, Speaker: iran, Said: date("2025-02-07", redline.GrainDay, redline.AnchorPublished),
		Kind: redline.QuoteIndirect, Cue: "threatened", Text: "to leave the NPT if snapback occurs",
		Span: span(text, "to leave the NPT"), Topic: "withdraw", Target: ref(e3),
		Stance: redline.StanceFavor, Score: 0.6, Commitment: redline.CommitFirm,
		Conditions: []string{"if snapback occurs", "before the October deadline"}, Threat: true,
	}, {
		Sentence: 0, Speaker: trump, Said: date("2025-W10", redline.GrainWeek, redline.AnchorDocument),
		Kind: redline.QuoteIndirect, Cue: "warned", Text: "Iran would face bombing if it did not make a deal",
		Span: span(text, "Iran would face"), Topic: "attack", Target: ref(iran),
		Stance: redline.StanceFavor, Score: 0.8, Commitment: redline.CommitFirm,
		Conditions: []string{"if it did not make a deal"}, Threat: true,
	}, {
		Sentence: 1, Speaker: britain, Said: redline.Date{Value: "PRESENT_REF", Anchor: redline.AnchorDocument},
		Kind: redline.QuoteIndirect, Text: "European powers could trigger the snapback",
		Span: span(text, "European powers could"), Topic: "sanction", Target: ref(iran),
		Stance: redline.StanceNeutral, Commitment: redline.CommitNone,
	}}
	x.Events = []redline.Event{{
		Sentence: 2, Actor: iran, Target: ref(e3), Verb: "threatened", CAMEO: "138", PLOVER: "THREATEN",
		Date: date("2025-02-07", redline.GrainDay, redline.AnchorPublished), Mode: redline.ModePublic,
		Goldstein: -7, Quad: redline.QuadVerbalConflict,
		Text: "Iran threatened to leave the NPT", Span: span(text, "Iran threatened"),
	}, {
		Sentence: 1, Actor: e3, Target: ref(iran), Verb: "trigger", CAMEO: "163", PLOVER: "SANCTION",
		Date: date("2025-SU", redline.GrainSeason, redline.AnchorSentence), Mode: redline.ModeHypothetical,
		Goldstein: -8, Quad: redline.QuadMaterialConflict,
		Text: "European powers could trigger the snapback", Span: span(text, "European powers could"),
	}}
	x.Deadlines = []redline.Deadline{{
		Sentence: 1, Action: "snapback", Date: date("2025-10", redline.GrainMonth, redline.AnchorDocument),
		Actor: ref(e3), Text: "the October deadline", Span: span(text, "the October deadline"),
	}}
	return x
}

func ptr(s redline.Span) *redline.Span { return &s }
