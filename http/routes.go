package http

import (
	"fmt"
	"io/fs"
	"log/slog"
	"mime"
	"net/http"
	"path"
	"runtime/debug"
	"strings"
	"time"

	"redline"
	"redline/http/assets"
)

// routes builds the handler: every route, then the middleware around them.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	api := func(pattern string, h func(*http.Request) (any, error)) { mux.Handle(pattern, s.api(h)) }

	for _, rt := range s.apiRoutes() {
		if rt.raw != nil {
			mux.HandleFunc(rt.pattern, rt.raw)
		} else {
			api(rt.pattern, rt.h)
		}
	}
	api("/api/", func(r *http.Request) (any, error) {
		return nil, redline.Errorf(redline.ENOTFOUND, "no API route %s %s", r.Method, r.URL.Path)
	})

	mux.HandleFunc("GET /{$}", s.pageOverview)
	mux.HandleFunc("GET /actors", s.pageActors)
	mux.HandleFunc("GET /actors/{id}", s.pageActor)
	mux.HandleFunc("GET /actors/{id}/chart.svg", s.actorChart)
	mux.HandleFunc("GET /actors/{id}/precedents", s.pagePrecedents)
	mux.HandleFunc("GET /documents/{id}", s.pageDocument)
	mux.HandleFunc("GET /search", s.pageSearch)
	mux.HandleFunc("GET /ingest", s.pageIngest)
	mux.HandleFunc("POST /ingest", s.postIngest)
	mux.HandleFunc("GET /ach", s.pageACH)
	mux.HandleFunc("POST /ach", s.pageACH)
	mux.HandleFunc("GET /simulate", s.pageSimulate)
	mux.HandleFunc("GET /login", s.pageLogin)
	mux.HandleFunc("POST /login", s.postLogin)
	mux.HandleFunc("POST /logout", s.postLogout)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.pageError(w, r, redline.Errorf(redline.ENOTFOUND, "there is no page at %s", r.URL.Path))
	})

	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /metrics", s.metricsPage)
	mux.Handle("GET /static/", s.static())

	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, &redline.Error{Code: EFORBIDDEN, Message: "cross-site request refused"})
	}))
	return s.observe(s.guard(cop.Handler(mux)))
}

// apiRoute is one route of the JSON API: a handler of a value, or a raw
// handler.
type apiRoute struct {
	pattern string
	h       func(*http.Request) (any, error)
	raw     http.HandlerFunc
}

// apiRoutes lists the API's routes; assets/openapi.json describes each.
func (s *Server) apiRoutes() []apiRoute {
	return []apiRoute{
		{pattern: "GET /api/v1/{$}", h: s.apiIndex},
		{pattern: "GET /api/v1/openapi.json", raw: s.openAPI},
		{pattern: "GET /api/v1/counts", h: s.apiCounts},
		{pattern: "GET /api/v1/documents", h: s.apiDocuments},
		{pattern: "POST /api/v1/documents", h: s.apiUpload},
		{pattern: "GET /api/v1/documents/{id}", h: s.apiDocument},
		{pattern: "GET /api/v1/actors", h: s.apiActors},
		{pattern: "GET /api/v1/actors/{id}", h: s.apiActor},
		{pattern: "GET /api/v1/statements", h: s.apiStatements},
		{pattern: "GET /api/v1/events", h: s.apiEvents},
		{pattern: "GET /api/v1/timeline", h: s.apiTimeline},
		{pattern: "GET /api/v1/reversals", h: s.apiReversals},
		{pattern: "GET /api/v1/gaps", h: s.apiGaps},
		{pattern: "GET /api/v1/redlines", h: s.apiRedlines},
		{pattern: "GET /api/v1/splits", h: s.apiSplits},
		{pattern: "GET /api/v1/precedents", h: s.apiPrecedents},
		{pattern: "GET /api/v1/deadlines", h: s.apiDeadlines},
		{pattern: "POST /api/v1/ach", h: s.apiACH},
		{pattern: "GET /api/v1/reciprocity", h: s.apiReciprocity},
		{pattern: "GET /api/v1/simulate", h: s.apiSimulate},
	}
}

// APIRoutes returns the JSON API's routes as "METHOD /path", the way the
// OpenAPI description names them.
func APIRoutes() []string {
	var s Server
	var out []string
	for _, rt := range s.apiRoutes() {
		out = append(out, strings.Replace(rt.pattern, "{$}", "", 1))
	}
	return out
}

// api adapts a handler that returns a value to send as JSON, or an error.
func (s *Server) api(h func(*http.Request) (any, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v, err := h(r)
		if err != nil {
			s.apiError(w, r, err)
			return
		}
		if body, ok := v.(csvBody); ok {
			body(w)
			return
		}
		writeJSON(w, http.StatusOK, v)
	})
}

