// Package dict holds redline's default dictionaries as data. It contains no
// code beyond the embedding: each pipeline stage parses its own files from an
// fs.FS, and the command chooses between this embedded tree and a directory
// on disk (--dict DIR) that has the same layout:
//
//	actors/*.yaml   states, organisations and people with dated roles
//	verbs/*.yaml    reporting cues and action verbs with their codes
package dict

import (
	"embed"
	"io/fs"
)

//go:embed data
var data embed.FS

// FS is the embedded dictionary tree, rooted so that paths read
// "actors/states.yaml".
var FS fs.FS = mustSub(data, "data")

func mustSub(f fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(f, dir)
	if err != nil {
		panic(err) // the directory is embedded at build time; this cannot fail
	}
	return sub
}
