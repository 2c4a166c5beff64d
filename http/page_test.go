package http_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"redline"
	redhttp "redline/http"
)

func TestPages(t *testing.T) {
	t.Parallel()
	s := SharedServer(t)
	warm(t, s)
	var docs struct{ Items []redline.Document }
	getJSON(t, s, "/api/v1/documents?limit=1", 200, &docs)
	tests := []struct {
		path string
		want []string
	}{
		{"/", []string{"<h1>Overview</h1>", "Top actors", "Recent documents", "Upcoming deadlines", `href="/actors/ali-khamenei"`, "Latest say-do gaps"}},
		{"/actors", []string{"Ali Khamenei", "<code>IRN</code>"}},
		{"/actors?filter=khamenei", []string{"Ali Khamenei"}},
		{"/actors/ali-khamenei", []string{"<h1>Ali Khamenei</h1>", "Supreme Leader", "<svg", "Stance over time", "Say-do gaps", "Red-line ledger",
			"Precedents and base rates", "Stance reversals", "Timeline", `href="/documents/`}},
		{"/search?q=negotiations", []string{"Search statements", "<table class=\"results\">", "?span="}},
		{"/search?q=%22unbalanced", []string{`class="error"`}},
		{"/ingest", []string{`enctype="multipart/form-data"`, `name="form_token"`, `<label for="text">`}},
		{"/ach", []string{"not available in this build"}},
		{"/simulate", []string{"not available in this build"}},
		{"/documents/" + docs.Items[0].ID, []string{`id="s-0"`, "Statements", "Events"}},
		{"/login", []string{`type="password"`}},
		{"/actors/ali-khamenei/precedents?topic=negotiate&stance=against", []string{"Base rates", "Occasions", "What followed", `href="/documents/`}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			want := 200
			if strings.Contains(tt.path, "unbalanced") {
				want = 400
			}
			r := get(t, s, tt.path, want)
			for _, w := range tt.want {
				if !strings.Contains(r.Body, w) {
					t.Errorf("GET %s lacks %q", tt.path, w)
				}
			}
			if !strings.Contains(r.Header.Get("Content-Type"), "text/html") {
				t.Errorf("Content-Type %q", r.Header.Get("Content-Type"))
			}
			checkAccessible(t, tt.path, r.Body)
		})
	}
	get(t, s, "/actors/nobody", 404)
	get(t, s, "/documents/nothing", 404)
	get(t, s, "/nowhere", 404)
	if svg := get(t, s, "/actors/ali-khamenei/chart.svg", 200); !strings.HasPrefix(svg.Body, "<svg") || svg.Header.Get("Content-Type") != "image/svg+xml" {
		t.Errorf("chart.svg: %q, %.40q", svg.Header.Get("Content-Type"), svg.Body)
	}
}

// checkAccessible checks what can be checked from the markup: a language,
// one h1, every input with a label, every image with a text alternative.
func checkAccessible(t *testing.T, path, page string) {
	t.Helper()
	if !strings.Contains(page, `<html lang="en">`) {
		t.Errorf("%s: no language", path)
	}
	if n := strings.Count(page, "<h1"); n != 1 {
		t.Errorf("%s: %d h1 headings, want 1", path, n)
	}
	ids := regexp.MustCompile(`<(?:input|textarea|select)[^>]*\bid="([^"]+)"`).FindAllStringSubmatch(page, -1)
	for _, m := range ids {
		if !strings.Contains(page, `for="`+m[1]+`"`) {
			t.Errorf("%s: the field %q has no label", path, m[1])
		}
	}
	for _, tag := range regexp.MustCompile(`<(?:input|textarea|select)[^>]*>`).FindAllString(page, -1) {
		if !strings.Contains(tag, `id="`) && !strings.Contains(tag, `type="hidden"`) && !strings.Contains(tag, "hidden") {
			t.Errorf("%s: a field without an id cannot be labelled: %s", path, tag)
		}
	}
	for _, svg := range regexp.MustCompile(`<svg[^>]*>`).FindAllString(page, -1) {
		if !strings.Contains(svg, "aria-label") && !strings.Contains(svg, "aria-labelledby") {
			t.Errorf("%s: an SVG without a text alternative: %s", path, svg)
		}
	}
}

