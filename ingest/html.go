package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"redline"
)

// parseHTML reads the main content of a web page: its article, without
// navigation, footers, comments or boilerplate.
func parseHTML(name string, data []byte, opts Options) (*redline.Document, error) {
	if err := checkBytes(name, data); err != nil {
		return nil, err
	}
	res, err := extract(bytes.TrimPrefix(data, bom))
	if err != nil {
		return nil, errorf(name, 0, "no article text found: %v", err)
	}
	meta := res.Metadata
	doc := &redline.Document{
		Path:   name,
		Title:  clean(meta.Title),
		Source: clean(meta.Sitename),
		URL:    clean(meta.URL),
	}
	day, _ := publication("", opts)
	if !meta.Date.IsZero() {
		day = redline.Day(meta.Date)
	}
	text := strings.ToValidUTF8(renderText(res.ContentNode), "\uFFFD")
	return finish(name, 0, doc, text, day, "the page has none; pass --date")
}

// extract runs trafilatura on a page. A page that is valid UTF-8 is parsed
// as UTF-8; any other page is decoded from the charset trafilatura detects.
// A panic in the extractor is returned as an error.
func extract(data []byte) (res *trafilatura.ExtractResult, err error) {
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, fmt.Errorf("extractor failed: %v", p)
		}
	}()
	opts := trafilatura.Options{ExcludeComments: true}
	if !utf8.Valid(data) {
		return trafilatura.Extract(bytes.NewReader(data), opts)
	}
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return trafilatura.ExtractDocument(root, opts)
}

// clean makes a metadata value valid UTF-8 on one trimmed line.
func clean(s string) string {
	return strings.Join(strings.Fields(strings.ToValidUTF8(s, "\uFFFD")), " ")
}

// renderText returns the text of n with one paragraph per block element
// (paragraph, heading, list item, quotation, table row ...), paragraphs
// separated by blank lines. White space inside a paragraph is collapsed,
// except in <pre>; <br> is a line break.
func renderText(n *html.Node) string {
	w := textWriter{bol: true}
	if n != nil {
		w.node(n)
	}
	w.flush()
	return w.out.String()
}

// textWriter accumulates the text of an HTML tree, paragraph by paragraph.
type textWriter struct {
	out   strings.Builder // finished paragraphs
	para  strings.Builder // the paragraph being written
	space bool            // white space is pending before the next word
	bol   bool            // the paragraph is empty or ends a line
	pre   int             // depth of <pre> elements
}

// node writes n and its descendants.
func (w *textWriter) node(n *html.Node) {
	if n.Type == html.TextNode {
		w.text(n.Data)
		return
	}
	if n.Type != html.ElementNode && n.Type != html.DocumentNode {
		return
	}
	tag := n.Data
	switch {
	case skippedTags[tag]:
		return
	case tag == "br":
		w.para.WriteByte('\n')
		w.space, w.bol = false, true
		return
	case tag == "td" || tag == "th":
		w.space = true
	}
	block := blockTags[tag]
	if block {
		w.flush()
	}
	if tag == "pre" {
		w.pre++
		defer func() { w.pre-- }()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c)
	}
	if block {
		w.flush()
	}
}

// text writes a run of text, collapsing its white space outside <pre>.
func (w *textWriter) text(s string) {
	if w.pre > 0 {
		w.para.WriteString(s)
		w.bol = strings.HasSuffix(s, "\n")
		return
	}
	for _, r := range s {
		if unicode.IsSpace(r) {
			w.space = true
			continue
		}
		if w.space && !w.bol {
			w.para.WriteByte(' ')
		}
		w.para.WriteRune(r)
		w.space, w.bol = false, false
	}
}

// flush ends the paragraph being written.
func (w *textWriter) flush() {
	p := strings.TrimSpace(w.para.String())
	w.para.Reset()
	w.space, w.bol = false, true
	if p == "" {
		return
	}
	if w.out.Len() > 0 {
		w.out.WriteString("\n\n")
	}
	w.out.WriteString(p)
}

// skippedTags are elements whose content is never text.
var skippedTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true,
	"head": true, "title": true, "iframe": true, "svg": true,
}

// blockTags are elements that start and end a paragraph.
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true,
	"body": true, "caption": true, "dd": true, "details": true, "div": true,
	"dl": true, "dt": true, "fieldset": true, "figcaption": true,
	"figure": true, "footer": true, "form": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "header": true,
	"hr": true, "html": true, "li": true, "main": true, "nav": true,
	"ol": true, "p": true, "pre": true, "section": true, "summary": true,
	"table": true, "tbody": true, "tfoot": true, "thead": true, "tr": true,
	"ul": true,
}
