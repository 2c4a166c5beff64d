package eval

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"redline"
)

// ReadTE3 reads a TempEval-3 TimeML file: the plain text of its TEXT
// element with the tags stripped, the TIMEX3 inside it with offsets into
// that text, and the creation time from DCT.
func ReadTE3(path string) (*Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := readTE3(xml.NewDecoder(f))
	if err != nil {
		return nil, fmt.Errorf("%s:%w", path, err)
	}
	doc.Name = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return doc, nil
}

// te3Reader is the state of reading one TimeML document.
type te3Reader struct {
	d      *xml.Decoder
	doc    Doc
	text   strings.Builder
	inText bool
	inDCT  bool
	open   *Timex
	dct    string
}

func readTE3(d *xml.Decoder) (*Doc, error) {
	r := &te3Reader{d: d}
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line, _ := d.InputPos()
			return nil, fmt.Errorf("%d: %w", line, err)
		}
		if err := r.token(tok); err != nil {
			line, _ := d.InputPos()
			return nil, fmt.Errorf("%d: %w", line, err)
		}
	}
	if r.dct == "" {
		return nil, fmt.Errorf("%d: no creation time (DCT)", 0)
	}
	t, err := parseDCT(r.dct)
	if err != nil {
		return nil, fmt.Errorf("%d: creation time: %w", 0, err)
	}
	r.doc.DCT = t
	r.doc.Text = r.text.String()
	return &r.doc, nil
}

// token handles one XML token.
func (r *te3Reader) token(tok xml.Token) error {
	switch x := tok.(type) {
	case xml.StartElement:
		return r.start(x)
	case xml.EndElement:
		switch x.Name.Local {
		case "TEXT":
			r.inText = false
		case "DCT":
			r.inDCT = false
		case "TIMEX3":
			if r.open != nil {
				r.open.Span.End = r.text.Len()
				r.open.Text = r.text.String()[r.open.Span.Start:]
				r.doc.Timexes = append(r.doc.Timexes, *r.open)
				r.open = nil
			}
		}
	case xml.CharData:
		if r.inText {
			r.text.Write(x)
		}
	}
	return nil
}

// start handles a start tag.
func (r *te3Reader) start(x xml.StartElement) error {
	switch x.Name.Local {
	case "TEXT":
		r.inText = true
	case "DCT":
		r.inDCT = true
	case "TIMEX3":
		a := attrs(x)
		switch {
		case a["functionInDocument"] == "CREATION_TIME" || r.inDCT:
			r.dct = a["value"]
		case r.inText:
			if r.open != nil {
				return fmt.Errorf("nested TIMEX3")
			}
			r.open = &Timex{Span: redline.Span{Start: r.text.Len()}, Type: a["type"], Value: a["value"], Mod: a["mod"]}
		}
	}
	return nil
}

func attrs(x xml.StartElement) map[string]string {
	m := make(map[string]string, len(x.Attr))
	for _, a := range x.Attr {
		m[a.Name.Local] = a.Value
	}
	return m
}

// LoadTE3 reads every .tml file of dir, in name order. A file that cannot
// be read is skipped and its error, naming file and line, is returned in
// skipped; err is set only when dir cannot be walked or has no files.
func LoadTE3(dir string) (docs []*Doc, skipped []error, err error) {
	return loadDir(dir, ".tml", ReadTE3)
}

// loadDir reads the files of dir (and its subfolders) ending in ext.
func loadDir(dir, ext string, read func(string) (*Doc, error)) ([]*Doc, []error, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() && strings.HasSuffix(p, ext) {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	if len(paths) == 0 {
		return nil, nil, fmt.Errorf("%s: no %s files", dir, ext)
	}
	sort.Strings(paths)
	docs := make([]*Doc, 0, len(paths))
	var skipped []error
	for _, p := range paths {
		d, err := read(p)
		if err != nil {
			skipped = append(skipped, err)
			continue
		}
		docs = append(docs, d)
	}
	return docs, skipped, nil
}
