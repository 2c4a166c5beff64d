package http

import (
	"cmp"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// latencyBuckets are the upper bounds, in seconds, of the request
// duration histogram.
var latencyBuckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// metrics counts what the server did, for /metrics in the Prometheus text
// format.
type metrics struct {
	mu       sync.Mutex
	requests map[requestKey]uint64
	latency  map[string]*histogram // by route pattern

	inflight        atomic.Int64
	cacheHits       atomic.Uint64
	cacheMisses     atomic.Uint64
	snapshots       atomic.Uint64
	snapshotSeconds atomic.Int64 // nanoseconds the last snapshot took to read
	stored          atomic.Uint64
}

type requestKey struct {
	route, method string
	code          int
}

type histogram struct {
	counts []uint64 // per bucket, not cumulative; the last is +Inf
	sum    float64
	n      uint64
}

func newMetrics() *metrics {
	return &metrics{requests: map[requestKey]uint64{}, latency: map[string]*histogram{}}
}

// observe records one finished request.
func (m *metrics) observe(route, method string, code int, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[requestKey{route, method, code}]++
	h := m.latency[route]
	if h == nil {
		h = &histogram{counts: make([]uint64, len(latencyBuckets)+1)}
		m.latency[route] = h
	}
	sec := d.Seconds()
	i, _ := slices.BinarySearch(latencyBuckets, sec)
	h.counts[i]++
	h.sum += sec
	h.n++
}

// write writes every metric in the Prometheus text exposition format,
// with the store's record counts from counts.
func (m *metrics) write(w io.Writer, counts map[string]int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	fmt.Fprintln(w, "# HELP redline_http_requests_total Requests answered, by route pattern, method and status.")
	fmt.Fprintln(w, "# TYPE redline_http_requests_total counter")
	keys := make([]requestKey, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b requestKey) int {
		return cmp.Or(strings.Compare(a.route, b.route), strings.Compare(a.method, b.method), cmp.Compare(a.code, b.code))
	})
	for _, k := range keys {
		fmt.Fprintf(w, "redline_http_requests_total{route=%s,method=%s,code=\"%d\"} %d\n", label(k.route), label(k.method), k.code, m.requests[k])
	}
	fmt.Fprintln(w, "# HELP redline_http_request_duration_seconds Time to answer a request, by route pattern.")
	fmt.Fprintln(w, "# TYPE redline_http_request_duration_seconds histogram")
	routes := make([]string, 0, len(m.latency))
	for r := range m.latency {
		routes = append(routes, r)
	}
	slices.Sort(routes)
	for _, r := range routes {
		h := m.latency[r]
		var cum uint64
		for i, le := range latencyBuckets {
			cum += h.counts[i]
			fmt.Fprintf(w, "redline_http_request_duration_seconds_bucket{route=%s,le=\"%s\"} %d\n", label(r), strconv.FormatFloat(le, 'g', -1, 64), cum)
		}
		fmt.Fprintf(w, "redline_http_request_duration_seconds_bucket{route=%s,le=\"+Inf\"} %d\n", label(r), h.n)
		fmt.Fprintf(w, "redline_http_request_duration_seconds_sum{route=%s} %g\n", label(r), h.sum)
		fmt.Fprintf(w, "redline_http_request_duration_seconds_count{route=%s} %d\n", label(r), h.n)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	gauge(w, "go_goroutines", "Goroutines that exist.", "gauge", float64(runtime.NumGoroutine()))
	gauge(w, "go_memstats_heap_alloc_bytes", "Bytes of allocated heap objects.", "gauge", float64(ms.HeapAlloc))
	gauge(w, "redline_http_requests_in_flight", "Requests being answered.", "gauge", float64(m.inflight.Load()))
	gauge(w, "redline_cache_hits_total", "Analyses answered from the snapshot's memo.", "counter", float64(m.cacheHits.Load()))
	gauge(w, "redline_cache_misses_total", "Analyses computed.", "counter", float64(m.cacheMisses.Load()))
	gauge(w, "redline_snapshots_total", "Snapshots of the store read.", "counter", float64(m.snapshots.Load()))
	gauge(w, "redline_snapshot_read_seconds", "Time the last snapshot took to read.", "gauge", time.Duration(m.snapshotSeconds.Load()).Seconds())
	gauge(w, "redline_documents_stored_total", "Documents stored through the server.", "counter", float64(m.stored.Load()))
	fmt.Fprintln(w, "# HELP redline_store_records Records in the store at the last snapshot, by kind.")
	fmt.Fprintln(w, "# TYPE redline_store_records gauge")
	kinds := make([]string, 0, len(counts))
	for k := range counts {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	for _, k := range kinds {
		fmt.Fprintf(w, "redline_store_records{kind=%s} %d\n", label(k), counts[k])
	}
}

func gauge(w io.Writer, name, help, kind string, v float64) {
	fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s %s\n%s %g\n", name, help, name, kind, name, v)
}

// label quotes a label value as the exposition format escapes it.
func label(v string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(v) + `"`
}
