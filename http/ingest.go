package http

import (
	"errors"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"redline"
)

// ingestView is the ingest page: the form, and after a preview what was
// extracted from each document, ready to store.
type ingestView struct {
	Title, Date, URL, Source, Text string
	NeedToken                      bool
	Enabled                        bool
	Error                          string
	Previews                       []preview
}

// preview is one document as it would be stored.
type preview struct {
	Doc        redline.Document
	X          *redline.Extraction
	Segments   []textRun
	Statements int
}

// textRun is a run of the text, marked when a statement covers it.
type textRun struct {
	Text  string
	Class string // the statement's stance class when marked
	Title string
	Mark  bool
}

func (s *Server) ingestView(r *http.Request) ingestView {
	return ingestView{Date: s.Now().Format(time.DateOnly), NeedToken: s.Token != "" && !s.hasToken(r), Enabled: s.Extract != nil}
}

func (s *Server) pageIngest(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "ingest", "Add a document", "ingest", s.ingestView(r))
}

// postIngest previews the documents of the form, or stores those of a
// preview.
func (s *Server) postIngest(w http.ResponseWriter, r *http.Request) {
	v := s.ingestView(r)
	if err := r.ParseMultipartForm(s.MaxBody); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		s.pageError(w, r, redline.Errorf(redline.EINVALID, "cannot read the form: %v", err))
		return
	}
	if r.PostFormValue("action") == "store" {
		s.storeForm(w, r, v)
		return
	}
	if !equal(r.PostFormValue("form_token"), s.formToken()) {
		s.pageError(w, r, &redline.Error{Code: EFORBIDDEN, Message: "the form has expired or came from another site; reload the page and try again"})
		return
	}
	v.Title, v.Date, v.URL, v.Source, v.Text = r.PostFormValue("title"), r.PostFormValue("date"), r.PostFormValue("url"), r.PostFormValue("source"), r.PostFormValue("text")
	docs, err := s.formDocuments(r, v)
	if err == nil {
		var stored []Stored
		if stored, err = s.store(r.Context(), docs, true); err == nil {
			for _, st := range stored {
				v.Previews = append(v.Previews, newPreview(st.Extraction))
			}
		}
	}
	if err != nil {
		s.formError(w, r, v, err)
		return
	}
	s.render(w, r, http.StatusOK, "ingest", "Check and store", "ingest", v)
}

// formError shows the form again with the error above it.
func (s *Server) formError(w http.ResponseWriter, r *http.Request, v ingestView, err error) {
	code, msg := s.publicError(r, err)
	if code == redline.EINTERNAL {
		s.pageError(w, r, err)
		return
	}
	v.Error = msg
	s.render(w, r, codeStatus(code), "ingest", "Add a document", "ingest", v)
}

// formDocuments reads the documents of the form: an uploaded file, or the
// pasted text.
func (s *Server) formDocuments(r *http.Request, v ingestView) ([]*redline.Document, error) {
	u := upload{name: "pasted", title: v.Title, url: v.URL, source: v.Source, data: []byte(v.Text)}
	if v.Date != "" {
		t, err := time.Parse(time.DateOnly, v.Date)
		if err != nil {
			return nil, redline.Errorf(redline.EINVALID, "date %q: want YYYY-MM-DD", v.Date)
		}
		u.date = t
	}
	if f, h, err := r.FormFile("file"); err == nil {
		defer f.Close()
		if u.data, err = io.ReadAll(f); err != nil {
			return nil, err
		}
		u.name = h.Filename
	}
	if strings.TrimSpace(string(u.data)) == "" {
		return nil, redline.Errorf(redline.EINVALID, "paste an article or choose a file")
	}
	return u.read(r.Context())
}

// storeForm stores the documents a preview showed, exactly as shown.
func (s *Server) storeForm(w http.ResponseWriter, r *http.Request, v ingestView) {
	if err := s.checkWrite(r, true); err != nil {
		s.formError(w, r, v, err)
		return
	}
	texts, titles, dates := r.PostForm["doc_text"], r.PostForm["doc_title"], r.PostForm["doc_date"]
	urls, sources, paths := r.PostForm["doc_url"], r.PostForm["doc_source"], r.PostForm["doc_path"]
	n := len(texts)
	if n == 0 || len(titles) != n || len(dates) != n || len(urls) != n || len(sources) != n || len(paths) != n {
		s.formError(w, r, v, redline.Errorf(redline.EINVALID, "the form to store is incomplete; preview the document again"))
		return
	}
	var docs []*redline.Document
	for i, text := range texts {
		text = strings.ReplaceAll(text, "\r\n", "\n") // browsers send form text with CRLF
		d, err := redline.ParseDate(dates[i])
		if err != nil || strings.TrimSpace(text) == "" || !utf8.ValidString(text) {
			s.formError(w, r, v, redline.Errorf(redline.EINVALID, "document %d of the form is not valid; preview it again", i+1))
			return
		}
		docs = append(docs, &redline.Document{ID: redline.DocumentID(text), Path: paths[i], Title: titles[i], URL: urls[i],
			Source: sources[i], Published: d, Text: text})
	}
	stored, err := s.store(r.Context(), docs, false)
	if err != nil {
		s.formError(w, r, v, err)
		return
	}
	if s.Token != "" && !s.hasToken(r) {
		s.setSession(w, r) // the typed token was right
	}
	http.Redirect(w, r, stored[0].URL, http.StatusSeeOther)
}

// newPreview lays a document's text out with its statements marked.
func newPreview(x *redline.Extraction) preview {
	p := preview{Doc: x.Doc, X: x, Statements: len(x.Statements)}
	sts := slices.Clone(x.Statements)
	slices.SortStableFunc(sts, func(a, b redline.Statement) int { return a.Span.Start - b.Span.Start })
	text, at := x.Doc.Text, 0
	for _, st := range sts {
		if st.Span.Start < at || st.Span.End > len(text) || st.Span.Start >= st.Span.End {
			continue // overlaps the one before, or lies outside the text
		}
		if st.Span.Start > at {
			p.Segments = append(p.Segments, textRun{Text: text[at:st.Span.Start]})
		}
		p.Segments = append(p.Segments, textRun{Text: text[st.Span.Start:st.Span.End], Mark: true, Class: stanceClass(string(st.Stance)),
			Title: st.Speaker.Name + ": " + string(st.Stance) + " " + st.Topic + ", " + string(st.Commitment)})
		at = st.Span.End
	}
	if at < len(text) {
		p.Segments = append(p.Segments, textRun{Text: text[at:]})
	}
	return p
}

// loginView is the sign-in page.
type loginView struct {
	Next, Error string
}

// safeNext returns a local path to go back to after signing in.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	return next
}

func (s *Server) pageLogin(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "login", "Sign in", "", loginView{Next: safeNext(r.URL.Query().Get("next"))})
}

func (s *Server) postLogin(w http.ResponseWriter, r *http.Request) {
	next := safeNext(r.PostFormValue("next"))
	if s.Token == "" {
		http.Redirect(w, r, next, http.StatusSeeOther)
		return
	}
	if !equal(r.PostFormValue("token"), s.Token) {
		s.render(w, r, http.StatusUnauthorized, "login", "Sign in", "", loginView{Next: next, Error: "That is not the server's token."})
		return
	}
	s.setSession(w, r)
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func (s *Server) postLogout(w http.ResponseWriter, r *http.Request) {
	if !equal(r.PostFormValue("form_token"), s.formToken()) {
		s.pageError(w, r, &redline.Error{Code: EFORBIDDEN, Message: "the form has expired; reload the page and try again"})
		return
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}
