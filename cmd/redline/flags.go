package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"redline/dict"
	"redline/extract"
	"redline/ingest"
	"redline/petrarch"
)

// common holds the flags shared by the commands that read and extract.
type common struct {
	json    bool
	dict    dictSpec
	workers int
	date    string

	p *extract.Pipeline // compiled on first use
}

func (c *common) register(fs *flag.FlagSet) {
	fs.BoolVar(&c.json, "json", false, "print machine-readable JSON")
	fs.Var(&c.dict, "dict", "read redline's dictionaries from `DIR` instead of the embedded ones, or code events with\n"+
		"PETRARCH's or TABARI's (petrarch:DIR, tabari:PROJECT); give it once of each kind to have both")
	fs.IntVar(&c.workers, "workers", runtime.NumCPU(), "extraction workers")
	fs.StringVar(&c.date, "date", "", "publication date (`YYYY-MM-DD`) for inputs that carry none")
}

// registerDict adds --dict to a command that reads a store, which needs
// redline's actor dictionary; PETRARCH and TABARI specs are accepted and
// change nothing there.
func (c *common) registerDict(fs *flag.FlagSet) {
	fs.Var(&c.dict, "dict", "read dictionaries from `DIR` instead of the embedded ones")
}

// dictSpec is the value of --dict: a directory of redline's dictionaries
// (actors/ and verbs/), or PETRARCH or TABARI dictionaries that code
// events in place of redline's event stage. redline's dictionaries go on
// finding speakers, statements and times either way: PETRARCH's actor
// files have codes, not the people and offices with dates that
// attributing a statement needs. The flag may be given once of each kind.
type dictSpec struct {
	dir    string // redline's dictionaries; "" for the embedded ones
	events string // petrarch:DIR or tabari:PROJECT; "" for redline's event coder
}

func (d *dictSpec) String() string {
	if d.dir != "" && d.events != "" {
		return d.dir + " " + d.events
	}
	return d.dir + d.events
}

// Set takes one --dict, and checks that what it names is there, so that a
// mistake is reported as the flag's.
func (d *dictSpec) Set(v string) error {
	kind, where, _ := strings.Cut(v, ":")
	if kind == "petrarch" || kind == "tabari" {
		if d.events != "" {
			return fmt.Errorf("PETRARCH or TABARI dictionaries given twice (%s and %s)", d.events, v)
		}
		if err := checkEventDict(kind, where); err != nil {
			return err
		}
		d.events = v
		return nil
	}
	if d.dir != "" {
		return fmt.Errorf("two directories of redline's dictionaries (%s and %s)", d.dir, v)
	}
	if err := checkDictDir(v); err != nil {
		return err
	}
	d.dir = v
	return nil
}

// specForms names what --dict takes, for error messages.
const specForms = "want a directory of redline's dictionaries (actors/, verbs/), petrarch:DIR or tabari:PROJECT"

// checkDictDir checks that dir holds redline's dictionaries, and says so
// when it holds PETRARCH's instead.
func checkDictDir(dir string) error {
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return fmt.Errorf("no directory %s: %s", dir, specForms)
	}
	for _, sub := range []string{"actors", "verbs"} {
		if fi, err := os.Stat(filepath.Join(dir, sub)); err == nil && fi.IsDir() {
			continue
		}
		for _, name := range []string{"PETR_config.ini", petrarch.PhoenixFiles.Verbs} {
			if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
				return fmt.Errorf("%s holds PETRARCH dictionaries: give petrarch:%s", dir, dir)
			}
		}
		return fmt.Errorf("%s has no %s/ directory: %s", dir, sub, specForms)
	}
	return nil
}

// checkEventDict checks that the directory of petrarch:DIR, or the
// project file of tabari:PROJECT, is there.
func checkEventDict(kind, where string) error {
	if where == "" {
		if kind == "tabari" {
			return fmt.Errorf("tabari: names no project file: want tabari:PROJECT")
		}
		return fmt.Errorf("petrarch: names no directory: want petrarch:DIR")
	}
	fi, err := os.Stat(where)
	switch {
	case err != nil && kind == "tabari":
		return fmt.Errorf("tabari:%s: no such project file", where)
	case err != nil || kind == "petrarch" && !fi.IsDir():
		return fmt.Errorf("petrarch:%s: no such directory", where)
	}
	return nil
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

// dictFS returns redline's dictionaries: those of --dict DIR, else the
// embedded ones.
func (c *common) dictFS() fs.FS {
	if c.dict.dir != "" {
		return os.DirFS(c.dict.dir)
	}
	return dict.FS
}

// pipeline compiles the dictionaries into a pipeline once per command;
// ingesting asks for it twice (for the store's country lookup and for
// extraction). With PETRARCH or TABARI dictionaries, they code the
// events, and each line of them that cannot be read is reported to warn.
func (c *common) pipeline(warn io.Writer) (*extract.Pipeline, error) {
	if c.p == nil {
		p, err := extract.Load(c.dictFS())
		if err != nil {
			return nil, err
		}
		if c.dict.events != "" {
			if p.Events, err = petrarchEvents(c.dict.events, p.Lexicon, warn); err != nil {
				return nil, err
			}
		}
		c.p = p
	}
	return c.p, nil
}

// Event coders, as a store records the one whose events it holds.
const (
	coderRedline  = "redline"
	coderPetrarch = "petrarch"
)

// coder returns the event coder of the pipeline.
func (c *common) coder() string {
	if c.dict.events != "" {
		return coderPetrarch
	}
	return coderRedline
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
