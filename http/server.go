package http

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"redline"
	"redline/analysis"
)

// Defaults of the Server's settings.
const (
	DefaultAddr            = "127.0.0.1:8080"
	DefaultMaxBody         = 8 << 20 // bytes of a request body
	DefaultRefresh         = 2 * time.Second
	DefaultWait            = 20 * time.Second
	DefaultShutdownTimeout = 10 * time.Second
	// DefaultMmapSize is how much of a SQLite store redline serve maps
	// into memory (sqlite.DB.MmapSize).
	DefaultMmapSize = 1 << 30
)

// Server serves the API and the dashboard over a store. Set its fields,
// call Open, and Close it when done. Only Store is required.
type Server struct {
	// Store is the record served. It must be safe for concurrent use.
	Store redline.Store
	// CountryOf maps an actor to its state, for the analyses (see
	// analysis.Options.CountryOf). Nil maps every actor to itself.
	CountryOf func(id string) string
	// Actor looks an actor up in the dictionary, for its name, kind,
	// country and roles. Nil knows only the names stored with records.
	Actor func(id string) (redline.Actor, bool)
	// Extract runs the extraction pipeline over one document. Nil turns
	// uploads off: the ingest page and POST /api/v1/documents answer 501.
	Extract func(*redline.Document) *redline.Extraction
	// Extensions wires in capabilities from other packages.
	Extensions Extensions
	// ACHFiles holds hypotheses files (*.yaml, *.yml) the ACH page offers
	// by name, so that a matrix has a link; nil offers none.
	ACHFiles fs.FS

	// Addr is the TCP address to listen on; empty means DefaultAddr, and a
	// port of 0 picks a free one (see URL).
	Addr string
	// Token, when set, is the bearer token that writes require, and that
	// every request requires when Addr is not a loopback address. Open
	// refuses a non-loopback address without one.
	Token string
	// MaxBody limits a request body in bytes; zero means DefaultMaxBody.
	MaxBody int64
	// Refresh is how often the store is checked for records another
	// process added; zero means DefaultRefresh, negative never.
	Refresh time.Duration
	// Wait is how long a request waits for an analysis being computed
	// before it is answered 503 with Retry-After (the analysis goes on
	// and is kept); zero means DefaultWait.
	Wait time.Duration
	// ShutdownTimeout bounds how long Close waits for requests in flight;
	// zero means DefaultShutdownTimeout.
	ShutdownTimeout time.Duration
	// Logger receives one line per request and the errors; nil discards.
	Logger *slog.Logger
	// Now is the clock, for deadlines' countdowns and the ingest form's
	// default date; nil means time.Now.
	Now func() time.Time

	ln       net.Listener
	srv      *http.Server
	handler  http.Handler
	cache    *cache
	metrics  *metrics
	secret   []byte // keys the form and session tokens
	loopback bool   // whether the listener is on a loopback address
	stop     context.CancelFunc
	done     sync.WaitGroup
	requests atomic.Uint64 // numbers requests for the logs
}

// NewServer returns a Server over store with the default settings.
func NewServer(store redline.Store) *Server {
	return &Server{Store: store}
}

// Open reads the store's first snapshot, starts listening on Addr and
// serves in the background. It returns EINVALID when Addr is not a
// loopback address and no Token is set.
func (s *Server) Open() error {
	if s.Store == nil {
		return fmt.Errorf("open server: store required")
	}
	s.defaults()
	ln, err := net.Listen("tcp", s.Addr)
	if err != nil {
		return fmt.Errorf("open server: %w", err)
	}
	s.loopback = isLoopback(ln.Addr())
	if !s.loopback && s.Token == "" {
		ln.Close()
		return redline.Errorf(redline.EINVALID, "listening on %s, which is not a loopback address, needs a token (--token or REDLINE_TOKEN)", s.Addr)
	}
	if err := s.init(); err != nil {
		ln.Close()
		return err
	}
	s.ln = ln
	s.srv = &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      s.Wait + 30*time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.Logger.Handler(), slog.LevelWarn),
	}
	s.done.Add(1)
	go func() {
		defer s.done.Done()
		if err := s.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.Logger.Error("serve", slog.Any("err", err))
		}
	}()
	s.Logger.Info("serving", slog.String("url", s.URL()), slog.Bool("token", s.Token != ""))
	return nil
}

// Handler returns the server's handler without listening, for tests and
// for embedding in another server. It reads the store's first snapshot.
func (s *Server) Handler() (http.Handler, error) {
	s.defaults()
	s.loopback = true
	if err := s.init(); err != nil {
		return nil, err
	}
	return s.handler, nil
}

func (s *Server) defaults() {
	if s.Addr == "" {
		s.Addr = DefaultAddr
	}
	if s.MaxBody <= 0 {
		s.MaxBody = DefaultMaxBody
	}
	if s.Refresh == 0 {
		s.Refresh = DefaultRefresh
	}
	if s.Wait <= 0 {
		s.Wait = DefaultWait
	}
	if s.ShutdownTimeout <= 0 {
		s.ShutdownTimeout = DefaultShutdownTimeout
	}
	if s.Logger == nil {
		s.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if s.Now == nil {
		s.Now = time.Now
	}
	if s.CountryOf == nil {
		s.CountryOf = func(id string) string { return id }
	}
}

// init reads the first snapshot, builds the handler and starts the
// poller.
func (s *Server) init() error {
	s.secret = make([]byte, 32)
	rand.Read(s.secret)
	s.metrics = newMetrics()
	s.cache = newCache(s.Store, s.CountryOf, s.Logger, s.metrics)
	s.cache.warm = func(sn *snapshot) {
		// The front page's and the API's first page of each analysis over
		// the whole record; the call returns at once.
		s.report(context.Background(), sn, "", analysis.DefaultWindow, 64, 0)
	}
	if err := s.cache.refresh(context.Background()); err != nil {
		return fmt.Errorf("open server: %w", err)
	}
	s.handler = s.routes()
	ctx, cancel := context.WithCancel(context.Background())
	s.stop = cancel
	if s.Refresh > 0 {
		s.done.Add(1)
		go func() {
			defer s.done.Done()
			s.cache.poll(ctx, s.Refresh)
		}()
	}
	return nil
}

// URL returns the base URL the server listens on, such as
// "http://127.0.0.1:8080".
func (s *Server) URL() string {
	if s.ln == nil {
		return ""
	}
	return "http://" + s.ln.Addr().String()
}

// Close stops accepting requests, waits up to ShutdownTimeout for those
// in flight, and stops the poller. It does not close the store.
func (s *Server) Close() error {
	var err error
	if s.srv != nil {
		ctx, cancel := context.WithTimeout(context.Background(), s.ShutdownTimeout)
		defer cancel()
		err = s.srv.Shutdown(ctx)
	}
	if s.stop != nil {
		s.stop()
	}
	s.done.Wait()
	if err != nil {
		return fmt.Errorf("close server: %w", err)
	}
	return nil
}

// isLoopback reports whether a listener's address is a loopback address.
func isLoopback(a net.Addr) bool {
	tcp, ok := a.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}

// loopbackHost reports whether a Host header names this machine by a
// loopback name, so that a page on another site cannot reach a loopback
// server through a name it rebinds to 127.0.0.1.
func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
