package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"runtime"
	"runtime/debug"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = ""

func (m *Main) runVersion(args []string) error {
	var asJSON bool
	fset := flag.NewFlagSet("version", flag.ContinueOnError)
	fset.SetOutput(m.Stderr)
	fset.BoolVar(&asJSON, "json", false, "print the version as JSON")
	if err := parse(fset, args); err != nil {
		return err
	}
	if fset.NArg() > 0 {
		return &usageError{"version: unexpected arguments"}
	}
	v := version
	if v == "" {
		v = "(devel)"
		if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
			v = info.Main.Version
		}
	}
	if asJSON {
		return json.NewEncoder(m.Stdout).Encode(map[string]string{"version": v, "go": runtime.Version()})
	}
	_, err := fmt.Fprintln(m.Stdout, "redline", v)
	return err
}
