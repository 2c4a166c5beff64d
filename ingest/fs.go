package ingest

import (
	"context"
	"io/fs"
	"path"
	"strings"

	"redline"
)

// ReadFS reads every known file under root in fsys, the way Read reads a
// directory: recursively, in lexical order, skipping hidden entries and
// unknown extensions. Document paths are the paths inside fsys. It lets
// the command read a corpus embedded in the binary.
func ReadFS(ctx context.Context, fsys fs.FS, root string, opts Options, fn func(*redline.Document, error) error) error {
	if opts.MaxSize <= 0 {
		opts.MaxSize = DefaultMaxSize
	}
	r := &reader{ctx: ctx, opts: opts, fn: fn}
	return fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			return r.fail(&Error{Path: p, Err: pathError(err)})
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || formatOf(p) == formatUnknown {
			return nil
		}
		return r.fsFile(fsys, p)
	})
}

// fsFile reads one file of an fs.FS.
func (r *reader) fsFile(fsys fs.FS, p string) error {
	f, err := fsys.Open(p)
	if err != nil {
		return r.fail(&Error{Path: p, Err: pathError(err)})
	}
	defer f.Close()
	size := int64(-1)
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
		size = info.Size()
	}
	return r.read(input{name: path.Clean(p), r: f, size: size, format: formatOf(p)})
}
