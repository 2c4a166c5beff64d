package http_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"redline"
	"redline/dict"
	"redline/examples"
	"redline/extract"
	redhttp "redline/http"
	"redline/ingest"
	"redline/sqlite"
)

// demo is the demo corpus extracted once for every test.
var demo = sync.OnceValues(func() (*extract.Pipeline, []*redline.Extraction) {
	p, err := extract.Load(dict.FS)
	if err != nil {
		panic(err)
	}
	var xs []*redline.Extraction
	err = ingest.ReadFS(context.Background(), examples.Corpus, ".", ingest.Options{}, func(d *redline.Document, err error) error {
		if err != nil {
			return err
		}
		xs = append(xs, p.Run(d))
		return nil
	})
	if err != nil {
		panic(err)
	}
	return p, xs
})

// MustOpenStore returns a file store in a temporary directory holding the
// demo corpus, closed when tb ends.
func MustOpenStore(tb testing.TB) (*sqlite.DB, string) {
	tb.Helper()
	p, xs := demo()
	path := filepath.Join(tb.TempDir(), "redline.db")
	db := sqlite.NewDB(path)
	db.CountryOf = p.Actors.CountryOf
	if err := db.Open(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	if _, err := db.SaveExtractions(context.Background(), xs); err != nil {
		tb.Fatal(err)
	}
	return db, path
}

// MustOpenServer starts a server over a demo store on a free loopback
// port; set adjusts it before it opens. The server closes when tb ends.
func MustOpenServer(tb testing.TB, set func(*redhttp.Server)) *redhttp.Server {
	tb.Helper()
	db, _ := MustOpenStore(tb)
	p, _ := demo()
	s := redhttp.NewServer(db)
	s.Addr = "127.0.0.1:0"
	s.CountryOf = p.Actors.CountryOf
	s.Actor = p.Actors.Actor
	s.Extract = p.Run
	s.Now = func() time.Time { return time.Date(2025, 2, 10, 12, 0, 0, 0, time.UTC) }
	if set != nil {
		set(s)
	}
	if err := s.Open(); err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("Close: %v", err)
		}
	})
	return s
}

// shared is one server over the demo store for the tests that only read,
// opened by the first of them and closed by TestMain.
var shared struct {
	once sync.Once
	s    *redhttp.Server
	db   *sqlite.DB
	err  error
}

// SharedServer returns the server the read-only tests share. Tests that
// write, or need settings of their own, open their own (MustOpenServer).
func SharedServer(tb testing.TB) *redhttp.Server {
	tb.Helper()
	shared.once.Do(func() {
		p, xs := demo()
		dir, err := os.MkdirTemp("", "redline-http-test")
		if err != nil {
			shared.err = err
			return
		}
		db := sqlite.NewDB(filepath.Join(dir, "redline.db"))
		db.CountryOf = p.Actors.CountryOf
		if shared.err = db.Open(); shared.err != nil {
			return
		}
		if _, shared.err = db.SaveExtractions(context.Background(), xs); shared.err != nil {
			return
		}
		s := redhttp.NewServer(db)
		s.Addr, s.CountryOf, s.Actor, s.Extract = "127.0.0.1:0", p.Actors.CountryOf, p.Actors.Actor, p.Run
		s.Now = func() time.Time { return time.Date(2025, 2, 10, 12, 0, 0, 0, time.UTC) }
		shared.err = s.Open()
		shared.s, shared.db = s, db
	})
	if shared.err != nil {
		tb.Fatalf("shared server: %v", shared.err)
	}
	return shared.s
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.s != nil {
		shared.s.Close()
		shared.db.Close()
		os.RemoveAll(filepath.Dir(shared.db.DSN))
	}
	os.Exit(code)
}

// warm asks, through the API, for the analyses the front page and Ali
// Khamenei's page show, which those pages wait for only briefly.
func warm(tb testing.TB, s *redhttp.Server) {
	tb.Helper()
	for _, path := range []string{"/api/v1/gaps", "/api/v1/gaps?actor=ali-khamenei", "/api/v1/precedents?actor=ali-khamenei"} {
		get(tb, s, path, 200)
	}
}

// response is what a request got back.
type response struct {
	Status int
	Header http.Header
	Body   string
}

// do sends a request and reads the whole answer; headers are "Key: value"
// strings.
func do(tb testing.TB, method, rawURL, body string, headers ...string) response {
	tb.Helper()
	req, err := http.NewRequest(method, rawURL, strings.NewReader(body))
	if err != nil {
		tb.Fatal(err)
	}
	for _, h := range headers {
		k, v, _ := strings.Cut(h, ": ")
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	if err != nil {
		tb.Fatalf("%s %s: %v", method, rawURL, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return response{res.StatusCode, res.Header, string(b)}
}

// get fetches a URL of the server and wants the status.
func get(tb testing.TB, s *redhttp.Server, path string, want int) response {
	tb.Helper()
	r := do(tb, "GET", s.URL()+path, "")
	if r.Status != want {
		tb.Fatalf("GET %s = %d, want %d; body:\n%.600s", path, r.Status, want, r.Body)
	}
	return r
}

// getJSON fetches an API URL and decodes its answer into v.
func getJSON(tb testing.TB, s *redhttp.Server, path string, want int, v any) {
	tb.Helper()
	r := get(tb, s, path, want)
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		tb.Errorf("GET %s: Content-Type %q, want JSON", path, ct)
	}
	if err := json.Unmarshal([]byte(r.Body), v); err != nil {
		tb.Fatalf("GET %s: %v in %.300s", path, err, r.Body)
	}
}

// apiErr is the JSON form of an error.
type apiErr struct {
	Error struct{ Code, Message string }
}

// wantError fetches path and wants an error with the status and code.
func wantError(tb testing.TB, r response, status int, code string) {
	tb.Helper()
	var e apiErr
	if err := json.Unmarshal([]byte(r.Body), &e); err != nil {
		tb.Fatalf("error body %.300q: %v", r.Body, err)
	}
	if r.Status != status || e.Error.Code != code || e.Error.Message == "" {
		tb.Errorf("got %d %+v, want %d with code %q and a message", r.Status, e.Error, status, code)
	}
}

func query(kv ...string) string {
	q := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		q.Add(kv[i], kv[i+1])
	}
	return q.Encode()
}

// openFile opens a second handle on a database file, as another process
// would.
func openFile(tb testing.TB, path string) (*sqlite.DB, error) {
	tb.Helper()
	p, _ := demo()
	db := sqlite.NewDB(path)
	db.CountryOf = p.Actors.CountryOf
	if err := db.Open(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db, nil
}

// httpGet gets a URL with the default client.
func httpGet(u string) (*http.Response, error) {
	res, err := http.Get(u)
	if err == nil {
		res.Body.Close()
	}
	return res, err
}
