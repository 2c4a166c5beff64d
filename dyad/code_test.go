package dyad

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"redline/escalation"
	"redline/reciprocity"
)

// record returns moves from a string of states, "CC CD DD", every move an
// act, in weeks labelled w1, w2, ...
func record(tb testing.TB, states string) *Moves {
	tb.Helper()
	m := &Moves{Sides: [2]string{"A", "B"}, Period: reciprocity.Week, Coding: Coding{Quiet: Carry}}
	for k, f := range strings.Fields(states) {
		if len(f) != 2 {
			tb.Fatalf("state %q", f)
		}
		m.Labels = append(m.Labels, fmt.Sprintf("w%d", k+1))
		for i := range 2 {
			a := escalation.Cooperate
			switch f[i] {
			case 'D':
				a = escalation.Defect
			case 'C':
			default:
				tb.Fatalf("state %q", f)
			}
			m.Moves[i] = append(m.Moves[i], a)
			m.Acted[i] = append(m.Acted[i], true)
		}
	}
	return m
}

// series returns a weekly series with the given net flows.
func series(ab, ba []float64) *reciprocity.Series {
	s := &reciprocity.Series{Dyad: reciprocity.Dyad{A: "A", B: "B"}, Period: reciprocity.Week}
	for k := range ab {
		s.Labels = append(s.Labels, fmt.Sprintf("w%d", k+1))
	}
	s.Start = make([]time.Time, len(ab))
	s.AB.Net, s.BA.Net = ab, ba
	s.AB.From, s.BA.From = "A", "B"
	return s
}

func show(m *Moves) string {
	var b strings.Builder
	for t := range m.Len() {
		if t > 0 {
			b.WriteByte(' ')
		}
		for i := range 2 {
			c := m.Moves[i][t].String()
			if !m.Acted[i][t] {
				c = strings.ToLower(c)
			}
			b.WriteString(c)
		}
	}
	return b.String()
}

func TestCode(t *testing.T) {
	ab := []float64{0, 4, 0, -2, 0.5, 0}
	ba := []float64{0, 0, 1, 0, -6, 0}
	tests := []struct {
		name   string
		coding Coding
		want   string // moves, lower case where read from a quiet period
		skip   int
	}{
		{"carry", Coding{}, "cC Dc CD cd", 2},
		{"carry above 1", Coding{Threshold: 1}, "dD dd", 4},
		{"cooperate", Coding{Quiet: Cooperate}, "cc Cc cC Dc CD cc", 0},
		{"cooperate above 1", Coding{Threshold: 1, Quiet: Cooperate}, "cc Cc cc Dc cD cc", 0},
	}
	for _, tt := range tests {
		m, err := Code(series(ab, ba), tt.coding)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := show(m); got != tt.want || m.Skipped != tt.skip {
			t.Errorf("%s: moves %q, %d skipped; want %q, %d", tt.name, got, m.Skipped, tt.want, tt.skip)
		}
		if m.Len() > 0 && m.Labels[0] != fmt.Sprintf("w%d", tt.skip+1) {
			t.Errorf("%s: first label %s after skipping %d", tt.name, m.Labels[0], tt.skip)
		}
	}
}

func TestCodeWithoutActs(t *testing.T) {
	tests := []struct {
		ab, ba []float64
		want   string
	}{
		{[]float64{0, 0}, []float64{0, 3}, "A did not act toward the other in any of the 2 periods"},
		{[]float64{0, 0}, []float64{0, 0}, "neither side acted toward the other in any of the 2 periods"},
		{nil, nil, "neither side acted toward the other in any of the 0 periods"},
	}
	for _, tt := range tests {
		_, err := Code(series(tt.ab, tt.ba), Coding{})
		if !errors.Is(err, ErrNoMoves) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Code(%v, %v) = %v, want %q", tt.ab, tt.ba, err, tt.want)
		}
	}
	// Reading quiet periods as cooperation always gives moves.
	if m, err := Code(series([]float64{0, 0}, []float64{0, 0}), Coding{Quiet: Cooperate}); err != nil || show(m) != "cc cc" {
		t.Errorf("cooperate: %v, %v", m, err)
	}
	for _, c := range []Coding{{Threshold: -1}, {Quiet: "guess"}} {
		if _, err := Code(series([]float64{1}, []float64{1}), c); err == nil {
			t.Errorf("Code accepted %+v", c)
		}
	}
}

func TestMovesRun(t *testing.T) {
	m := record(t, "CC DD CD DD DD")
	if s, n := m.Run(); s != DD || n != 2 {
		t.Errorf("Run() = %s, %d; want DD, 2", s, n)
	}
	if m.State(2) != CD || m.State(2).Swap() != DC || CD.A() != escalation.Cooperate || CD.B() != escalation.Defect {
		t.Error("state accessors")
	}
}
