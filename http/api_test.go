package http_test

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"redline"
	redhttp "redline/http"
)

type page[T any] struct {
	Items  []T
	Total  *int
	Limit  int
	Offset int
	Next   string
}

func TestAPI_Collections(t *testing.T) {
	t.Parallel()
	s := SharedServer(t)
	var counts redline.Counts
	getJSON(t, s, "/api/v1/counts", 200, &counts)
	if _, xs := demo(); counts.Documents != len(xs) || counts.Statements == 0 || counts.Events == 0 {
		t.Fatalf("counts = %+v, want the %d demo documents and their records", counts, len(xs))
	}
	var docs page[redline.Document]
	getJSON(t, s, "/api/v1/documents?limit=5", 200, &docs)
	if len(docs.Items) != 5 || docs.Total == nil || *docs.Total != counts.Documents || docs.Next == "" {
		t.Errorf("documents?limit=5 = %d items, total %v, next %q; want 5 of %d and a next link", len(docs.Items), docs.Total, docs.Next, counts.Documents)
	}
	var actors page[redhttp.ActorSummary]
	getJSON(t, s, "/api/v1/actors?q=khamenei", 200, &actors)
	if len(actors.Items) != 1 || actors.Items[0].ID != "ali-khamenei" || actors.Items[0].Kind != redline.KindPerson || len(actors.Items[0].Roles) == 0 {
		t.Errorf("actors?q=khamenei = %+v, want Ali Khamenei with his roles", actors.Items)
	}
	var one redhttp.ActorSummary
	getJSON(t, s, "/api/v1/actors/ali-khamenei", 200, &one)
	if one.Statements == 0 || one.Country != "IRN" {
		t.Errorf("actors/ali-khamenei = %+v, want statements and country IRN", one)
	}
	var doc redhttp.DocumentRecords
	getJSON(t, s, "/api/v1/documents/"+docs.Items[0].ID, 200, &doc)
	if doc.Text == "" || doc.ID != docs.Items[0].ID {
		t.Errorf("documents/{id}: text %d bytes, id %q", len(doc.Text), doc.ID)
	}
	for _, st := range doc.Statements {
		if st.Doc != doc.ID || st.Span.In(doc.Text) == "" {
			t.Errorf("statement %+v does not lie in its document", st)
		}
	}
}

func TestAPI_Pagination(t *testing.T) {
	t.Parallel()
	s := SharedServer(t)
	var all []redline.Statement
	next := "/api/v1/statements?limit=100"
	for next != "" {
		var p page[redline.Statement]
		getJSON(t, s, next, 200, &p)
		all = append(all, p.Items...)
		next = p.Next
	}
	var counts redline.Counts
	getJSON(t, s, "/api/v1/counts", 200, &counts)
	if len(all) != counts.Statements {
		t.Fatalf("following next links read %d statements, want %d", len(all), counts.Statements)
	}
	var big page[redline.Statement]
	getJSON(t, s, "/api/v1/statements?limit=100000", 200, &big)
	if big.Limit != redhttp.MaxLimit || len(big.Items) > redhttp.MaxLimit {
		t.Errorf("limit=100000 gave limit %d and %d items, want the cap %d", big.Limit, len(big.Items), redhttp.MaxLimit)
	}
	for _, path := range []string{"/api/v1/statements?limit=0", "/api/v1/statements?limit=x", "/api/v1/events?offset=-1", "/api/v1/reversals?offset=20000"} {
		wantError(t, do(t, "GET", s.URL()+path, ""), 400, redline.EINVALID)
	}
}

