package http

import (
	"net/http"
	"strconv"
	"strings"

	"redline"
	"redline/segment"
)

// documentView is a document's page: its text sentence by sentence, and
// what was extracted from each.
type documentView struct {
	Doc        *DocumentRecords
	Paragraphs [][]sentenceView
	Marked     bool // whether ?span= marked a passage
}

// sentenceView is one sentence of the text. When a span is marked, Before,
// Mark and After split the sentence around it; otherwise Before holds it
// all. Records counts the statements and events drawn from it.
type sentenceView struct {
	N                   int
	Before, Mark, After string
	Records             int
}

func (s *Server) pageDocument(w http.ResponseWriter, r *http.Request) {
	d, err := s.document(r.Context(), r.PathValue("id"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	mark, marked := parseSpan(r.URL.Query().Get("span"), len(d.Text))
	records := map[int]int{}
	for _, st := range d.Statements {
		records[st.Sentence]++
	}
	for _, ev := range d.Events {
		records[ev.Sentence]++
	}
	v := documentView{Doc: d, Marked: marked}
	para := -1
	for i, sent := range segment.Split(d.Text) {
		if sent.Paragraph != para || len(v.Paragraphs) == 0 {
			v.Paragraphs = append(v.Paragraphs, nil)
			para = sent.Paragraph
		}
		sv := sentenceView{N: i, Before: sent.Span.In(d.Text), Records: records[i]}
		if marked && sent.Span.Overlaps(mark) {
			lo, hi := max(mark.Start, sent.Span.Start), min(mark.End, sent.Span.End)
			sv.Before = d.Text[sent.Span.Start:lo]
			sv.Mark = d.Text[lo:hi]
			sv.After = d.Text[hi:sent.Span.End]
		}
		last := len(v.Paragraphs) - 1
		v.Paragraphs[last] = append(v.Paragraphs[last], sv)
	}
	title := d.Title
	if title == "" {
		title = "Document " + short(d.ID)
	}
	s.render(w, r, http.StatusOK, "document", title, "", v)
}

// parseSpan reads "start-end", byte offsets into a text of n bytes.
func parseSpan(v string, n int) (redline.Span, bool) {
	a, b, ok := strings.Cut(v, "-")
	if !ok {
		return redline.Span{}, false
	}
	start, err1 := strconv.Atoi(a)
	end, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil || start < 0 || end > n || start >= end {
		return redline.Span{}, false
	}
	return redline.Span{Start: start, End: end}, true
}

// searchView is the search page.
type searchView struct {
	Filter     redline.StatementFilter
	From, To   string
	Statements []redline.Statement
	Pager      pager
	Error      string
	Asked      bool
	CSV        string // the API URL of this page of results as CSV
}

func (s *Server) pageSearch(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	v := searchView{From: q.Get("from"), To: q.Get("to")}
	f, err := statementFilter(q)
	v.Filter = f
	for _, k := range []string{"q", "actor", "country", "topic", "target", "from", "to"} {
		v.Asked = v.Asked || q.Get(k) != ""
	}
	const limit = 50
	off := pageOffset(r)
	if err == nil && v.Asked {
		f.Limit, f.Offset = limit+1, off
		v.Statements, err = s.Store.Statements(r.Context(), f)
	}
	status := http.StatusOK
	if err != nil {
		code, msg := s.publicError(r, err)
		if code == redline.EINTERNAL {
			s.pageError(w, r, err)
			return
		}
		v.Error, status = msg, codeStatus(code)
	}
	more := len(v.Statements) > limit
	if more {
		v.Statements = v.Statements[:limit]
	}
	v.Pager = newPager(r, off, limit, len(v.Statements), more, -1)
	csvq := r.URL.Query()
	csvq.Set("format", "csv")
	csvq.Set("limit", strconv.Itoa(limit))
	csvq.Set("offset", strconv.Itoa(off))
	v.CSV = "/api/v1/statements?" + csvq.Encode()
	s.render(w, r, status, "search", "Search", "search", v)
}
