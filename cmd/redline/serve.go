package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"redline"
	"sync"
	"time"

	redhttp "redline/http"
	"redline/sqlite"
)

const serveHelp = `Usage: redline serve [--db PATH] [--addr 127.0.0.1:8080] [flags]

Serves the store over HTTP: a JSON API under /api/v1/ (described at
/api/v1/openapi.json) and a dashboard at /, with /healthz and /metrics
(Prometheus). "redline ingest" may write to the same database while it
runs; the server notices new records within --refresh.

Storing documents through the server (the ingest page, POST
/api/v1/documents) needs the token when one is set (--token, or the
REDLINE_TOKEN environment variable). Listening on an address other than
loopback needs a token, and then every request needs it: send
"Authorization: Bearer TOKEN", or sign in on the dashboard.

Logs go to stderr as JSON, one line per request. SIGINT or SIGTERM stops
the server after the requests in flight.

Flags:
`

func (m *Main) runServe(ctx context.Context, args []string) error {
	var c common
	var dbPath, addr, token string
	var refresh time.Duration
	var maxBody int64
	var achDir string
	fset := flag.NewFlagSet("serve", flag.ContinueOnError)
	fset.SetOutput(m.Stderr)
	fset.Usage = func() { fmt.Fprint(m.Stderr, serveHelp); fset.PrintDefaults() }
	fset.StringVar(&dbPath, "db", defaultDB, "SQLite database `PATH` (created if missing)")
	fset.StringVar(&addr, "addr", redhttp.DefaultAddr, "`ADDRESS` to listen on (host:port; port 0 picks one)")
	fset.StringVar(&token, "token", os.Getenv("REDLINE_TOKEN"), "bearer `TOKEN` for writes, and for every request off loopback (default $REDLINE_TOKEN)")
	fset.Var(&c.dict, "dict", "read redline's dictionaries from `DIR` instead of the embedded ones, or code events with\n"+
		"PETRARCH's or TABARI's (petrarch:DIR, tabari:PROJECT)")
	fset.DurationVar(&refresh, "refresh", redhttp.DefaultRefresh, "how often to look for records another process stored")
	fset.Int64Var(&maxBody, "max-body", redhttp.DefaultMaxBody, "largest request body in `BYTES`")
	fset.StringVar(&achDir, "ach", "", "offer the hypotheses files (*.yaml) of `DIR` on the ACH page")
	if err := parse(fset, args); err != nil {
		return err
	}
	if fset.NArg() > 0 {
		return &usageError{"serve: unexpected arguments"}
	}
	p, err := c.pipeline(m.Stderr)
	if err != nil {
		return err
	}
	db := sqlite.NewDB(dbPath)
	db.CountryOf, db.MmapSize = p.Actors.CountryOf, redhttp.DefaultMmapSize
	if err := db.Open(); err != nil {
		return fmt.Errorf("open database %s: %w", dbPath, err)
	}
	defer db.Close()

	srv := redhttp.NewServer(&claimingStore{DB: db, path: dbPath, coder: c.coder()})
	srv.Addr, srv.Token, srv.Refresh, srv.MaxBody = addr, token, refresh, maxBody
	srv.CountryOf = p.Actors.CountryOf
	srv.Actor = p.Actors.Actor
	srv.Extract = p.Run
	srv.Extensions = serveExtensions(db, &c, p.Actors.CountryOf)
	if achDir != "" {
		srv.ACHFiles = os.DirFS(achDir)
	}
	srv.Logger = slog.New(slog.NewJSONHandler(m.Stderr, nil))
	if err := srv.Open(); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "redline: serving %s on %s\n", dbPath, srv.URL())
	<-ctx.Done()
	srv.Logger.Info("shutting down")
	return srv.Close()
}

// claimingStore claims the store for the server's event coder before the
// first document the server stores, as ingest does, so that articles
// added through the dashboard never mix two coders' events.
type claimingStore struct {
	*sqlite.DB
	path, coder string

	mu      sync.Mutex
	claimed bool
}

func (s *claimingStore) SaveExtraction(ctx context.Context, x *redline.Extraction) (bool, error) {
	s.mu.Lock()
	if !s.claimed {
		if err := claimCoder(ctx, s.DB, s.path, s.coder); err != nil {
			s.mu.Unlock()
			return false, err
		}
		s.claimed = true
	}
	s.mu.Unlock()
	return s.DB.SaveExtraction(ctx, x)
}
