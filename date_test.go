package redline

import (
	"encoding/json"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in    string
		grain Grain
		start string
		end   string
	}{
		{"2013", GrainYear, "2013-01-01", "2014-01-01"},
		{"2013-02", GrainMonth, "2013-02-01", "2013-03-01"},
		{"2025-02-07", GrainDay, "2025-02-07", "2025-02-08"},
		{"2013-Q1", GrainQuarter, "2013-01-01", "2013-04-01"},
		{"2013-Q4", GrainQuarter, "2013-10-01", "2014-01-01"},
		{"2014-SU", GrainSeason, "2014-06-01", "2014-09-01"},
		{"2014-WI", GrainSeason, "2013-12-01", "2014-03-01"},
		{"199X", GrainDecade, "1990-01-01", "2000-01-01"},
		{"19XX", GrainCentury, "1900-01-01", "2000-01-01"},
		{"2025-W06", GrainWeek, "2025-02-03", "2025-02-10"},
		{"2013-02-07T10:30", GrainTime, "2013-02-07", "2013-02-08"},
		{"2024-02-29", GrainDay, "2024-02-29", "2024-03-01"},
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.in)
		if err != nil {
			t.Errorf("ParseDate(%q): %v", tt.in, err)
			continue
		}
		s, e, ok := d.Interval()
		if d.Grain != tt.grain || !ok || s.Format("2006-01-02") != tt.start || e.Format("2006-01-02") != tt.end {
			t.Errorf("ParseDate(%q) = %s [%s, %s) ok=%v, want %s [%s, %s)", tt.in, d.Grain,
				s.Format("2006-01-02"), e.Format("2006-01-02"), ok, tt.grain, tt.start, tt.end)
		}
	}
	for _, bad := range []string{"", "13", "2013-13", "2023-02-29", "2013-Q5", "PRESENT_REF", "P3Y", "2013-XX", "abcd"} {
		if d, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) = %+v, want an error", bad, d)
		}
	}
}

func TestDateOverlapsAndCompare(t *testing.T) {
	d := func(v string) Date { x, _ := ParseDate(v); return x }
	if !d("2013-02").Overlaps(d("2013")) || d("2013-02").Overlaps(d("2014")) || !d("199X").Overlaps(d("1995-05-05")) {
		t.Error("Overlaps wrong across grains")
	}
	if d("2013").Compare(d("2013-01-01")) >= 0 {
		t.Error("a year should sort before its first day")
	}
	if d("2013-02").Compare(d("2013-01-31")) <= 0 {
		t.Error("February should sort after 31 January")
	}
}

func TestSpanJSON(t *testing.T) {
	b, err := json.Marshal(Span{3, 9})
	if err != nil || string(b) != "[3,9]" {
		t.Fatalf("Marshal(Span{3,9}) = %s, %v", b, err)
	}
	var s Span
	if err := json.Unmarshal([]byte("[4,7]"), &s); err != nil || s != (Span{4, 7}) {
		t.Errorf("Unmarshal([4,7]) = %v, %v", s, err)
	}
	if err := json.Unmarshal([]byte(`"x"`), &s); err == nil {
		t.Error("Unmarshal of a string succeeded")
	}
	if got := (Span{2, 99}).In("short"); got != "" {
		t.Errorf("out-of-range In = %q, want empty", got)
	}
}

func TestRoleActiveAt(t *testing.T) {
	r := Role{Title: "Supreme Leader", Of: "IRN", From: "1989-06-04"}
	at := func(s string) time.Time { x, _ := time.Parse("2006-01-02", s); return x }
	if r.ActiveAt(at("1989-06-03")) || !r.ActiveAt(at("1989-06-04")) || !r.ActiveAt(at("2025-02-07")) {
		t.Error("ActiveAt bounds wrong")
	}
}

func TestDocumentID(t *testing.T) {
	if DocumentID("a") == DocumentID("b") || len(DocumentID("a")) != 32 {
		t.Errorf("DocumentID = %q", DocumentID("a"))
	}
}

func TestProblemList(t *testing.T) {
	var l ProblemList
	l.Add("verbs/b.yaml", 3, "bad %s", "quad")
	l.Add("actors/a.yaml", 9, "late")
	l.Add("actors/a.yaml", 0, "unreadable")
	l.Sort()
	want := "actors/a.yaml: unreadable\nactors/a.yaml:9: late\nverbs/b.yaml:3: bad quad"
	if got := l.Error(); got != want {
		t.Errorf("ProblemList.Error() = %q, want %q", got, want)
	}
}

func TestAppendLower(t *testing.T) {
	for in, want := range map[string]string{"Khamenei SAID": "khamenei said", "already lower": "already lower", "ÉLYSÉE": "élysée", "": ""} {
		if got := string(AppendLower(nil, in)); got != want {
			t.Errorf("AppendLower(%q) = %q, want %q", in, got, want)
		}
	}
	var buf [16]byte
	if n := testing.AllocsPerRun(100, func() { _ = AppendLower(buf[:0], "Negotiations") }); n != 0 {
		t.Errorf("AppendLower into a large enough buffer allocated %v times", n)
	}
}
