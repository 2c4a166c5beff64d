package http_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"redline"
)

// chromium returns the headless browser to drive, skipping the test when
// there is none, unless CI expects the browser tests to run (CI=true or
// REDLINE_BROWSER_TESTS=1), when its absence is a failure.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" || os.Getenv("REDLINE_BROWSER_TESTS") == "1" {
		t.Fatal("no chromium on PATH, and CI expects the browser tests to run (apt-get install chromium)")
	}
	t.Skip("no chromium on PATH: browser tests skipped (apt-get install chromium to run them)")
	return ""
}

// screenshots returns the folder screenshots go to: $REDLINE_SCREENSHOTS,
// or a temporary folder.
func screenshots(t *testing.T) string {
	dir := os.Getenv("REDLINE_SCREENSHOTS")
	if dir == "" {
		return t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// browse loads a URL in headless Chromium, saves a screenshot and returns
// the DOM after the page's script ran.
func browse(t *testing.T, bin, url, png string, height int) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--disable-gpu", "--no-sandbox", "--disable-dev-shm-usage",
		"--hide-scrollbars", "--user-data-dir="+t.TempDir(), "--window-size=1280,"+strconv.Itoa(height),
		"--screenshot="+png, "--dump-dom", url)
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %s: %v\n%s", url, err, errb.String())
	}
	if info, err := os.Stat(png); err != nil || info.Size() < 5000 {
		t.Errorf("no screenshot of %s at %s (%v)", url, png, err)
	}
	return out.String()
}

// TestBrowser loads every page in headless Chromium, checks what a reader
// sees after the script ran, and keeps a screenshot of each.
func TestBrowser(t *testing.T) {
	bin := chromium(t)
	dir := screenshots(t)
	s := MustOpenServer(t, nil)
	warm(t, s)
	var st struct{ Items []redline.Statement }
	getJSON(t, s, "/api/v1/statements?actor=ali-khamenei&limit=1", 200, &st)
	x := st.Items[0]
	docURL := fmt.Sprintf("/documents/%s?span=%d-%d#s-%d", x.Doc, x.Span.Start, x.Span.End, x.Sentence)
	r := do(t, "POST", s.URL()+"/api/v1/documents", hostile)
	hostileID := between(r.Body, `"id": "`, `"`)
	pages := []struct {
		name, path string
		height     int
		want       []string
	}{
		{"overview", "/", 1600, []string{"Top actors", "Ali Khamenei", "Upcoming deadlines", `class="countdown"`, "Latest say-do gaps"}},
		{"actors", "/actors", 1400, []string{"Donald Trump", `role="status"`}},
		{"actor", "/actors/ali-khamenei", 2600, []string{"<svg", "Red-line ledger", "Say-do gaps", "Precedents and base rates", "Timeline", `role="status"`, `<p class="js-only"><label for="tl-filter">`}},
		{"document", docURL, 1400, []string{"<mark>", fmt.Sprintf(`id="s-%d"`, x.Sentence)}},
		{"hostile", "/documents/" + hostileID, 900, []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;"}},
		{"search", "/search?q=negotiations", 1400, []string{`class="results"`, "Khamenei"}},
		{"ingest", "/ingest", 1200, []string{"Paste an article", `type="file"`}},
		{"precedents", "/actors/ali-khamenei/precedents?topic=negotiate&stance=against", 1800, []string{"Base rates", "What followed"}},
		{"ach", "/ach", 800, []string{"Competing hypotheses", "not available"}},
		{"simulate", "/simulate", 800, []string{"Reciprocity and simulation", "not available"}},
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for _, p := range pages {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			t.Run(p.name, func(t *testing.T) {
				dom := browse(t, bin, s.URL()+p.path, filepath.Join(dir, p.name+".png"), p.height)
				for _, w := range p.want {
					if !strings.Contains(dom, w) {
						t.Errorf("%s: the page as loaded lacks %q", p.path, w)
					}
				}
				if strings.Contains(dom, "<script>alert") {
					t.Errorf("%s: article text became markup", p.path)
				}
			})
		}()
	}
	wg.Wait()
	// The script ran under the Content-Security-Policy and counted the
	// deadlines down from the server's clock (2025-02-10 in these tests),
	// as the server did, not from the browser's.
	served := between(get(t, s, "/", 200).Body, `class="countdown" data-date="`, "</span>")
	dom := browse(t, bin, s.URL()+"/", filepath.Join(dir, "overview-script.png"), 900)
	if shown := between(dom, `class="countdown" data-date="`, "</span>"); shown == "" || shown != served || !strings.Contains(shown, "days") {
		t.Errorf("countdown %q as served, %q in the browser; want the same days", served, shown)
	}
	t.Logf("screenshots in %s", dir)
}
