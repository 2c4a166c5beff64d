package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"strconv"
)

// Page is a self-contained HTML document for a result that is not a
// report, such as a simulation: a title, a few lines about the run, and
// sections of paragraphs, tables and line charts. It uses the report's
// styles; like it, it has no scripts and no external resources.
type Page struct {
	Title string
	// Meta lines go under the title: what was run, on what, when.
	Meta     []string
	Sections []Section
	// Footer closes the page.
	Footer string
}

// Section is one part of a Page. ID anchors it in the page's table of
// contents; only letters, digits and '-' are kept.
type Section struct {
	ID, Heading string
	Paragraphs  []string
	Tables      []Table
	Charts      []LineChart
	// Notes follow the tables and charts, as a list.
	Notes []string
}

// Table is a table of text. Numeric[i] right-aligns column i.
type Table struct {
	Caption string
	Header  []string
	Rows    [][]string
	Numeric []bool
}

// pageTemplate renders a Page; its text is escaped by html/template.
var pageTemplate = template.Must(template.New("page.html").ParseFS(assets, "page.html"))

// pageView is a Page made ready for the template.
type pageView struct {
	Title    string
	CSS      template.CSS
	Meta     []string
	Sections []sectionView
	Footer   string
}

type sectionView struct {
	ID, Heading string
	Paragraphs  []string
	Tables      []tableView
	Charts      []chartView
	Notes       []string
}

type tableView struct {
	Caption string
	Header  []cellView
	Rows    [][]cellView
}

type cellView struct {
	Text  string
	Class string
}

type chartView struct {
	SVG     template.HTML // drawn by LineChart.SVG, its text XML-escaped
	Caption string
}

// PageHTML writes p as one self-contained HTML document.
func PageHTML(w io.Writer, p *Page) error {
	v := pageView{Title: oneLine(p.Title, 0), CSS: css, Meta: p.Meta, Footer: p.Footer}
	if v.Title == "" {
		v.Title = DefaultTitle
	}
	for i, s := range p.Sections {
		id := idChars.ReplaceAllString(s.ID, "")
		if id == "" {
			id = "section-" + strconv.Itoa(i+1)
		}
		sv := sectionView{ID: id, Heading: s.Heading, Paragraphs: s.Paragraphs, Notes: s.Notes}
		for _, t := range s.Tables {
			sv.Tables = append(sv.Tables, tableOf(t))
		}
		for k, c := range s.Charts {
			if c.ID == "" {
				c.ID = fmt.Sprintf("%s-chart-%d", id, k+1)
			}
			sv.Charts = append(sv.Charts, chartView{SVG: template.HTML(c.SVG()), Caption: c.Description})
		}
		v.Sections = append(v.Sections, sv)
	}
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, v); err != nil {
		return fmt.Errorf("render page: %w", err)
	}
	if _, err := buf.WriteTo(w); err != nil {
		return fmt.Errorf("render page: %w", err)
	}
	return nil
}

func tableOf(t Table) tableView {
	class := func(i int) string {
		if i < len(t.Numeric) && t.Numeric[i] {
			return "num"
		}
		return ""
	}
	tv := tableView{Caption: t.Caption}
	for i, h := range t.Header {
		tv.Header = append(tv.Header, cellView{h, class(i)})
	}
	for _, row := range t.Rows {
		var r []cellView
		for i, c := range row {
			r = append(r, cellView{c, class(i)})
		}
		tv.Rows = append(tv.Rows, r)
	}
	return tv
}
