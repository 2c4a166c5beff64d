// Command loadtest measures the API's latency under a steady load: it
// builds (or reuses) a store of a million synthetic statements and a
// million events, serves it on a loopback port, and sends a paced,
// bounded stream of requests over a mix of endpoints, then prints the
// latency percentiles, overall and per endpoint, and the errors.
//
//	go run ./bench/loadtest [-records 1000000] [-rate 200] [-duration 30s]
//
// Before the measured run it asks once for each analysis in the mix, so
// that the run measures a server whose memoised analyses are in place,
// and prints what those first requests cost.
package main

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/rand"
	"net/http"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	redhttp "redline/http"
	"redline/sqlite"
)

func main() {
	records := flag.Int("records", 1_000_000, "statements, and as many events, in the store")
	dir := flag.String("dir", filepath.Join(os.TempDir(), "redline-bench"), "`DIR` where the generated store is kept between runs")
	rate := flag.Int("rate", 200, "requests per second")
	duration := flag.Duration("duration", 30*time.Second, "length of the measured run")
	inflight := flag.Int("inflight", 256, "most requests in flight; a request that would exceed it counts as an error")
	mmapSize := flag.Int64("mmap", redhttp.DefaultMmapSize, "map up to `BYTES` of the database into memory, as redline serve does (0: SQLite's default)")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the measured run to `FILE`")
	flag.Parse()
	profile = *cpuprofile
	mmap = *mmapSize
	if err := run(*records, *dir, *rate, *duration, *inflight); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

func run(records int, dir string, rate int, duration time.Duration, inflight int) error {
	path, err := ensureStore(dir, records)
	if err != nil {
		return err
	}
	db := sqlite.NewDB(path)
	db.CountryOf, db.MmapSize = countryOf, mmap
	if err := db.Open(); err != nil {
		return err
	}
	defer db.Close()
	srv := redhttp.NewServer(db)
	srv.Addr, srv.CountryOf, srv.Wait = "127.0.0.1:0", countryOf, 5*time.Minute
	srv.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	start := time.Now()
	if err := srv.Open(); err != nil {
		return err
	}
	defer srv.Close()
	fmt.Printf("store %s: %d statements and %d events; server up in %v\n", path, records, records, time.Since(start).Round(time.Millisecond))

	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: inflight, MaxConnsPerHost: inflight}}
	base := srv.URL()
	rng := rand.New(rand.NewSource(1))
	z := zipf(rng)
	fmt.Println("first requests for the analyses in the mix (computed, then kept):")
	for _, w := range warmups {
		t0 := time.Now()
		status, err := get(client, base+w)
		fmt.Printf("  %-50s %4d %8.0f ms %v\n", w, status, float64(time.Since(t0).Microseconds())/1000, errText(err))
	}

	total := int(float64(rate) * duration.Seconds())
	fmt.Printf("measured run: %d requests at %d/s over %v\n", total, rate, duration)
	type result struct {
		kind string
		took time.Duration
		err  bool
	}
	results := make([]result, total)
	slots := make(chan struct{}, inflight)
	var wg sync.WaitGroup
	tick := time.NewTicker(time.Second / time.Duration(rate))
	defer tick.Stop()
	if profile != "" {
		f, err := os.Create(profile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	load0 := loadAverage()
	cpu0 := cpuTime()
	began := time.Now()
	for i := range total {
		<-tick.C
		kind, url := pick(rng, z, records/50)
		select {
		case slots <- struct{}{}:
		default:
			results[i] = result{kind, 0, true}
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-slots }()
			t0 := time.Now()
			status, err := get(client, base+url)
			results[i] = result{kind, time.Since(t0), err != nil || status != 200}
		}()
	}
	wg.Wait()
	elapsed := time.Since(began)
	cpu := cpuTime() - cpu0

	byKind := map[string][]time.Duration{}
	var all []time.Duration
	errs := map[string]int{}
	for _, r := range results {
		if r.err {
			errs[r.kind]++
			continue
		}
		byKind[r.kind] = append(byKind[r.kind], r.took)
		all = append(all, r.took)
	}
	nerr := 0
	for _, n := range errs {
		nerr += n
	}
	fmt.Printf("sent %d in %v (%.1f/s), %d errors; processor time %.2f ms a request (server and client); load average %s before, %s after\n",
		total, elapsed.Round(time.Millisecond), float64(total)/elapsed.Seconds(), nerr, float64(cpu.Microseconds())/1000/float64(total), load0, loadAverage())
	fmt.Printf("%-22s %7s %8s %8s %8s %8s %6s\n", "endpoint", "n", "p50", "p95", "p99", "max", "errors")
	kinds := make([]string, 0, len(byKind))
	for k := range byKind {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	for _, k := range kinds {
		printRow(k, byKind[k], errs[k])
	}
	printRow("ALL", all, nerr)
	return nil
}

// profile names the file for the CPU profile, if any; mmap is SQLite's
// mmap_size for the store.
var (
	profile string
	mmap    int64
)

// cpuTime returns the processor time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// loadAverage returns the machine's one-minute load average, which says
// whether other work shared the processors with the run.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return "?"
	}
	return f[0]
}

