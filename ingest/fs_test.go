package ingest

import (
	"context"
	"testing"
	"testing/fstest"

	"redline"
)

func TestReadFS(t *testing.T) {
	fsys := fstest.MapFS{
		"b/two.md":      {Data: []byte("---\ndate: 2025-02-07\n---\nSecond.")},
		"a.txt":         {Data: []byte("---\ndate: 2025-02-06\n---\nFirst.")},
		".hidden/x.txt": {Data: []byte("hidden")},
		"notes.csv":     {Data: []byte("skipped")},
		"bad.txt":       {Data: []byte("")},
	}
	var paths, errs []string
	err := ReadFS(context.Background(), fsys, ".", Options{}, func(d *redline.Document, err error) error {
		if err != nil {
			errs = append(errs, err.Error())
			return nil
		}
		paths = append(paths, d.Path+"="+d.Text)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 2 || paths[0] != "a.txt=First." || paths[1] != "b/two.md=Second." {
		t.Errorf("ReadFS documents = %v, want a.txt then b/two.md", paths)
	}
	if len(errs) != 1 || errs[0][:8] != "bad.txt:" {
		t.Errorf("ReadFS errors = %v, want one naming bad.txt", errs)
	}
}
