package http_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"redline"
	redhttp "redline/http"
)

const hostile = `---
title: <script>alert("title")</script>
date: 2025-03-01
---
Ali Khamenei said: "We reject <script>alert(1)</script> negotiations with the United States <img src=x onerror=alert(2)>."
`

func TestUpload_HostileTextIsText(t *testing.T) {
	s := MustOpenServer(t, nil)
	r := do(t, "POST", s.URL()+"/api/v1/documents", hostile, "Content-Type: text/plain")
	if r.Status != 200 {
		t.Fatalf("POST documents = %d: %s", r.Status, r.Body)
	}
	if strings.Contains(r.Body, "<script>") {
		t.Errorf("the JSON answer holds a raw <script>: %s", r.Body)
	}
	var out struct{ Documents []redhttp.Stored }
	if err := json.Unmarshal([]byte(r.Body), &out); err != nil || len(out.Documents) != 1 || !out.Documents[0].Created || out.Documents[0].Statements == 0 {
		t.Fatalf("POST documents answer %+v, %v; want one created document with statements", out, err)
	}
	id := out.Documents[0].ID
	for _, path := range []string{"/documents/" + id, "/search?q=reject", "/actors/ali-khamenei", "/"} {
		page := get(t, s, path, 200).Body
		if strings.Contains(page, "<script>alert") || strings.Contains(page, "<img src=x") {
			t.Errorf("%s renders article text as HTML", path)
		}
		if path != "/" && !strings.Contains(page, "&lt;script&gt;alert") {
			t.Errorf("%s does not show the quoted <script> as text", path)
		}
	}
	again := do(t, "POST", s.URL()+"/api/v1/documents", hostile)
	if !strings.Contains(again.Body, `"created": false`) {
		t.Errorf("storing the same text again: %s, want created false", again.Body)
	}
	dry := do(t, "POST", s.URL()+"/api/v1/documents?dry_run=true&date=2025-03-02", "Donald Trump said the United States would never negotiate with Iran.")
	if dry.Status != 200 || !strings.Contains(dry.Body, `"extraction"`) {
		t.Fatalf("dry run = %d %s", dry.Status, dry.Body)
	}
	var d struct{ Documents []redhttp.Stored }
	json.Unmarshal([]byte(dry.Body), &d)
	wantError(t, do(t, "GET", s.URL()+"/api/v1/documents/"+d.Documents[0].ID, ""), 404, redline.ENOTFOUND)
	wantError(t, do(t, "POST", s.URL()+"/api/v1/documents", "No date anywhere in this text."), 400, redline.EINVALID)
}

func TestAuth_Token(t *testing.T) {
	s := MustOpenServer(t, func(s *redhttp.Server) { s.Token = "s3cret" })
	doc := "Donald Trump said the United States would talk to Iran."
	wantError(t, do(t, "POST", s.URL()+"/api/v1/documents?date=2025-03-03", doc), 401, redhttp.EUNAUTHORIZED)
	wantError(t, do(t, "POST", s.URL()+"/api/v1/documents?date=2025-03-03", doc, "Authorization: Bearer wrong"), 401, redhttp.EUNAUTHORIZED)
	if r := do(t, "POST", s.URL()+"/api/v1/documents?date=2025-03-03", doc, "Authorization: Bearer s3cret"); r.Status != 200 {
		t.Errorf("POST with the token = %d %s", r.Status, r.Body)
	}
	get(t, s, "/api/v1/counts", 200) // reads on loopback need no token
	get(t, s, "/", 200)

	// The ingest form: a store without the form token is refused, then
	// without the server token, then with the typed token it is stored.
	form := url.Values{"action": {"store"}, "doc_text": {"Iran said it would talk."}, "doc_title": {"t"}, "doc_date": {"2025-03-04"},
		"doc_url": {""}, "doc_source": {""}, "doc_path": {"pasted"}}
	post := func(v url.Values) response {
		return do(t, "POST", s.URL()+"/ingest", v.Encode(), "Content-Type: application/x-www-form-urlencoded")
	}
	if r := post(form); r.Status != 403 {
		t.Errorf("ingest store without the form token = %d, want 403", r.Status)
	}
	page := get(t, s, "/ingest", 200).Body
	form.Set("form_token", between(page, `name="form_token" value="`, `"`))
	if r := post(form); r.Status != 401 {
		t.Errorf("ingest store without the server token = %d, want 401", r.Status)
	}
	form.Set("token", "s3cret")
	r := post(form)
	if r.Status != 303 || !strings.HasPrefix(r.Header.Get("Location"), "/documents/") || !strings.Contains(r.Header.Get("Set-Cookie"), "redline_session=") {
		t.Errorf("ingest store with the token = %d, Location %q, Set-Cookie %q", r.Status, r.Header.Get("Location"), r.Header.Get("Set-Cookie"))
	}
}