// csvBody is an API answer that writes itself as CSV rather than JSON.
type csvBody func(http.ResponseWriter)

// isAPI reports whether a request is for the JSON API.
func isAPI(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/api/") }

// fail answers a request with an error, as JSON for the API and as a page
// otherwise.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	if isAPI(r) {
		s.apiError(w, r, err)
		return
	}
	s.pageError(w, r, err)
}

// guard sets the security headers, limits the body, refuses requests to a
// loopback server under another host name, and, off loopback, requests
// without the token.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		r.Body = http.MaxBytesReader(w, r.Body, s.MaxBody)
		if s.loopback && !loopbackHost(r.Host) {
			s.fail(w, r, &redline.Error{Code: EFORBIDDEN, Message: "this server answers only to localhost names"})
			return
		}
		open := r.URL.Path == "/healthz" || r.URL.Path == "/login" || strings.HasPrefix(r.URL.Path, "/static/")
		if !open && !s.readAllowed(r) {
			if isAPI(r) || r.Method != http.MethodGet {
				h.Set("WWW-Authenticate", `Bearer realm="redline"`)
				s.fail(w, r, &redline.Error{Code: EUNAUTHORIZED, Message: "this server needs its token: send Authorization: Bearer TOKEN"})
				return
			}
			http.Redirect(w, r, "/login?next="+urlQueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// recorder remembers the status and size of a response.
type recorder struct {
	http.ResponseWriter
	status int
	size   int
}

func (rw *recorder) WriteHeader(code int) {
	if rw.status == 0 {
		rw.status = code
	}
	rw.ResponseWriter.WriteHeader(code)
}

func (rw *recorder) Write(b []byte) (int, error) {
	if rw.status == 0 {
		rw.status = http.StatusOK
	}
	n, err := rw.ResponseWriter.Write(b)
	rw.size += n
	return n, err
}

func (rw *recorder) Unwrap() http.ResponseWriter { return rw.ResponseWriter }

// observe logs each request, counts it in the metrics, and turns a panic
// into a 500.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := fmt.Sprintf("%08x", s.requests.Add(1))
		w.Header().Set("X-Request-ID", id)
		rw := &recorder{ResponseWriter: w}
		s.metrics.inflight.Add(1)
		defer func() {
			s.metrics.inflight.Add(-1)
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.Logger.Error("panic", slog.String("id", id), slog.Any("panic", v), slog.String("stack", string(debug.Stack())))
				if rw.status == 0 {
					s.fail(rw, r, fmt.Errorf("panic: %v", v))
				}
			}
			route := r.Pattern
			if route == "" {
				route = "unmatched"
			}
			took := time.Since(start)
			s.metrics.observe(route, r.Method, rw.status, took)
			s.Logger.Info("request", slog.String("id", id), slog.String("method", r.Method), slog.String("path", r.URL.Path),
				slog.String("route", route), slog.Int("status", rw.status), slog.Int("bytes", rw.size),
				slog.Duration("took", took), slog.String("remote", r.RemoteAddr))
		}()
		next.ServeHTTP(rw, r)
	})
}

// healthz answers 200 while the store answers.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	if _, err := s.Store.Counts(r.Context()); err != nil {
		s.apiError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintln(w, "ok")
}

// metricsPage writes the metrics in the Prometheus text format.
func (s *Server) metricsPage(w http.ResponseWriter, r *http.Request) {
	c := s.cache.snap().counts
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	s.metrics.write(w, map[string]int{"document": c.Documents, "statement": c.Statements, "event": c.Events, "time": c.Times, "deadline": c.Deadlines})
}

// static serves the embedded files under /static/: files only, never a
// listing of a directory.
func (s *Server) static() http.Handler {
	sub, err := fs.Sub(assets.FS, "static")
	if err != nil {
		panic(err) // embedded at build time
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(path.Clean(r.URL.Path), "/static/")
		b, err := fs.ReadFile(sub, name)
		if err != nil || name == "" || strings.Contains(name, "/") {
			s.pageError(w, r, redline.Errorf(redline.ENOTFOUND, "no file %s", r.URL.Path))
			return
		}
		ctype := mime.TypeByExtension(path.Ext(name))
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		w.Header().Set("Content-Type", ctype)
		w.Header().Set("Cache-Control", "public, max-age=3600")
		w.Write(b)
	})
}

// openAPI serves the OpenAPI description of the API.
func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) {
	b, err := assets.FS.ReadFile("openapi.json")
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(b)
}
