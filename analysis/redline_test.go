package analysis

import (
	"strings"
	"testing"

	"redline"
)

var (
	araghchi = redline.ActorRef{ID: "abbas-araghchi", Name: "Abbas Araghchi"}
	rubio    = redline.ActorRef{ID: "marco-rubio", Name: "Marco Rubio"}
	trump    = redline.ActorRef{ID: "donald-trump", Name: "Donald Trump"}
)

// sideOfTest maps the people of these tests to their states.
func sideOfTest(id string) string {
	switch id {
	case "ali-khamenei", "abbas-araghchi", "masoud-pezeshkian":
		return "IRN"
	case "marco-rubio", "donald-trump":
		return "USA"
	}
	return id
}

// said is a statement by speaker on negotiate toward target.
func said(speaker redline.ActorRef, date string, stance redline.Stance, c redline.Commitment, target *redline.ActorRef) redline.Statement {
	return redline.Statement{Doc: "d-" + date, Speaker: speaker, Said: day(date), Topic: "negotiate", Target: target,
		Stance: stance, Commitment: c, Text: "..."}
}

func talksEvent(actor, target redline.ActorRef, date string, mode redline.Mode, cameo string) redline.Event {
	return redline.Event{Doc: "e-" + date, Actor: actor, Target: &target, Verb: "negotiate", CAMEO: cameo, Quad: 1,
		Date: day(date), Mode: mode, Text: "talks"}
}

