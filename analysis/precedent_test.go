package analysis

import (
	"strings"
	"testing"
	"time"

	"redline"
)

// precRejection is Khamenei speaking against talks with the United States.
func precRejection(said string) redline.Statement {
	return redline.Statement{Doc: "speech-" + said, Speaker: khamenei, Said: day(said), Topic: "negotiate",
		Target: &usa, Stance: redline.StanceAgainst, Text: "Negotiating with America is not wise."}
}

// precTalks is an event between two actors with a CAMEO code and quad class.
func precTalks(actor, target redline.ActorRef, date, cameo string, quad int, mode redline.Mode) redline.Event {
	verb, plover := "meet", "CONSULT"
	if strings.HasPrefix(cameo, "03") {
		verb, plover = "negotiate", "COOPERATE"
	}
	return redline.Event{Doc: "news-" + date, Actor: actor, Target: &target, Verb: verb, CAMEO: cameo, PLOVER: plover,
		Quad: quad, Date: day(date), Mode: mode, Text: "talks"}
}

// precFiller keeps the record going past every horizon in the tests.
var precFiller = redline.Event{Actor: israel, Target: &israel, Verb: "comment", CAMEO: "010", PLOVER: "COMMENT", Quad: 1,
	Date: day("2021-01-01"), Mode: redline.ModePublic}

func TestPrecedents(t *testing.T) {
	q := PrecedentQuery{Actor: "ali-khamenei", Topic: "negotiate", Stance: redline.StanceAgainst}
	meeting := precTalks(iran, usa, "2013-03-10", "040", 1, redline.ModeCovert)
	tests := []struct {
		name                   string
		q                      PrecedentQuery
		stmts                  []redline.Statement
		evs                    []redline.Event
		cases, followed, of    int
		pending, followedKinds int
	}{
		{"covert talks followed", q, []redline.Statement{precRejection("2013-02-07")}, []redline.Event{meeting, precFiller}, 1, 1, 1, 0, 1},
		{"talks take two: the other side's event counts", q, []redline.Statement{precRejection("2013-02-07")},
			[]redline.Event{precTalks(usa, iran, "2014-06", "040", 1, redline.ModePublic), precFiller}, 1, 1, 1, 0, 1},
		{"talks dated by year overlap the window", q, []redline.Statement{precRejection("2013-02-07")},
			[]redline.Event{precTalks(iran, usa, "2013", "040", 1, redline.ModeCovert), precFiller}, 1, 1, 1, 0, 1},
		{"different parties", q, []redline.Statement{precRejection("2013-02-07")},
			[]redline.Event{precTalks(iran, israel, "2013-03-10", "040", 1, redline.ModePublic), precFiller}, 1, 0, 1, 0, 0},
		{"outside the horizon", q, []redline.Statement{precRejection("2013-02-07")},
			[]redline.Event{precTalks(iran, usa, "2015-03-01", "040", 1, redline.ModePublic), precFiller}, 1, 0, 1, 0, 0},
		{"before the statement", q, []redline.Statement{precRejection("2013-02-07")},
			[]redline.Event{precTalks(iran, usa, "2013-01-20", "040", 1, redline.ModePublic), precFiller}, 1, 0, 1, 0, 0},
		{"an intent to talk is words, not a deed", q, []redline.Statement{precRejection("2013-02-07")},
			[]redline.Event{precTalks(iran, usa, "2013-03-10", "036", 1, redline.ModePublic), precFiller}, 1, 0, 1, 0, 1},
		{"negated talks did not happen", q, []redline.Statement{precRejection("2013-02-07")},
			[]redline.Event{precTalks(iran, usa, "2013-03-10", "040", 1, redline.ModeNegated), precFiller}, 1, 0, 1, 0, 0},
		{"the same speech counted once", q,
			[]redline.Statement{precRejection("2013-02-07"), precRejection("2013-02-07"), precRejection("2013-02"), precRejection("2018-08-13")},
			[]redline.Event{meeting, precFiller}, 2, 1, 2, 0, 1},
		{"too recent to tell", q, []redline.Statement{precRejection("2013-02-07"), precRejection("2019-06-01")},
			[]redline.Event{meeting, precFiller}, 2, 1, 1, 1, 1},
		{"a state matches its leader", PrecedentQuery{Actor: "IRN", Topic: "negotiate", Stance: redline.StanceAgainst},
			[]redline.Statement{precRejection("2013-02-07")}, []redline.Event{meeting, precFiller}, 1, 1, 1, 0, 1},
		{"another target", PrecedentQuery{Actor: "ali-khamenei", Topic: "negotiate", Target: "ISR"},
			[]redline.Statement{precRejection("2013-02-07")}, []redline.Event{meeting, precFiller}, 0, 0, 0, 0, 0},
		{"another stance", PrecedentQuery{Actor: "ali-khamenei", Topic: "negotiate", Stance: redline.StanceFavor},
			[]redline.Statement{precRejection("2013-02-07")}, []redline.Event{meeting, precFiller}, 0, 0, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Precedents(tt.stmts, tt.evs, tt.q, countryOf)
			if len(r.Cases) != tt.cases {
				t.Fatalf("Precedents cases = %d, want %d: %+v", len(r.Cases), tt.cases, r.Cases)
			}
			if tt.cases == 0 {
				if len(r.BaseRates) != 0 {
					t.Errorf("BaseRates = %+v, want none", r.BaseRates)
				}
				return
			}
			br := r.BaseRates[0]
			if br.PLOVER != "" || br.Followed != tt.followed || br.Of != tt.of || br.Pending != tt.pending {
				t.Errorf("BaseRates[0] = %d of %d (%d pending, plover %q), want %d of %d (%d pending)",
					br.Followed, br.Of, br.Pending, br.PLOVER, tt.followed, tt.of, tt.pending)
			}
			if got := len(r.Cases[0].Followed); got != tt.followedKinds {
				t.Errorf("Cases[0].Followed = %v, want %d categories", r.Cases[0].Followed, tt.followedKinds)
			}
		})
	}
}

