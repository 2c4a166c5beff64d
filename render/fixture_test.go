package render

import (
	"testing"

	"redline"
	"redline/analysis"
)

var (
	khamenei = redline.ActorRef{ID: "ali-khamenei", Name: "Ali Khamenei"}
	trump    = redline.ActorRef{ID: "donald-trump", Name: "Donald Trump"}
	iran     = redline.ActorRef{ID: "IRN", Name: "Iran"}
	usa      = redline.ActorRef{ID: "USA", Name: "United States"}
)

// MustDate parses a TimeML calendar value or fails the test.
func MustDate(tb testing.TB, v string) redline.Date {
	tb.Helper()
	d, err := redline.ParseDate(v)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// statements returns a small record of the Iran and United States case.
func statements(tb testing.TB) []redline.Statement {
	tb.Helper()
	st := func(who redline.ActorRef, said string, stance redline.Stance, score float64, c redline.Commitment, text, doc string, sent int) redline.Statement {
		return redline.Statement{Doc: doc, Sentence: sent, Speaker: who, Said: MustDate(tb, said), Kind: redline.QuoteIndirect,
			Text: text, Topic: "negotiate", Target: &usa, Stance: stance, Score: score, Commitment: c}
	}
	out := []redline.Statement{
		st(khamenei, "2013-02-07", redline.StanceFavor, 0.6, redline.CommitNone,
			"drawing Iran into negotiations was the new card Washington wanted to play", "67335d2f35e55bb078d2726d50856930", 5),
		st(khamenei, "2013-03", redline.StanceAgainst, -0.9, redline.CommitAbsolute,
			"negotiating with America would not solve anything | `ever`", "ae9a53ff8b2f38dddb19ef9282baf508", 4),
		st(khamenei, "2025-02-07", redline.StanceAgainst, -0.4, redline.CommitHedged,
			"negotiation with America is not smart, wise or honourable", "c5cbc7e66371f906a44ecc2bed5a1d0d", 3),
		st(trump, "2025-02-04", redline.StanceFavor, 0.8, redline.CommitFirm,
			"I would rather make a deal with Iran", "c5cbc7e66371f906a44ecc2bed5a1d0d", 1),
	}
	out[3].Target = &iran
	return out
}

func events(tb testing.TB) []redline.Event {
	tb.Helper()
	return []redline.Event{
		{Doc: "5f2328949ad69d4a185ff4ba7695e9bd", Sentence: 20, Actor: iran, Target: &usa, Verb: "negotiate", CAMEO: "046",
			PLOVER: "CONSULT", Date: MustDate(tb, "2013-03"), Mode: redline.ModeCovert, Goldstein: 7, Quad: 1, Text: "meeting secretly in Oman"},
		{Doc: "45625f0cab73ff277f017a0fbdf6c528", Sentence: 2, Actor: usa, Target: &iran, Verb: "sanction", CAMEO: "163",
			PLOVER: "SANCTION", Date: MustDate(tb, "2018-05-08"), Mode: redline.ModePublic, Goldstein: -8, Quad: 4, Text: "reimposed sanctions"},
	}
}

// fixture returns a small hand-built report. Every field is written out,
// so the golden files do not change when the analyses do.
func fixture(tb testing.TB) *analysis.Report {
	tb.Helper()
	sts, evs := statements(tb), events(tb)
	entry := func(st *redline.Statement) analysis.Entry {
		return analysis.Entry{Date: st.Said, Kind: "statement", Actor: st.Speaker, Target: st.Target, Topic: st.Topic,
			Stance: st.Stance, Text: st.Text, Doc: st.Doc, Sentence: st.Sentence, Statement: st}
	}
	event := func(ev *redline.Event) analysis.Entry {
		return analysis.Entry{Date: ev.Date, Kind: "event", Actor: ev.Actor, Target: ev.Target, Topic: ev.Verb,
			Mode: ev.Mode, CAMEO: ev.CAMEO, Text: ev.Text, Doc: ev.Doc, Sentence: ev.Sentence, Event: ev}
	}
	unknown := analysis.Entry{Kind: "statement", Actor: redline.ActorRef{Name: "a senior diplomat"},
		Stance: redline.StanceNeutral, Text: "the door\nremains open", Doc: "d7821d732d04351fe3cdb26178a566f8", Sentence: 14}
	return &analysis.Report{
		Counts:    redline.Counts{Documents: 5, Statements: 5, Events: 2, Times: 9, Deadlines: 1},
		Timeline:  []analysis.Entry{entry(&sts[0]), entry(&sts[1]), event(&evs[0]), event(&evs[1]), entry(&sts[3]), entry(&sts[2]), unknown},
		Reversals: []analysis.Reversal{{Speaker: khamenei, Topic: "negotiate", Target: &usa, Before: sts[0], After: sts[1], Days: 22}},
		Gaps: []analysis.Gap{{Statement: sts[1], Event: evs[0],
			Explanation: "Ali Khamenei spoke against negotiate with United States (2013-03) while Iran's covert negotiate with United States is dated 2013-03."}},
		Deadlines: []redline.Deadline{{Doc: "c5cbc7e66371f906a44ecc2bed5a1d0d", Sentence: 6, Action: "snapback", Date: MustDate(tb, "2025-10"),
			Actor: &usa, Text: "the October snapback deadline"}},
	}
}

// fixtureOptions are the options the golden files are rendered with.
var fixtureOptions = Options{Title: "Iran and the United States", Database: "testdata/demo.db", Generated: "2025-02-10 09:00 UTC"}