// between returns the text of s after the first before and up to after.
func between(s, before, after string) string {
	_, rest, _ := strings.Cut(s, before)
	v, _, _ := strings.Cut(rest, after)
	return v
}

func TestAuth_CrossSiteAndHost(t *testing.T) {
	t.Parallel()
	s := SharedServer(t)
	wantError(t, do(t, "POST", s.URL()+"/api/v1/documents?date=2025-03-03", "Iran said no.", "Sec-Fetch-Site: cross-site"), 403, redhttp.EFORBIDDEN)
	wantError(t, do(t, "POST", s.URL()+"/api/v1/documents?date=2025-03-03", "Iran said no.", "Origin: http://evil.example"), 403, redhttp.EFORBIDDEN)
	// A name rebound to 127.0.0.1 by another site is refused.
	wantError(t, do(t, "GET", s.URL()+"/api/v1/counts", "", "Host: evil.example:8080"), 403, redhttp.EFORBIDDEN)
	get(t, s, "/healthz", 200)
	if r := do(t, "GET", s.URL()+"/api/v1/counts", "", "Host: localhost:1234"); r.Status != 200 {
		t.Errorf("Host localhost = %d, want 200", r.Status)
	}
}

func TestAuth_NonLoopbackNeedsToken(t *testing.T) {
	db, _ := MustOpenStore(t)
	s := redhttp.NewServer(db)
	s.Addr = "0.0.0.0:0"
	if err := s.Open(); redline.ErrorCode(err) != redline.EINVALID {
		s.Close()
		t.Fatalf("Open on 0.0.0.0 without a token = %v, want EINVALID", err)
	}
	s = MustOpenServer(t, func(s *redhttp.Server) { s.Addr, s.Token = "0.0.0.0:0", "tok" })
	base := strings.Replace(s.URL(), "0.0.0.0", "127.0.0.1", 1)
	wantError(t, do(t, "GET", base+"/api/v1/counts", ""), 401, redhttp.EUNAUTHORIZED)
	if r := do(t, "GET", base+"/api/v1/counts", "", "Authorization: Bearer tok"); r.Status != 200 {
		t.Errorf("counts with the token = %d", r.Status)
	}
	if r := do(t, "GET", base+"/actors", ""); r.Status != 303 || !strings.HasPrefix(r.Header.Get("Location"), "/login?next=") {
		t.Errorf("a page without the token = %d to %q, want a redirect to /login", r.Status, r.Header.Get("Location"))
	}
	if r := do(t, "GET", base+"/healthz", ""); r.Status != 200 {
		t.Errorf("healthz = %d, want 200 without a token", r.Status)
	}
	login := do(t, "POST", base+"/login", "token=tok&next=%2Factors", "Content-Type: application/x-www-form-urlencoded")
	cookie, _, _ := strings.Cut(login.Header.Get("Set-Cookie"), ";")
	if login.Status != 303 || login.Header.Get("Location") != "/actors" || cookie == "" {
		t.Fatalf("login = %d to %q with cookie %q", login.Status, login.Header.Get("Location"), cookie)
	}
	if strings.Contains(cookie, "tok") && !strings.HasPrefix(cookie, "redline_session=") {
		t.Errorf("the cookie %q carries the token itself", cookie)
	}
	if r := do(t, "GET", base+"/actors", "", "Cookie: "+cookie); r.Status != 200 {
		t.Errorf("a page with the session = %d", r.Status)
	}
	if r := do(t, "POST", base+"/login", "token=nope&next=//evil.example", "Content-Type: application/x-www-form-urlencoded"); r.Status != 401 {
		t.Errorf("login with a wrong token = %d, want 401", r.Status)
	}
}