func TestPrecedentsExplainsItself(t *testing.T) {
	stmts := []redline.Statement{precRejection("2013-02-07"), precRejection("2013-02-07"), precRejection("2013-03"), precRejection("2018-08-13")}
	stmts[1].Sentence = 4
	own := precTalks(iran, usa, "2013-02-07", "040", 1, redline.ModePublic)
	own.Doc, own.Sentence = stmts[1].Doc, 4 // the statement's own sentence: not what followed
	evs := []redline.Event{precTalks(usa, iran, "2013-09-27", "040", 1, redline.ModePublic), own, precFiller}
	r := Precedents(stmts, evs, PrecedentQuery{Actor: "ali-khamenei", Topic: "negotiate", Stance: redline.StanceAgainst}, countryOf)
	want := "2 of 3 rejections of negotiate were followed by negotiate within 24 months"
	if len(r.BaseRates) == 0 || r.BaseRates[0].Text != want {
		t.Fatalf("BaseRates = %+v, want first %q", r.BaseRates, want)
	}
	if got := r.BaseRates[0].Cases; len(got) != 2 || got[0] != 0 || got[1] != 1 {
		t.Errorf("BaseRates[0].Cases = %v, want [0 1]", got)
	}
	c := r.Cases[0]
	if len(c.Occasion) != 2 || len(c.Deeds) != 1 || c.Deeds[0].Date.Value != "2013-09-27" || c.Side != "IRN" || c.Counterparts[0] != "USA" {
		t.Errorf("Cases[0] = %+v", c)
	}
	if c.From.Value != "2013-02-07" || c.Until.Value != "2015-02-07" || c.Open {
		t.Errorf("Cases[0] window = %s..%s open %v, want 2013-02-07..2015-02-07 closed", c.From, c.Until, c.Open)
	}
	if r.Horizon != "24 months" || r.Cases == nil || c.Followed == nil || c.Deeds == nil {
		t.Errorf("report = %+v: lists must not be nil", r)
	}
	empty := Precedents(nil, nil, PrecedentQuery{}, nil)
	if empty.Cases == nil || empty.BaseRates == nil {
		t.Error("empty report has nil lists")
	}
}

func TestParseHorizon(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		text string
	}{
		{"24m", DefaultHorizon, "24 months"},
		{"2y", DefaultHorizon, "24 months"},
		{"12m", oneYear, "12 months"},
		{"1m", oneMonth, "1 month"},
		{"90d", 90 * oneDay, "90 days"},
		{"6w", 42 * oneDay, "42 days"},
		{" 3M ", 3 * oneMonth, "3 months"},
	}
	for _, tt := range tests {
		got, err := ParseHorizon(tt.in)
		if err != nil || got != tt.want || FormatHorizon(got) != tt.text {
			t.Errorf("ParseHorizon(%q) = %v (%s), %v; want %v (%s)", tt.in, got, FormatHorizon(got), err, tt.want, tt.text)
		}
	}
	for _, bad := range []string{"", "m", "24", "24h", "-3m", "0d", "x2y", "1.5y", "99999999999999y"} {
		if got, err := ParseHorizon(bad); err == nil {
			t.Errorf("ParseHorizon(%q) = %v, want an error", bad, got)
		}
	}
}
