package http

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"redline"
	"redline/ingest"
)

// Stored says what became of one uploaded document.
type Stored struct {
	ID         string              `json:"id"`
	Title      string              `json:"title,omitempty"`
	Created    bool                `json:"created"`
	Statements int                 `json:"statements"`
	Events     int                 `json:"events"`
	Times      int                 `json:"times"`
	Deadlines  int                 `json:"deadlines"`
	URL        string              `json:"url"`
	Extraction *redline.Extraction `json:"extraction,omitempty"`
}

// upload describes documents sent to be stored.
type upload struct {
	data                     []byte
	name, title, url, source string
	date                     time.Time
}

// read reads the documents of an upload, sniffing the format (text with
// optional front matter, HTML or JSONL) from the first bytes.
func (u upload) read(ctx context.Context) ([]*redline.Document, error) {
	var docs []*redline.Document
	var bad []string
	err := ingest.Read(ctx, ingest.Stdin, bytes.NewReader(u.data), ingest.Options{Date: u.date}, func(d *redline.Document, err error) error {
		if err != nil {
			bad = append(bad, strings.TrimPrefix(err.Error(), "-: "))
			return nil
		}
		d.Path = u.name
		if u.title != "" {
			d.Title = u.title
		}
		if u.url != "" {
			d.URL = u.url
		}
		if u.source != "" {
			d.Source = u.source
		}
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(bad) > 0 {
		msg := strings.Join(bad, "; ")
		if strings.Contains(msg, "date") {
			msg += " (give the publication date)"
		}
		return nil, redline.Errorf(redline.EINVALID, "%s", msg)
	}
	if len(docs) == 0 {
		return nil, redline.Errorf(redline.EINVALID, "no document in the upload")
	}
	return docs, nil
}

// store extracts and, unless dry, stores each document, then moves to a
// new snapshot so that the analyses see it.
func (s *Server) store(ctx context.Context, docs []*redline.Document, dry bool) ([]Stored, error) {
	if s.Extract == nil {
		return nil, &redline.Error{Code: ENOTIMPLEMENTED, Message: "this server was started without the extraction pipeline"}
	}
	var out []Stored
	for _, d := range docs {
		x := s.Extract(d)
		st := Stored{ID: x.Doc.ID, Title: x.Doc.Title, Statements: len(x.Statements), Events: len(x.Events),
			Times: len(x.Times), Deadlines: len(x.Deadlines), URL: "/documents/" + x.Doc.ID}
		if dry {
			st.Extraction = x
		} else {
			created, err := s.Store.SaveExtraction(ctx, x)
			if err != nil {
				return nil, err
			}
			st.Created = created
			if created {
				s.metrics.stored.Add(1)
			}
		}
		out = append(out, st)
	}
	if !dry {
		if err := s.cache.refresh(ctx); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (s *Server) apiUpload(r *http.Request) (any, error) {
	if err := s.checkWrite(r, false); err != nil {
		return nil, err
	}
	q := r.URL.Query()
	u := upload{name: "upload", title: q.Get("title"), url: q.Get("url"), source: q.Get("source")}
	if v := q.Get("date"); v != "" {
		t, err := time.Parse(time.DateOnly, v)
		if err != nil {
			return nil, redline.Errorf(redline.EINVALID, "date %q: want YYYY-MM-DD", v)
		}
		u.date = t
	}
	var err error
	if u.data, err = io.ReadAll(r.Body); err != nil {
		return nil, err
	}
	docs, err := u.read(r.Context())
	if err != nil {
		return nil, err
	}
	dry, _ := strconv.ParseBool(q.Get("dry_run"))
	stored, err := s.store(r.Context(), docs, dry)
	if err != nil {
		return nil, err
	}
	return map[string]any{"documents": stored}, nil
}
