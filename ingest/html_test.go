package ingest

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/html"

	"redline"
)

// testPage is a news page with navigation, an article and a footer.
const testPage = `<!DOCTYPE html>
<html><head>
<title>Talks collapse in Geneva | Daily News</title>
<meta property="og:site_name" content="Daily News">
<meta property="article:published_time" content="2025-02-07T10:00:00Z">
<link rel="canonical" href="https://news.example.org/geneva">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World navigation link</a></nav>
<article><h1>Talks collapse in Geneva</h1>
<p>The foreign minister said on Friday that the talks had collapsed after
three days of negotiation in Geneva.</p>
<p>"We will not return to the table," she said, adding that the other side
had rejected every proposal put forward by the mediators.</p>
<p>Officials from both delegations left the city on Saturday morning, and no
date was set for a new round of talks.</p>
</article>
<footer>Copyright 2025 Daily News. All rights reserved. Footer text here.</footer>
</body></html>`

func TestRead_HTML(t *testing.T) {
	t.Chdir(MustWriteFiles(t, map[string]string{
		"page.html": testPage,
		"nodate.htm": strings.NewReplacer(
			`<meta property="article:published_time" content="2025-02-07T10:00:00Z">`, "",
			"Copyright 2025 ", "",
		).Replace(testPage),
		"empty.html": "<html><body><script>var x = 1;</script></body></html>",
	}))
	text := "Talks collapse in Geneva\n\n" +
		"The foreign minister said on Friday that the talks had collapsed after three days of negotiation in Geneva.\n\n" +
		"\"We will not return to the table,\" she said, adding that the other side had rejected every proposal put forward by the mediators.\n\n" +
		"Officials from both delegations left the city on Saturday morning, and no date was set for a new round of talks."
	page := redline.Document{
		ID: redline.DocumentID(text), Path: "page.html", Title: "Talks collapse in Geneva",
		Source: "Daily News", URL: "https://news.example.org/geneva",
		Published: redline.Date{Value: "2025-02-07", Grain: redline.GrainDay}, Text: text,
	}
	nodate := page
	nodate.Path, nodate.Published = "nodate.htm", redline.Date{Value: "2013-02-07", Grain: redline.GrainDay}

	tests := []struct {
		name string
		path string
		opts Options
		want result
	}{
		{"Page", "page.html", Options{}, result{Docs: []redline.Document{page}}},
		{"DateFallback", "nodate.htm", Options{Date: nodate.Published.Start()}, result{Docs: []redline.Document{nodate}}},
		{"ErrNoDate", "nodate.htm", Options{}, result{Errs: []string{"nodate.htm: no publication date (the page has none; pass --date)"}}},
		{"ErrNoText", "empty.html", Options{Date: day}, result{Errs: []string{"empty.html: no article text found: text and comments are not long enough: 0 0"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MustRead(t, tt.path, nil, tt.opts)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Read(%q) mismatch (-want +got):\n%s", tt.path, diff)
			}
			for _, d := range got.Docs {
				for _, junk := range []string{"navigation", "Footer", "Copyright", "Home"} {
					if strings.Contains(d.Text, junk) {
						t.Errorf("Text contains %q from outside the article", junk)
					}
				}
			}
		})
	}
}

func TestRead_HTMLCharset(t *testing.T) {
	// "Café" in ISO-8859-1 is not valid UTF-8; the page is decoded, not refused.
	body := strings.Repeat("<p>Le ministre a parlé au Café de la Paix pendant des heures.</p>\n", 6)
	page := "<html><head><meta charset=\"iso-8859-1\"></head><body><article>" + body + "</article></body></html>"
	latin1 := []byte{}
	for _, r := range page {
		latin1 = append(latin1, byte(r))
	}
	t.Chdir(MustWriteFiles(t, map[string]string{"p.html": string(latin1)}))
	got := MustRead(t, "p.html", nil, Options{Date: day})
	if len(got.Docs) != 1 || !strings.Contains(got.Docs[0].Text, "Café de la Paix") {
		t.Errorf("Read(latin-1 page) = %+v, want one document containing %q", got, "Café de la Paix")
	}
}

func TestRenderText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"Paragraphs", "<p>One\n  two</p><p> three </p>", "One two\n\nthree"},
		{"Inline", "<p>A <b>bold</b><i>word</i> here</p>", "A boldword here"},
		{"Break", "<p>line one<br> line two</p>", "line one\nline two"},
		{"Lists", "<ul><li>one</li><li>two</li></ul>", "one\n\ntwo"},
		{"Heading", "<h2>Head</h2>Loose text", "Head\n\nLoose text"},
		{"Table", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\n\nc"},
		{"Pre", "<pre>x  = 1\n  y = 2</pre>", "x  = 1\n  y = 2"},
		{"Skipped", "<p>kept</p><script>var x</script><style>p{}</style>", "kept"},
		{"Empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if got := renderText(root); got != tt.want {
				t.Errorf("renderText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