func TestRedlines(t *testing.T) {
	ban := said(khamenei, "2018-08-13", redline.StanceAgainst, redline.CommitAbsolute, &usa)
	tests := []struct {
		name    string
		stmts   []redline.Statement
		evs     []redline.Event
		status  string
		history int
		obp     bool
	}{
		{"nothing later: held", nil, nil, StatusHeld, 0, false},
		{"restated firmly: reaffirmed", []redline.Statement{said(khamenei, "2019-01-02", redline.StanceAgainst, redline.CommitFirm, &usa)}, nil, StatusReaffirmed, 1, false},
		{"restated with a hedge: softened", []redline.Statement{said(khamenei, "2019-01-02", redline.StanceAgainst, redline.CommitHedged, &usa)}, nil, StatusSoftened, 1, false},
		{"spoke for talks: softened", []redline.Statement{said(khamenei, "2025-04-15", redline.StanceFavor, redline.CommitNone, &usa)}, nil, StatusSoftened, 1, false},
		{"softened, then reaffirmed", []redline.Statement{said(khamenei, "2025-04-15", redline.StanceFavor, redline.CommitNone, &usa),
			said(khamenei, "2025-09-23", redline.StanceAgainst, redline.CommitFirm, &usa)}, nil, StatusReaffirmed, 2, false},
		{"a restatement outweighs nuance on the same occasion", []redline.Statement{said(khamenei, "2019-01-02", redline.StanceFavor, redline.CommitNone, &usa),
			said(khamenei, "2019-01-02", redline.StanceAgainst, redline.CommitFirm, &usa)}, nil, StatusReaffirmed, 1, false},
		{"favourable words on the same day are one occasion", []redline.Statement{said(khamenei, "2018-08-13", redline.StanceFavor, redline.CommitNone, &usa)}, nil, StatusHeld, 0, false},
		{"neutral words soften nothing", []redline.Statement{said(khamenei, "2019-01-02", redline.StanceNeutral, redline.CommitHedged, &usa)}, nil, StatusHeld, 0, false},
		{"favour toward another target", []redline.Statement{said(khamenei, "2019-01-02", redline.StanceFavor, redline.CommitFirm, &israel)}, nil, StatusHeld, 0, false},
		{"covert talks by his side: crossed, opposed but permitted", nil, []redline.Event{talksEvent(iran, usa, "2019-03-03", redline.ModeCovert, "046")}, StatusCrossed, 1, true},
		{"the other party's meeting with his side counts", nil, []redline.Event{talksEvent(usa, iran, "2019-03-03", redline.ModeAlleged, "046")}, StatusCrossed, 1, true},
		{"talks in the same year overlap at their grains", nil, []redline.Event{talksEvent(iran, usa, "2018", redline.ModeCovert, "046")}, StatusCrossed, 1, true},
		{"talks before the red line", nil, []redline.Event{talksEvent(iran, usa, "2018-08-01", redline.ModeCovert, "046")}, StatusHeld, 0, false},
		{"talks with another target", nil, []redline.Event{talksEvent(iran, israel, "2019-03-03", redline.ModeCovert, "046")}, StatusHeld, 0, false},
		{"talks between two other states", nil, []redline.Event{talksEvent(usa, israel, "2019-03-03", redline.ModePublic, "046")}, StatusHeld, 0, false},
		{"negated talks did not happen", nil, []redline.Event{talksEvent(iran, usa, "2019-03-03", redline.ModeNegated, "046")}, StatusHeld, 0, false},
		{"future talks have not happened", nil, []redline.Event{talksEvent(iran, usa, "2019-03-03", redline.ModeFuture, "046")}, StatusHeld, 0, false},
		{"an intent to talk is words, not a deed", nil, []redline.Event{talksEvent(iran, usa, "2019-03-03", redline.ModePublic, "036")}, StatusHeld, 0, false},
		{"his foreign minister commits to talks: crossed", []redline.Statement{said(araghchi, "2025-04-12", redline.StanceFavor, redline.CommitFirm, &usa)}, nil, StatusCrossed, 1, false},
		{"his foreign minister's reported view does not cross", []redline.Statement{said(araghchi, "2025-04-12", redline.StanceFavor, redline.CommitNone, &usa)}, nil, StatusHeld, 0, false},
		{"his foreign minister's hedge does not cross", []redline.Statement{said(araghchi, "2025-04-12", redline.StanceFavor, redline.CommitHedged, &usa)}, nil, StatusHeld, 0, false},
		{"a speaker of the other side does not cross", []redline.Statement{said(rubio, "2025-04-12", redline.StanceFavor, redline.CommitFirm, &iran)}, nil, StatusHeld, 0, false},
		{"crossed is final", []redline.Statement{said(khamenei, "2020-01-02", redline.StanceAgainst, redline.CommitFirm, &usa)},
			[]redline.Event{talksEvent(iran, usa, "2019-03-03", redline.ModeCovert, "046")}, StatusCrossed, 1, true},
		{"reaffirmed, then crossed", []redline.Statement{said(khamenei, "2019-01-02", redline.StanceAgainst, redline.CommitFirm, &usa)},
			[]redline.Event{talksEvent(iran, usa, "2019-03-03", redline.ModeCovert, "046")}, StatusCrossed, 2, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Redlines(append([]redline.Statement{ban}, tt.stmts...), tt.evs, sideOfTest)
			if len(got) == 0 || got[0].Statement.Said.Value != "2018-08-13" {
				t.Fatalf("Redlines = %+v, want the ban of 2018-08-13 first", got)
			}
			rl := got[0]
			if rl.Status != tt.status || len(rl.History) != tt.history || rl.OpposedButPermitted != tt.obp {
				t.Errorf("Redlines[0] = %s, %d changes, opposed but permitted %v; want %s, %d, %v: %+v",
					rl.Status, len(rl.History), rl.OpposedButPermitted, tt.status, tt.history, tt.obp, rl.History)
			}
			for _, c := range rl.History {
				if c.Explanation == "" || (c.Statement == nil) == (c.Event == nil) {
					t.Errorf("change %+v must cite one record and explain itself", c)
				}
			}
			if rl.History == nil || rl.FollowUps == nil {
				t.Error("lists must not be nil")
			}
		})
	}
}

func TestRedlinesWhichStatements(t *testing.T) {
	threat := said(trump, "2025-04-07", redline.StanceFavor, redline.CommitFirm, &iran)
	threat.Topic, threat.Threat = "attack", true
	tests := []struct {
		name string
		st   redline.Statement
		want int
	}{
		{"firm rejection", said(khamenei, "2025-02-07", redline.StanceAgainst, redline.CommitFirm, &usa), 1},
		{"hedged rejection", said(khamenei, "2025-02-07", redline.StanceAgainst, redline.CommitHedged, &usa), 0},
		{"reported rejection with no commitment", said(khamenei, "2025-02-07", redline.StanceAgainst, redline.CommitNone, &usa), 0},
		{"firm favour is no red line", said(khamenei, "2025-02-07", redline.StanceFavor, redline.CommitFirm, &usa), 0},
		{"firm threat", threat, 1},
		{"speaker outside the dictionary", said(redline.ActorRef{Name: "an official"}, "2025-02-07", redline.StanceAgainst, redline.CommitFirm, &usa), 0},
		{"no topic", redline.Statement{Speaker: khamenei, Said: day("2025-02-07"), Stance: redline.StanceAgainst, Commitment: redline.CommitFirm}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Redlines([]redline.Statement{tt.st}, nil, sideOfTest); len(got) != tt.want {
				t.Errorf("Redlines = %d red lines, want %d", len(got), tt.want)
			}
		})
	}
}