func printRow(name string, ds []time.Duration, errs int) {
	slices.Sort(ds)
	q := func(p float64) string {
		if len(ds) == 0 {
			return "-"
		}
		i := min(len(ds)-1, int(p*float64(len(ds))))
		return fmt.Sprintf("%.1fms", float64(ds[i].Microseconds())/1000)
	}
	fmt.Printf("%-22s %7d %8s %8s %8s %8s %6d\n", name, len(ds), q(0.50), q(0.95), q(0.99), q(1), errs)
}

func get(c *http.Client, url string) (int, error) {
	res, err := c.Get(url)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	_, err = io.Copy(io.Discard, res.Body)
	return res.StatusCode, err
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// warmups are the analyses the mix asks for, each asked once before the
// measured run.
var warmups = []string{
	"/api/v1/reversals?limit=20", "/api/v1/gaps?limit=20", "/api/v1/redlines?limit=20", "/api/v1/splits?limit=20",
	"/api/v1/redlines?actor=IRN-official-1&limit=20", "/api/v1/gaps?actor=USA-official-2&limit=20",
	"/api/v1/deadlines?after=all",
	"/api/v1/timeline?actor=IRN-official-1&limit=1", "/api/v1/timeline?actor=USA-official-2&limit=1",
}

// pick chooses the next request of the mix: mostly reads of records by
// filter and page, full-text search, and the analyses.
func pick(rng *rand.Rand, z *rand.Zipf, docs int) (kind, url string) {
	// Most requests ask for a first page; some page deeper.
	deep := func(pages int) int {
		if rng.Intn(10) < 7 {
			return 0
		}
		return rng.Intn(pages)
	}
	speaker := states[rng.Intn(len(states))] + "-official-" + fmt.Sprint(rng.Intn(6))
	state := states[rng.Intn(len(states))]
	year := 2000 + rng.Intn(25)
	switch n := rng.Intn(100); {
	case n < 15:
		return "statements/actor", fmt.Sprintf("/api/v1/statements?actor=%s&limit=50&offset=%d", speaker, 50*deep(20))
	case n < 25:
		return "statements/topic+date", fmt.Sprintf("/api/v1/statements?topic=%s&from=%d-%02d&to=%d-%02d&limit=50", topics[rng.Intn(len(topics))], year, 1+rng.Intn(12), year, 12)
	case n < 35:
		q := words[z.Uint64()]
		if rng.Intn(2) == 0 {
			q += "+" + words[z.Uint64()]
		}
		return "statements/search", fmt.Sprintf("/api/v1/statements?q=%s&limit=20", q)
	case n < 45:
		return "events/country+mode", fmt.Sprintf("/api/v1/events?country=%s&mode=covert&from=%d&to=%d&limit=50", state, year, year+1)
	case n < 50:
		return "events/target", fmt.Sprintf("/api/v1/events?target=%s-state&limit=50&offset=%d", state, 50*deep(10))
	case n < 55:
		return "documents", fmt.Sprintf("/api/v1/documents?limit=20&offset=%d", 20*deep(50))
	case n < 62:
		return "document", fmt.Sprintf("/api/v1/documents/doc%07d", rng.Intn(docs))
	case n < 66:
		return "actors", "/api/v1/actors?limit=20"
	case n < 68:
		return "actor", "/api/v1/actors/" + speaker
	case n < 76:
		a := []string{"IRN-official-1", "USA-official-2"}[rng.Intn(2)]
		return "timeline", fmt.Sprintf("/api/v1/timeline?actor=%s&limit=50&offset=%d", a, 50*deep(40))
	case n < 80:
		return "counts", "/api/v1/counts"
	case n < 98:
		w := warmups[rng.Intn(6)]
		kind := strings.TrimPrefix(w[:strings.IndexByte(w, '?')], "/api/v1/")
		return "analysis/" + kind, w
	default:
		return "deadlines", "/api/v1/deadlines?after=all&limit=20"
	}
}