func TestLimits(t *testing.T) {
	s := MustOpenServer(t, func(s *redhttp.Server) { s.MaxBody = 1000 })
	wantError(t, do(t, "POST", s.URL()+"/api/v1/documents?date=2025-03-03", strings.Repeat("Iran said no. ", 200)), 413, redhttp.ETOOLARGE)
	r := get(t, s, "/static/app.css", 200)
	for _, h := range []string{"Content-Security-Policy", "X-Content-Type-Options"} {
		if r.Header.Get(h) == "" {
			t.Errorf("no %s header", h)
		}
	}
	for _, path := range []string{"/static/", "/static/nothing.css", "/static/x/app.css", "/static/../assets.go", "/static/%2e%2e/assets.go"} {
		r := do(t, "GET", s.URL()+path, "")
		if loc := r.Header.Get("Location"); r.Status/100 == 3 && loc != "" {
			r = do(t, "GET", s.URL()+loc, "")
		}
		if r.Status != 404 {
			t.Errorf("GET %s = %d, want 404 (no listings, no files outside static)", path, r.Status)
		}
	}
}

func TestOperations(t *testing.T) {
	s := MustOpenServer(t, nil)
	get(t, s, "/healthz", 200)
	get(t, s, "/api/v1/gaps", 200)
	m := get(t, s, "/metrics", 200).Body
	for _, want := range []string{
		`redline_http_requests_total{route="GET /api/v1/gaps",method="GET",code="200"} 1`,
		`redline_http_request_duration_seconds_bucket{route="GET /api/v1/gaps",le="+Inf"} 1`,
		`redline_store_records{kind="statement"}`,
		"redline_cache_misses_total",
		"go_goroutines",
	} {
		if !strings.Contains(m, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}

// TestRefresh stores records through a second handle on the database
// file, as "redline ingest" does while the server runs, and waits for the
// server to see them.
func TestRefresh(t *testing.T) {
	db, path := MustOpenStore(t)
	s := redhttp.NewServer(db)
	s.Addr, s.Refresh = "127.0.0.1:0", 20*time.Millisecond
	if err := s.Open(); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var before redline.Counts
	getJSON(t, s, "/api/v1/counts", 200, &before)

	other, _ := openFile(t, path)
	p, _ := demo()
	d := &redline.Document{ID: redline.DocumentID("x"), Text: "Iran said it would never negotiate with the United States.", Published: redline.Day(time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC))}
	d.ID = redline.DocumentID(d.Text)
	done := make(chan error)
	go func() { // reads go on while the other process writes
		for range 50 {
			if r := do(t, "GET", s.URL()+"/api/v1/gaps", ""); r.Status != 200 {
				done <- nil
				return
			}
		}
		done <- nil
	}()
	if _, err := other.SaveExtraction(context.Background(), p.Run(d)); err != nil {
		t.Fatal(err)
	}
	<-done
	deadline := time.Now().Add(5 * time.Second)
	for {
		var now redline.Counts
		getJSON(t, s, "/api/v1/counts", 200, &now)
		if now.Documents == before.Documents+1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the server still counts %d documents, want %d", now.Documents, before.Documents+1)
		}
		time.Sleep(20 * time.Millisecond)
	}
	get(t, s, "/documents/"+d.ID, 200)
}

// TestConcurrent reads every kind of answer from several clients at once
// while documents are stored, so that the race detector sees snapshots
// replaced and analyses computed under readers.
func TestConcurrent(t *testing.T) {
	s := MustOpenServer(t, nil)
	paths := []string{"/api/v1/gaps", "/api/v1/reversals?actor=ali-khamenei", "/api/v1/redlines", "/api/v1/timeline?actor=donald-trump",
		"/api/v1/statements?q=talks", "/api/v1/actors", "/api/v1/precedents?actor=ali-khamenei", "/api/v1/deadlines?after=all",
		"/", "/actors/ali-khamenei", "/search?q=sanctions"}
	var wg sync.WaitGroup
	for g := range 6 {
		wg.Go(func() {
			for i := range 12 {
				path := paths[(g+i)%len(paths)]
				if r := do(t, "GET", s.URL()+path, ""); r.Status != 200 && r.Status != 503 {
					t.Errorf("GET %s = %d", path, r.Status)
				}
			}
		})
	}
	for i := range 3 {
		doc := fmt.Sprintf("Iran's foreign minister said on Monday that Iran would not negotiate with the United States (%d).", i)
		if r := do(t, "POST", s.URL()+"/api/v1/documents?date=2025-03-1"+strconv.Itoa(i), doc); r.Status != 200 {
			t.Errorf("POST = %d %s", r.Status, r.Body)
		}
	}
	wg.Wait()
}
