package analysis

import (
	"testing"
	"time"

	"redline"
)

var (
	khamenei = redline.ActorRef{ID: "ali-khamenei", Name: "Ali Khamenei"}
	iran     = redline.ActorRef{ID: "IRN", Name: "Iran"}
	usa      = redline.ActorRef{ID: "USA", Name: "United States"}
	israel   = redline.ActorRef{ID: "ISR", Name: "Israel"}
)

func countryOf(id string) string {
	if id == "ali-khamenei" {
		return "IRN"
	}
	return id
}

func day(v string) redline.Date {
	d, err := redline.ParseDate(v)
	if err != nil {
		panic(err)
	}
	return d
}

func stmt(said string, stance redline.Stance, target *redline.ActorRef) redline.Statement {
	return redline.Statement{Speaker: khamenei, Said: day(said), Topic: "negotiate", Target: target, Stance: stance, Text: "..."}
}

func TestReversals(t *testing.T) {
	tests := []struct {
		name  string
		stmts []redline.Statement
		want  int
	}{
		{"flip within ten days", []redline.Statement{stmt("2025-01-28", redline.StanceFavor, &usa), stmt("2025-02-07", redline.StanceAgainst, &usa)}, 1},
		{"same stance", []redline.Statement{stmt("2025-01-28", redline.StanceAgainst, &usa), stmt("2025-02-07", redline.StanceAgainst, &usa)}, 0},
		{"outside the window", []redline.Statement{stmt("2024-01-28", redline.StanceFavor, &usa), stmt("2025-02-07", redline.StanceAgainst, &usa)}, 0},
		{"different target", []redline.Statement{stmt("2025-01-28", redline.StanceFavor, &israel), stmt("2025-02-07", redline.StanceAgainst, &usa)}, 0},
		{"neutral takes no side", []redline.Statement{stmt("2025-01-28", redline.StanceNeutral, &usa), stmt("2025-02-07", redline.StanceAgainst, &usa)}, 0},
		{"same day is one occasion", []redline.Statement{stmt("2025-02-07", redline.StanceFavor, &usa), stmt("2025-02-07", redline.StanceAgainst, &usa)}, 0},
		{"a day inside the month of the other", []redline.Statement{stmt("2025-02", redline.StanceFavor, &usa), stmt("2025-02-07", redline.StanceAgainst, &usa)}, 0},
		{"input order does not matter", []redline.Statement{stmt("2025-02-07", redline.StanceAgainst, &usa), stmt("2025-01-28", redline.StanceFavor, &usa)}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Reversals(tt.stmts, 90*24*time.Hour)
			if len(got) != tt.want {
				t.Fatalf("Reversals = %d, want %d: %+v", len(got), tt.want, got)
			}
			if tt.want == 1 && (got[0].Days != 10 || got[0].After.Stance != redline.StanceAgainst) {
				t.Errorf("Reversals[0] = %d days, after %s; want 10 days, after against", got[0].Days, got[0].After.Stance)
			}
		})
	}
}

func ev(actor, target redline.ActorRef, date string, mode redline.Mode) redline.Event {
	return redline.Event{Actor: actor, Target: &target, Verb: "negotiate", CAMEO: "046", Quad: 1, Date: day(date), Mode: mode, Text: "talks"}
}

func TestGaps(t *testing.T) {
	rejection := stmt("2013-02", redline.StanceAgainst, &usa)
	tests := []struct {
		name string
		st   redline.Statement
		ev   redline.Event
		want int
	}{
		{"covert talks in the same year", rejection, ev(iran, usa, "2013", redline.ModeCovert), 1},
		{"talks take two: the other side's event counts", rejection, ev(usa, iran, "2013-02-20", redline.ModeCovert), 1},
		{"a meeting contradicts a rejection of talks", rejection, redline.Event{Actor: usa, Target: &iran, Verb: "meet", CAMEO: "040", Quad: 1, Date: day("2013-02-25"), Mode: redline.ModeCovert}, 1},
		{"an intent to talk is words, not a deed", rejection, redline.Event{Actor: iran, Target: &usa, Verb: "negotiate", CAMEO: "036", Quad: 1, Date: day("2013-02-10"), Mode: redline.ModePublic}, 0},
		{"one-sided action by the other side", redline.Statement{Speaker: khamenei, Said: day("2013-02"), Topic: "sanction", Target: &usa, Stance: redline.StanceAgainst},
			redline.Event{Actor: usa, Target: &iran, Verb: "sanction", CAMEO: "163", Quad: 4, Date: day("2013-02-10"), Mode: redline.ModePublic}, 0},
		{"different target", rejection, ev(iran, israel, "2013", redline.ModeCovert), 0},
		{"dates do not overlap", rejection, ev(iran, usa, "2014-05-01", redline.ModeCovert), 0},
		{"negated event did not happen", rejection, ev(iran, usa, "2013-02-10", redline.ModeNegated), 0},
		{"favourable statement is no gap", stmt("2013-02", redline.StanceFavor, &usa), ev(iran, usa, "2013", redline.ModeCovert), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Gaps([]redline.Statement{tt.st}, []redline.Event{tt.ev}, countryOf)
			if len(got) != tt.want {
				t.Fatalf("Gaps = %d, want %d: %+v", len(got), tt.want, got)
			}
			if tt.want == 1 && got[0].Explanation == "" {
				t.Error("gap without an explanation")
			}
		})
	}
}

func TestTimelineOrder(t *testing.T) {
	stmts := []redline.Statement{stmt("2025-02-07", redline.StanceAgainst, &usa), stmt("2013-02", redline.StanceAgainst, &usa)}
	evs := []redline.Event{ev(iran, usa, "2013", redline.ModeCovert)}
	got := Timeline(stmts, evs, "")
	var dates []string
	for _, e := range got {
		dates = append(dates, e.Date.Value)
	}
	want := []string{"2013", "2013-02", "2025-02-07"}
	if len(dates) != len(want) || dates[0] != want[0] || dates[1] != want[1] || dates[2] != want[2] {
		t.Errorf("Timeline dates = %v, want %v", dates, want)
	}
	if only := Timeline(stmts, evs, "IRN"); len(only) != 1 || only[0].Kind != "event" {
		t.Errorf("Timeline for IRN = %+v, want the one event", only)
	}
}