func TestAPI_Filters(t *testing.T) {
	t.Parallel()
	s := SharedServer(t)
	var st page[redline.Statement]
	getJSON(t, s, "/api/v1/statements?"+query("actor", "ali-khamenei", "topic", "negotiate", "from", "2013", "to", "2018", "limit", "500"), 200, &st)
	if len(st.Items) == 0 {
		t.Fatal("no statement by Khamenei on negotiate from 2013 to 2018")
	}
	for _, x := range st.Items {
		if x.Speaker.ID != "ali-khamenei" || x.Topic != "negotiate" || x.Said.Value < "2013" || x.Said.Value >= "2019" {
			t.Errorf("statement %s %s %s %s does not match the filter", x.Speaker.ID, x.Topic, x.Said.Value, x.Text)
		}
	}
	var fts page[redline.Statement]
	getJSON(t, s, "/api/v1/statements?"+query("q", "negotiations"), 200, &fts)
	if len(fts.Items) == 0 {
		t.Error("full-text search for negotiations found nothing")
	}
	for _, x := range fts.Items {
		if !strings.Contains(strings.ToLower(x.Text), "negotiat") {
			t.Errorf("search hit %q has no form of negotiate", x.Text)
		}
	}
	wantError(t, do(t, "GET", s.URL()+"/api/v1/statements?"+query("q", `"unbalanced`), ""), 400, redline.EINVALID)
	wantError(t, do(t, "GET", s.URL()+"/api/v1/statements?from=February", ""), 400, redline.EINVALID)
	var ev page[redline.Event]
	getJSON(t, s, "/api/v1/events?mode=negated&limit=500", 200, &ev)
	if len(ev.Items) == 0 {
		t.Fatal("no negated event in the demo")
	}
	for _, e := range ev.Items {
		if e.Mode != redline.ModeNegated {
			t.Errorf("mode=covert gave a %s event", e.Mode)
		}
	}
	wantError(t, do(t, "GET", s.URL()+"/api/v1/events?mode=secret", ""), 400, redline.EINVALID)

	csv := get(t, s, "/api/v1/statements?"+query("actor", "ali-khamenei", "format", "csv", "limit", "5"), 200)
	lines := strings.Split(strings.TrimSpace(csv.Body), "\n")
	if csv.Header.Get("Content-Type") != "text/csv; charset=utf-8" || len(lines) != 6 || !strings.HasPrefix(lines[0], "said,grain,speaker_id") ||
		!strings.Contains(lines[1], ",ali-khamenei,") || !strings.Contains(lines[1], "/documents/") {
		t.Errorf("statements as CSV: %q\n%s", csv.Header.Get("Content-Type"), csv.Body)
	}
	if ev := get(t, s, "/api/v1/events?format=csv&limit=3", 200).Body; !strings.HasPrefix(ev, "date,grain,actor_id") || strings.Count(ev, "\n") != 4 {
		t.Errorf("events as CSV:\n%s", ev)
	}
	wantError(t, do(t, "GET", s.URL()+"/api/v1/statements?format=xml", ""), 400, redline.EINVALID)
}