func TestPage_DocumentHighlight(t *testing.T) {
	t.Parallel()
	s := SharedServer(t)
	var st struct{ Items []redline.Statement }
	getJSON(t, s, "/api/v1/statements?actor=ali-khamenei&limit=1", 200, &st)
	x := st.Items[0]
	page := get(t, s, fmt.Sprintf("/documents/%s?span=%d-%d", x.Doc, x.Span.Start, x.Span.End), 200).Body
	sent := between(page, fmt.Sprintf(`id="s-%d"`, x.Sentence), "</span>")
	marked := between(sent, "<mark>", "</mark>")
	if marked == "" || !strings.Contains(x.Text, strings.TrimSpace(unescape(marked))[:10]) {
		t.Errorf("sentence %d marks %q, want the statement %q", x.Sentence, marked, x.Text)
	}
	// A span outside the text, or malformed, marks nothing.
	for _, span := range []string{"5-1", "0-99999999", "a-b"} {
		if p := get(t, s, "/documents/"+x.Doc+"?span="+span, 200).Body; strings.Contains(p, "<mark>") {
			t.Errorf("span=%s marked something", span)
		}
	}
}

func unescape(s string) string {
	return strings.NewReplacer("&#34;", `"`, "&#39;", "'", "&amp;", "&", "&lt;", "<", "&gt;", ">").Replace(s)
}

func TestPage_IngestPreviewThenStore(t *testing.T) {
	s := MustOpenServer(t, nil)
	form := get(t, s, "/ingest", 200).Body
	tok := between(form, `name="form_token" value="`, `"`)
	text := "Iran's foreign minister Abbas Araghchi said on Monday that Iran would never negotiate with the United States under pressure, calling the <b>offer</b> a trick."
	v := url.Values{"form_token": {tok}, "action": {"preview"}, "title": {"Araghchi <rejects>"}, "date": {"2025-03-10"}, "text": {text}}
	r := do(t, "POST", s.URL()+"/ingest", v.Encode(), "Content-Type: application/x-www-form-urlencoded")
	if r.Status != 200 || !strings.Contains(r.Body, "Nothing is stored until") || !strings.Contains(r.Body, "<mark class=\"k-") {
		t.Fatalf("preview = %d:\n%.2000s", r.Status, r.Body)
	}
	if strings.Contains(r.Body, "<b>offer</b>") || strings.Contains(r.Body, "<rejects>") {
		t.Error("the preview renders pasted text as HTML")
	}
	var counts redline.Counts
	getJSON(t, s, "/api/v1/counts", 200, &counts)
	store := url.Values{"form_token": {tok}, "action": {"store"}}
	for _, k := range []string{"doc_title", "doc_date", "doc_url", "doc_source", "doc_path"} {
		store.Set(k, unescape(between(r.Body, `name="`+k+`" value="`, `"`)))
	}
	store.Set("doc_text", unescape(between(r.Body, `<textarea name="doc_text" hidden aria-hidden="true">`, "</textarea>")))
	res := do(t, "POST", s.URL()+"/ingest", store.Encode(), "Content-Type: application/x-www-form-urlencoded")
	if res.Status != 303 {
		t.Fatalf("store = %d:\n%.1000s", res.Status, res.Body)
	}
	doc := get(t, s, res.Header.Get("Location"), 200).Body
	if !strings.Contains(doc, "Araghchi &lt;rejects&gt;") || !strings.Contains(doc, "&lt;b&gt;offer&lt;/b&gt;") {
		t.Errorf("the stored document page lacks its title or text:\n%.1500s", doc)
	}
	var after redline.Counts
	getJSON(t, s, "/api/v1/counts", 200, &after)
	if after.Documents != counts.Documents+1 {
		t.Errorf("documents %d after storing, want %d", after.Documents, counts.Documents+1)
	}
	bad := url.Values{"form_token": {tok}, "action": {"preview"}, "text": {" "}}
	if r := do(t, "POST", s.URL()+"/ingest", bad.Encode(), "Content-Type: application/x-www-form-urlencoded"); r.Status != 400 || !strings.Contains(r.Body, `class="error"`) {
		t.Errorf("an empty preview = %d", r.Status)
	}
}

// fakeACH stands in for the scoring package in tests of the page that
// draws its matrix.
func fakeACH(_ context.Context, req redhttp.ACHRequest) (*redhttp.ACHMatrix, error) {
	if !strings.Contains(string(req.File), "question") {
		return nil, redline.Errorf(redline.EINVALID, "%s: no question", req.Name)
	}
	return &redhttp.ACHMatrix{
		Question: "Is <Iran> bluffing?",
		Hypotheses: []redhttp.ACHHypothesis{{ID: "H1", Text: "bluff", WeightedInconsistency: 1, Rank: 1, Posterior: 0.7, PosteriorRank: 1},
			{ID: "H2", Text: "refusal", WeightedInconsistency: 3, Rank: 2, Posterior: 0.3, PosteriorRank: 2}},
		Evidence: []redhttp.ACHEvidence{{ID: "E1", Text: "secret talks <script>x</script>", Credibility: "high", Relevance: "high",
			Ratings: []string{"CC", "II"}, Diagnosticity: 2, Doc: "d1", Sentence: 3}},
		Sensitivity: []redhttp.ACHSensitivity{{ID: "E1", Leaders: []string{"H1", "H2"}, ChangesLeader: true, PosteriorShift: 0.2}},
	}, nil
}

