package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"time"

	"redline/dict"
	"redline/extract"
	"redline/ingest"
)

// common holds the flags shared by the commands that read and extract.
type common struct {
	json    bool
	dictDir string
	workers int
	date    string

	p *extract.Pipeline // compiled on first use
}

func (c *common) register(fs *flag.FlagSet) {
	fs.BoolVar(&c.json, "json", false, "print machine-readable JSON")
	fs.StringVar(&c.dictDir, "dict", "", "read dictionaries from `DIR` instead of the embedded ones")
	fs.IntVar(&c.workers, "workers", runtime.NumCPU(), "extraction workers")
	fs.StringVar(&c.date, "date", "", "publication date (`YYYY-MM-DD`) for inputs that carry none")
}

// parse parses args, turning flag errors into usage errors.
func parse(fset *flag.FlagSet, args []string) error {
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errHelp
		}
		return &usageError{err.Error()}
	}
	return nil
}

// errHelp ends a command after it printed its help.
var errHelp = &usageError{"help requested"}

func (c *common) dictFS() fs.FS {
	if c.dictDir != "" {
		return os.DirFS(c.dictDir)
	}
	return dict.FS
}

// pipeline compiles the dictionaries into a pipeline once per command;
// ingesting asks for it twice (for the store's country lookup and for
// extraction).
func (c *common) pipeline() (*extract.Pipeline, error) {
	if c.p == nil {
		p, err := extract.Load(c.dictFS())
		if err != nil {
			return nil, err
		}
		c.p = p
	}
	return c.p, nil
}

func (c *common) ingestOptions() (ingest.Options, error) {
	var opts ingest.Options
	if c.date != "" {
		t, err := time.Parse("2006-01-02", c.date)
		if err != nil {
			return opts, &usageError{fmt.Sprintf("--date %q: want YYYY-MM-DD", c.date)}
		}
		opts.Date = t
	}
	return opts, nil
}
