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