func TestExtensions(t *testing.T) {
	var calls atomic.Int32
	s := MustOpenServer(t, func(s *redhttp.Server) {
		s.ACHFiles = fstest.MapFS{"talks.yaml": {Data: []byte("question: x")}, "notes.txt": {Data: []byte("question: y")}}
		s.Extensions.ACH = fakeACH
		s.Extensions.Reciprocity = func(_ context.Context, req redhttp.DyadRequest) (*redhttp.Dyad, error) {
			return &redhttp.Dyad{Names: [2]string{req.A, req.B}, Periods: []string{"2025-01", "2025-02", "2025-03"},
				Flows: [2][]float64{{1, -2, 3}, {0, -1, 2}}, Verdicts: []string{req.B + " reciprocates"}}, nil
		}
		s.Extensions.Simulate = func(_ context.Context, req redhttp.SimulationRequest) (*redhttp.Simulation, error) {
			calls.Add(1)
			return &redhttp.Simulation{Title: "Mean score by round", XLabel: "round", YLabel: "score", Strategies: []string{"tft", "grim"},
				Lines: []redhttp.Line{{Name: req.Strategies[0], Points: []float64{3, 2.5, 2.8}}}, Table: []redhttp.SimulationRow{{Strategy: req.Strategies[0], Score: 2.77, Rank: 1}}}, nil
		}
	})
	r := do(t, "POST", s.URL()+"/api/v1/ach", "question: x")
	var m redhttp.ACHMatrix
	if err := json.Unmarshal([]byte(r.Body), &m); r.Status != 200 || err != nil || len(m.Hypotheses) != 2 {
		t.Fatalf("POST ach = %d %s", r.Status, r.Body)
	}
	wantError(t, do(t, "POST", s.URL()+"/api/v1/ach", "nothing"), 400, redline.EINVALID)
	page := do(t, "POST", s.URL()+"/ach", url.Values{"file": {"question: x"}}.Encode(), "Content-Type: application/x-www-form-urlencoded").Body
	for _, want := range []string{`class="r-cc"`, `class="r-ii"`, "Is &lt;Iran&gt; bluffing?", "70.0%", `class="flips"`, `href="/documents/d1#s-3"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the ACH page lacks %q", want)
		}
	}
	if strings.Contains(page, "<script>x") {
		t.Error("the ACH page renders evidence text as HTML")
	}
	offered := get(t, s, "/ach?file=talks.yaml", 200).Body
	if !strings.Contains(offered, `<option value="talks.yaml" selected>`) || !strings.Contains(offered, `class="r-cc"`) || strings.Contains(offered, "notes.txt") {
		t.Errorf("the ACH page does not score the file offered by name")
	}
	for _, name := range []string{"notes.txt", "../talks.yaml", "nothing.yaml"} {
		get(t, s, "/ach?file="+url.QueryEscape(name), 404)
	}
	sim := get(t, s, "/simulate?a=IRN&b=USA&run=1&strategy=tft,grim&rounds=3", 200).Body
	for _, want := range []string{"<polyline", "USA reciprocates", "Mean score by round", "2.77"} {
		if !strings.Contains(sim, want) {
			t.Errorf("the simulate page lacks %q", want)
		}
	}
	var d redhttp.Dyad
	getJSON(t, s, "/api/v1/reciprocity?a=IRN&b=USA", 200, &d)
	wantError(t, do(t, "GET", s.URL()+"/api/v1/reciprocity?a=IRN", ""), 400, redline.EINVALID)
	wantError(t, do(t, "GET", s.URL()+"/api/v1/simulate?noise=2", ""), 400, redline.EINVALID)
}

// TestShutdown closes the server while a request is in flight: the request
// completes, and new connections are refused.
func TestShutdown(t *testing.T) {
	db, _ := MustOpenStore(t)
	started := make(chan struct{})
	s := redhttp.NewServer(db)
	s.Addr = "127.0.0.1:0"
	s.Extensions.Simulate = func(context.Context, redhttp.SimulationRequest) (*redhttp.Simulation, error) {
		close(started)
		time.Sleep(300 * time.Millisecond)
		return &redhttp.Simulation{Title: "slow"}, nil
	}
	if err := s.Open(); err != nil {
		t.Fatal(err)
	}
	base := s.URL()
	res := make(chan response)
	go func() { res <- do(t, "GET", base+"/api/v1/simulate", "") }()
	<-started
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if r := <-res; r.Status != 200 || !strings.Contains(r.Body, "slow") {
		t.Errorf("the request in flight got %d %s", r.Status, r.Body)
	}
	if _, err := httpGet(base + "/healthz"); err == nil {
		t.Error("the server still answers after Close")
	}
}
