package petrarch

import (
	"os"
	"path/filepath"
	"testing"
)

// phoenixDir holds PETRARCH-2's dictionaries and sample text, outside the
// repository.
const phoenixDir = "../../shared/data/eventcoding/petrarch2"

// loadPhoenix loads the full Phoenix dictionaries with CAMEO.2.0 and the
// sentences of the GigaWord sample, or skips.
func loadPhoenix(tb testing.TB) (*Dictionaries, []Input) {
	tb.Helper()
	fsys := os.DirFS(filepath.Join(phoenixDir, "dictionaries"))
	if _, err := os.Stat(filepath.Join(phoenixDir, "dictionaries", PhoenixFiles.Verbs)); err != nil {
		tb.Skipf("../shared/data not found: %v", err)
	}
	d, _, err := Load(fsys, PhoenixFiles)
	if err != nil {
		tb.Fatal(err)
	}
	f, err := os.Open(filepath.Join(phoenixDir, "text", "GigaWord.sample.PETR.xml"))
	if err != nil {
		tb.Skipf("../shared/data not found: %v", err)
	}
	defer f.Close()
	in, _, err := ReadInput(f)
	if err != nil {
		tb.Fatal(err)
	}
	return d, in
}

// BenchmarkPetrarchCode codes the GigaWord sample's sentences with the
// full Phoenix dictionaries; its sentences/s is the coder's throughput on
// one core, dictionaries loaded.
func BenchmarkPetrarchCode(b *testing.B) {
	d, in := loadPhoenix(b)
	c := NewCoder(d)
	var bytes int64
	for _, s := range in {
		bytes += int64(len(s.Text))
	}
	b.SetBytes(bytes)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range in {
			c.Code(s.Text, s.Date)
		}
	}
	b.ReportMetric(float64(b.N*len(in))/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkLoadPhoenix loads the full Phoenix dictionaries.
func BenchmarkLoadPhoenix(b *testing.B) {
	if _, err := os.Stat(filepath.Join(phoenixDir, "dictionaries", PhoenixFiles.Verbs)); err != nil {
		b.Skipf("../shared/data not found: %v", err)
	}
	fsys := os.DirFS(filepath.Join(phoenixDir, "dictionaries"))
	for b.Loop() {
		if _, _, err := Load(fsys, PhoenixFiles); err != nil {
			b.Fatal(err)
		}
	}
}

// TestLoadReal loads the dictionaries of the field and holds the number
// of lines they report: each is a fault in the data, explained in
// docs/quality.md and README.md; a change means the reader changed.
func TestLoadReal(t *testing.T) {
	root := filepath.Join(phoenixDir, "..")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("../shared/data not found: %v", err)
	}
	tests := []struct {
		name, dir string
		files     Files
		problems  int
	}{
		{"Phoenix", "petrarch2/dictionaries", PhoenixFiles, 34},
		{"PETR.Validate", "petrarch2/dictionaries", Files{Verbs: "PETR.Validate.verbs.txt", Actors: []string{"PETR.Validate.actors.txt"},
			Agents: []string{"PETR.Validate.agents.txt"}, Discards: "PETR.Validate.discards.txt"}, 0},
		{"UD-PETRARCH", "upetrarch/validate", Files{Verbs: "PETR_Validate_verbs_2_02.txt", Actors: []string{"PETR_Validate_actors_2_02.txt"},
			Agents: []string{"PETR_Validate_agents_2_02.txt"}, Discards: "PETR_Validate_discards_2_02.txt",
			Ontology: "PETR_Validate_Internal_Coding_Ontology_1_01.txt"}, 7},
		{"TABARI", "tabari", Files{Verbs: "TABARI.Demo.verbs", Actors: []string{"TABARI.Demo.actors"}, Agents: []string{"Validate.agents"}, TABARI: true}, 1},
	}
	for _, tt := range tests {
		d, probs, err := Load(os.DirFS(filepath.Join(root, tt.dir)), tt.files)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		t.Logf("%s: %d actors, %d agents, %d verb blocks, %d synsets, %d discards, %d issue codes",
			tt.name, len(d.Actors.List), len(d.Agents.List), len(d.Verbs.Blocks), len(d.Verbs.Synsets), len(d.Discards.Phrases), len(d.Issues.Codes))
		if len(probs) != tt.problems {
			t.Errorf("%s: %d problems, want %d:\n%v", tt.name, len(probs), tt.problems, probs)
		}
	}
}
