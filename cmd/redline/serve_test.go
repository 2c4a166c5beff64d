package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"redline"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a buffer safe to write from the command while the test
// reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestServe(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, stderr := run(t, "", "demo", "--db", db); code != exitOK {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	var out, errb syncBuffer
	m := &Main{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() {
		done <- m.Run(ctx, []string{"serve", "--db", db, "--addr", "127.0.0.1:0", "--token", "t0k", "--ach", "../../examples/ach"})
	}()
	var url string
	for deadline := time.Now().Add(20 * time.Second); url == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		url = regexp.MustCompile(`http://127\.0\.0\.1:\d+`).FindString(out.String())
	}
	if url == "" {
		cancel()
		t.Fatalf("serve printed no URL; stderr:\n%s", errb.String())
	}
	for path, want := range map[string]string{"/healthz": "ok", "/api/v1/actors/ali-khamenei": `"country": "IRN"`, "/actors/ali-khamenei": "Red-line ledger"} {
		res, err := http.Get(url + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || !strings.Contains(string(b), want) {
			t.Errorf("GET %s = %d, want 200 with %q", path, res.StatusCode, want)
		}
	}
	// Competing hypotheses, reciprocity and the simulator are wired in.
	achFile, err := os.ReadFile("../../examples/ach/khamenei-talks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ method, path, body, want string }{
		{"POST", "/api/v1/ach", string(achFile), `"posterior_rank"`},
		{"POST", "/api/v1/ach", "question: [", `"invalid"`},
		{"GET", "/api/v1/reciprocity?a=IRN&b=USA&period=month", "", `"flows"`},
		{"GET", "/api/v1/reciprocity?a=ali-khamenei&b=USA", "", "belongs to IRN"},
		{"GET", "/api/v1/simulate?strategy=tit-for-tat&strategy=defector&rounds=20", "", `"table"`},
		{"GET", "/api/v1/simulate?strategy=nobody,defector", "", `"invalid"`},
		{"GET", "/simulate?a=IRN&b=USA&run=1&strategy=tit-for-tat,grudger&rounds=20", "", "<polyline"},
		{"GET", "/ach?file=khamenei-talks.yaml", "", `class="r-`},
	} {
		req, _ := http.NewRequest(c.method, url+c.path, strings.NewReader(c.body))
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if !strings.Contains(string(b), c.want) {
			t.Errorf("%s %s = %d, want %q in:\n%.300s", c.method, c.path, res.StatusCode, c.want, b)
		}
	}
	screenshots(t, url, map[string]string{
		"ach-scored":   "/ach?file=khamenei-talks.yaml",
		"simulate-run": "/simulate?a=IRN&b=USA&period=month&run=1&strategy=tit-for-tat,grudger,defector,generous-tit-for-tat&rounds=100&noise=0.05",
	})
	res, err := http.Post(url+"/api/v1/documents?date=2025-03-01", "text/plain", strings.NewReader("Iran said it would talk."))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusUnauthorized {
		t.Errorf("POST without the token = %d, want 401", res.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v after its context ended", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
	if !strings.Contains(errb.String(), `"msg":"request"`) || !strings.Contains(errb.String(), `"route":"GET /healthz"`) {
		t.Errorf("no JSON request log on stderr:\n%.500s", errb.String())
	}
	if code, _, stderr := run(t, "", "serve", "--addr", "0.0.0.0:0", "--token", "", "--db", db); code != exitUsage || !strings.Contains(stderr, "token") {
		t.Errorf("serve off loopback without a token: exit %d, %q; want a usage error naming the token", code, stderr)
	}
}

// screenshots saves, when $REDLINE_SCREENSHOTS names a folder and
// chromium is installed, a screenshot of each page that shows what the
// command wires in; the dashboard's own browser tests are in package http.
func screenshots(t *testing.T, base string, pages map[string]string) {
	dir := os.Getenv("REDLINE_SCREENSHOTS")
	bin, err := exec.LookPath("chromium")
	if dir == "" || err != nil {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, path := range pages {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		cmd := exec.CommandContext(ctx, bin, "--headless", "--disable-gpu", "--no-sandbox", "--disable-dev-shm-usage", "--hide-scrollbars",
			"--user-data-dir="+t.TempDir(), "--window-size=1280,1800", "--screenshot="+filepath.Join(dir, name+".png"), base+path)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("chromium %s: %v\n%s", path, err, out)
		}
		cancel()
	}
}

// A document stored through the server claims the store for the server's
// coder, and is refused when the store holds the other coder's events.
func TestServeClaimsCoder(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "claimed.db")
	db, err := openDB(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ClaimSetting(ctx, "event_coder", coderPetrarch); err != nil {
		t.Fatal(err)
	}
	x := &redline.Extraction{Doc: redline.Document{ID: "d1", Text: "Iran said so."}}
	s := &claimingStore{DB: db, path: path, coder: coderRedline}
	if _, err := s.SaveExtraction(ctx, x); redline.ErrorCode(err) != redline.ECONFLICT {
		t.Fatalf("SaveExtraction into a PETRARCH store = %v, want a conflict", err)
	}
	if n, err := db.Counts(ctx); err != nil || n.Documents != 0 {
		t.Fatalf("documents stored after the refusal: %+v, %v", n, err)
	}
	s = &claimingStore{DB: db, path: path, coder: coderPetrarch}
	if created, err := s.SaveExtraction(ctx, x); err != nil || !created {
		t.Fatalf("SaveExtraction with the store's own coder = %v, %v", created, err)
	}
}
