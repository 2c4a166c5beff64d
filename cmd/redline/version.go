package main

import (
	"fmt"
	"runtime/debug"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = ""

func (m *Main) runVersion(args []string) error {
	if len(args) > 0 {
		return &usageError{"version: unexpected arguments"}
	}
	v := version
	if v == "" {
		v = "(devel)"
		if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
			v = info.Main.Version
		}
	}
	_, err := fmt.Fprintln(m.Stdout, "redline", v)
	return err
}