func TestRedlinesThreatIsNotCrossedByItsOwnSide(t *testing.T) {
	threat := said(trump, "2025-04-07", redline.StanceFavor, redline.CommitFirm, &iran)
	threat.Topic, threat.Threat = "attack", true
	strike := redline.Event{Actor: usa, Target: &iran, Verb: "attack", CAMEO: "190", Quad: 4, Date: day("2025-06-22"), Mode: redline.ModePublic}
	got := Redlines([]redline.Statement{threat}, []redline.Event{strike}, sideOfTest)
	if len(got) != 1 || got[0].Status != StatusHeld {
		t.Errorf("Redlines = %+v, want the threat held: carrying out a threat does not cross it", got)
	}
}

func TestRedlinesWithoutTarget(t *testing.T) {
	line := redline.Statement{Doc: "nk", Speaker: trump, Said: day("2017-09-22"), Topic: "attack",
		Stance: redline.StanceAgainst, Commitment: redline.CommitAbsolute}
	about := redline.Event{Doc: "nk", Actor: redline.ActorRef{ID: "PRK", Name: "North Korea"}, Verb: "test-weapons",
		CAMEO: "150", Quad: 4, Date: day("2017-09-03"), Mode: redline.ModePublic}
	strike := func(target redline.ActorRef) redline.Event {
		return redline.Event{Doc: "other", Actor: usa, Target: &target, Verb: "attack", CAMEO: "190", Quad: 4,
			Date: day("2025-06-22"), Mode: redline.ModePublic}
	}
	tests := []struct {
		name   string
		strike redline.Event
		want   string
	}{
		{"a strike on a state its document is about", strike(redline.ActorRef{ID: "PRK", Name: "North Korea"}), StatusCrossed},
		{"a strike on a state its document never names", strike(iran), StatusHeld},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Redlines([]redline.Statement{line}, []redline.Event{about, tt.strike}, sideOfTest)
			if len(got) != 1 || got[0].Status != tt.want {
				t.Errorf("Redlines = %+v, want one red line, %s", got, tt.want)
			}
		})
	}
}

func TestRedlinesOneOccasionCountsOnce(t *testing.T) {
	a := said(khamenei, "2013-02-07", redline.StanceAgainst, redline.CommitFirm, &usa)
	b := said(khamenei, "2013-02-07", redline.StanceAgainst, redline.CommitAbsolute, &usa)
	c := said(khamenei, "2018-08-13", redline.StanceAgainst, redline.CommitAbsolute, &usa)
	got := Redlines([]redline.Statement{c, a, b}, nil, sideOfTest)
	if len(got) != 2 || got[0].Statement.Commitment != redline.CommitAbsolute || got[0].Statement.Said.Value != "2013-02-07" {
		t.Fatalf("Redlines = %+v, want 2 red lines, the absolute wording of 2013-02-07 first", got)
	}
	if got[0].Status != StatusReaffirmed || got[1].Status != StatusHeld {
		t.Errorf("statuses = %s, %s; want reaffirmed, held", got[0].Status, got[1].Status)
	}
}

func TestRedlinesFollowUps(t *testing.T) {
	ban := said(khamenei, "2018-08-13", redline.StanceAgainst, redline.CommitAbsolute, &usa)
	before := said(khamenei, "2019-01-02", redline.StanceAgainst, redline.CommitNone, &usa)
	blame := said(khamenei, "2019-04-01", redline.StanceAgainst, redline.CommitNone, nil)
	elsewhere := said(khamenei, "2019-04-02", redline.StanceFavor, redline.CommitNone, &israel)
	talks := talksEvent(iran, usa, "2019-03-03", redline.ModeCovert, "046")
	got := Redlines([]redline.Statement{ban, before, blame, elsewhere}, []redline.Event{talks}, sideOfTest)
	if len(got) != 1 || !got[0].OpposedButPermitted {
		t.Fatalf("Redlines = %+v, want one red line, opposed but permitted", got)
	}
	if f := got[0].FollowUps; len(f) != 1 || f[0].Said.Value != "2019-04-01" {
		t.Errorf("FollowUps = %+v, want only the statement of 2019-04-01", f)
	}
	if e := got[0].History[0].Explanation; !strings.Contains(e, "covert negotiate") || !strings.Contains(e, "2019-03-03") {
		t.Errorf("Explanation = %q, want the covert talks and their date", e)
	}
}