func TestAPI_Analyses(t *testing.T) {
	t.Parallel()
	s := SharedServer(t)
	var tl page[struct {
		Kind, Doc string
		Sentence  int
		Date      redline.Date
		Actor     redline.ActorRef
	}]
	getJSON(t, s, "/api/v1/timeline?actor=ali-khamenei&limit=500", 200, &tl)
	if len(tl.Items) == 0 || tl.Total == nil || *tl.Total != len(tl.Items) {
		t.Fatalf("timeline: %d items of %v", len(tl.Items), tl.Total)
	}
	for i, e := range tl.Items {
		if e.Actor.ID != "ali-khamenei" {
			t.Errorf("timeline item %d is %s's", i, e.Actor.ID)
		}
		if i > 0 && e.Date.Compare(tl.Items[i-1].Date) < 0 {
			t.Errorf("timeline item %d (%s) comes before item %d (%s)", i, e.Date.Value, i-1, tl.Items[i-1].Date.Value)
		}
	}
	wantError(t, do(t, "GET", s.URL()+"/api/v1/timeline", ""), 400, redline.EINVALID)
	for _, path := range []string{"/api/v1/reversals", "/api/v1/gaps", "/api/v1/redlines", "/api/v1/splits", "/api/v1/redlines?actor=ali-khamenei", "/api/v1/reversals?window=1y"} {
		var p page[json.RawMessage]
		getJSON(t, s, path, 200, &p)
		if len(p.Items) == 0 || p.Total == nil {
			t.Errorf("%s: %d items, total %v; want some", path, len(p.Items), p.Total)
		}
	}
	var gaps page[struct{ Statement redline.Statement }]
	getJSON(t, s, "/api/v1/gaps?limit=100", 200, &gaps)
	for i := 1; i < len(gaps.Items); i++ {
		if gaps.Items[i].Statement.Said.Compare(gaps.Items[i-1].Statement.Said) > 0 {
			t.Errorf("gaps are not newest first at %d", i)
		}
	}
	var rates struct {
		BaseRates []struct{ Text string } `json:"base_rates"`
	}
	getJSON(t, s, "/api/v1/precedents?actor=ali-khamenei", 200, &rates)
	if len(rates.BaseRates) == 0 {
		t.Error("no base rates for Khamenei")
	}
	var prec struct {
		Cases     []json.RawMessage
		BaseRates []struct{ Text string } `json:"base_rates"`
	}
	getJSON(t, s, "/api/v1/precedents?"+query("actor", "ali-khamenei", "topic", "negotiate", "stance", "against"), 200, &prec)
	if len(prec.Cases) == 0 || len(prec.BaseRates) == 0 {
		t.Errorf("precedents of Khamenei against negotiate: %d cases, %d rates", len(prec.Cases), len(prec.BaseRates))
	}
	wantError(t, do(t, "GET", s.URL()+"/api/v1/precedents?actor=ali-khamenei&topic=negotiate", ""), 400, redline.EINVALID)
	var dl struct {
		After     string
		Items     []struct{ Days *int }
		Scenarios []json.RawMessage
	}
	getJSON(t, s, "/api/v1/deadlines", 200, &dl)
	if dl.After != "2025-02-10" || len(dl.Items) == 0 || dl.Items[0].Days == nil {
		t.Errorf("deadlines after the server's today: after %q, %d items", dl.After, len(dl.Items))
	}
}

func TestAPI_Errors(t *testing.T) {
	t.Parallel()
	s := SharedServer(t)
	wantError(t, do(t, "GET", s.URL()+"/api/v1/documents/nosuchdocument", ""), 404, redline.ENOTFOUND)
	wantError(t, do(t, "GET", s.URL()+"/api/v1/actors/nobody", ""), 404, redline.ENOTFOUND)
	wantError(t, do(t, "GET", s.URL()+"/api/v1/nothing", ""), 404, redline.ENOTFOUND)
	for _, path := range []string{"/api/v1/ach", "/api/v1/reciprocity?a=IRN&b=USA", "/api/v1/simulate"} {
		method := "GET"
		if path == "/api/v1/ach" {
			method = "POST"
		}
		wantError(t, do(t, method, s.URL()+path, "question: x"), http.StatusNotImplemented, redhttp.ENOTIMPLEMENTED)
	}
}

func TestAPI_OpenAPI(t *testing.T) {
	t.Parallel()
	s := SharedServer(t)
	var doc struct {
		OpenAPI string
		Paths   map[string]map[string]json.RawMessage
	}
	getJSON(t, s, "/api/v1/openapi.json", 200, &doc)
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi %q, want 3.x", doc.OpenAPI)
	}
	var described []string
	for p, ops := range doc.Paths {
		for m := range ops {
			described = append(described, strings.ToUpper(m)+" "+p)
		}
	}
	slices.Sort(described)
	routes := redhttp.APIRoutes()
	slices.Sort(routes)
	if !slices.Equal(described, routes) {
		t.Errorf("OpenAPI paths and API routes differ:\ndescribed %v\nserved    %v", described, routes)
	}
	for _, r := range routes {
		method, p, _ := strings.Cut(r, " ")
		if method != "GET" || strings.Contains(p, "{") {
			continue
		}
		if res := do(t, "GET", s.URL()+p, ""); res.Status == 404 || res.Status == 405 {
			t.Errorf("described route %s answers %d", r, res.Status)
		}
	}
}
