package event_test

import (
	"os"
	"sort"
	"testing"

	"gopkg.in/yaml.v3"

	"redline"
	"redline/dict"
	"redline/extract"
)

// modeCase is one sentence of testdata/modes.yaml and its expected events.
type modeCase struct {
	Text   string `yaml:"text"`
	Events []struct {
		Actor  string `yaml:"actor"`
		Target string `yaml:"target"`
		PLOVER string `yaml:"plover"`
		Mode   string `yaml:"mode"`
	} `yaml:"events"`
}

// modeFloors are the per-mode precision and recall the suite must keep, a
// few points below what the coder reaches.
var modeFloors = map[redline.Mode][2]float64{
	redline.ModePublic:       {0.95, 0.95},
	redline.ModeCovert:       {0.95, 0.95},
	redline.ModeAlleged:      {0.95, 0.95},
	redline.ModeNegated:      {0.95, 0.95},
	redline.ModeFuture:       {0.95, 0.95},
	redline.ModeHypothetical: {0.95, 0.95},
}

func TestModes(t *testing.T) {
	b, err := os.ReadFile("testdata/modes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var cases []modeCase
	if err := yaml.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) < 150 {
		t.Errorf("modes.yaml has %d sentences, want at least 150", len(cases))
	}
	p, err := extract.Load(dict.FS)
	if err != nil {
		t.Fatal(err)
	}
	gold, sys, hit := map[redline.Mode]int{}, map[redline.Mode]int{}, map[redline.Mode]int{}
	for _, c := range cases {
		doc := redline.Document{Text: c.Text}
		evs := p.Run(&doc).Events
		for _, e := range evs {
			sys[e.Mode]++
		}
		if len(evs) > len(c.Events) {
			t.Logf("extra events in %q: got %s", c.Text, brief(evs))
		}
		for _, w := range c.Events {
			mode := redline.Mode(w.Mode)
			gold[mode]++
			if found(evs, w.Actor, w.Target, w.PLOVER, mode) {
				hit[mode]++
			} else {
				t.Logf("missed %s %s>%s %s in %q: got %s", w.Mode, w.Actor, w.Target, w.PLOVER, c.Text, brief(evs))
			}
		}
	}
	checkModes(t, gold, sys, hit)
}

func checkModes(t *testing.T, gold, sys, hit map[redline.Mode]int) {
	t.Helper()
	modes := make([]string, 0, len(modeFloors))
	for m := range modeFloors {
		modes = append(modes, string(m))
	}
	sort.Strings(modes)
	for _, name := range modes {
		m := redline.Mode(name)
		p, r := ratio(hit[m], sys[m]), ratio(hit[m], gold[m])
		t.Logf("%-12s gold %3d system %3d correct %3d  P %.3f  R %.3f", m, gold[m], sys[m], hit[m], p, r)
		if f := modeFloors[m]; p < f[0] || r < f[1] {
			t.Errorf("mode %s: P %.3f R %.3f, want at least %.2f and %.2f", m, p, r, f[0], f[1])
		}
	}
}

func found(evs []redline.Event, actor, target, plover string, mode redline.Mode) bool {
	for _, e := range evs {
		tgt := ""
		if e.Target != nil {
			tgt = e.Target.ID
		}
		if e.Actor.ID == actor && (target == "" || tgt == target) && e.PLOVER == plover && e.Mode == mode {
			return true
		}
	}
	return false
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func brief(evs []redline.Event) string {
	s := "["
	for _, e := range evs {
		tgt := "-"
		if e.Target != nil {
			tgt = e.Target.ID
		}
		s += " " + e.Actor.ID + ">" + tgt + " " + e.CAMEO + " " + e.PLOVER + " " + string(e.Mode)
	}
	return s + " ]"
}
