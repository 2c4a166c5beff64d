package ingest

import (
	"bufio"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"redline"
)

// DefaultMaxSize is the largest document accepted when Options.MaxSize is
// zero: 16 MiB.
const DefaultMaxSize = 16 << 20

// Stdin is the path that names standard input. Documents read from it have
// it as their Path, and errors about it name it.
const Stdin = "-"

// Options configure reading.
type Options struct {
	// Date is the publication date of inputs that carry none of their own
	// (the --date flag). The zero time means there is no such date, and an
	// input without a date is then an error.
	Date time.Time

	// MaxSize is the largest document accepted, in bytes: a text or HTML
	// file, or one line of a JSONL file. Zero means DefaultMaxSize.
	MaxSize int64
}

// Read reads the documents at path and hands each to fn, in order.
//
// Path is a file, a directory or Stdin. A file is read in the format its
// extension names (see the package documentation); a file with any other
// extension is an error. A directory is walked recursively in lexical
// order; inside it, hidden files and directories (names starting with ".")
// and files with unknown extensions are skipped. Stdin is read from stdin,
// its format sniffed from its first non-space byte.
//
// Read calls fn(doc, nil) for every document and fn(nil, err) for every bad
// input, where err is an *Error, then goes on with the next input. If fn
// returns an error, Read stops and returns it. Read also stops and returns
// ctx.Err() when ctx is cancelled. Otherwise it returns nil: problems with
// inputs go to fn, not to the caller.
func Read(ctx context.Context, path string, stdin io.Reader, opts Options, fn func(*redline.Document, error) error) error {
	if opts.MaxSize <= 0 {
		opts.MaxSize = DefaultMaxSize
	}
	r := &reader{ctx: ctx, opts: opts, fn: fn}
	if path == Stdin {
		return r.stdin(stdin)
	}
	info, err := os.Stat(path)
	if err != nil {
		return r.fail(&Error{Path: path, Err: pathError(err)})
	}
	if info.IsDir() {
		return r.dir(path)
	}
	return r.file(path)
}

// reader carries the state of one call to Read.
type reader struct {
	ctx  context.Context
	opts Options
	fn   func(*redline.Document, error) error
}

// fail reports a bad input to fn.
func (r *reader) fail(err error) error { return r.fn(nil, err) }

// emit hands a document, or the error that stood in its place, to fn.
func (r *reader) emit(doc *redline.Document, err error) error {
	if err != nil {
		return r.fn(nil, err)
	}
	return r.fn(doc, nil)
}

// dir reads every known file under root, in lexical order.
func (r *reader) dir(root string) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if cerr := r.ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			return r.fail(&Error{Path: path, Err: pathError(err)})
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || formatOf(path) == formatUnknown {
			return nil
		}
		return r.file(path)
	})
}

// file reads one named file.
func (r *reader) file(path string) error {
	if err := r.ctx.Err(); err != nil {
		return err
	}
	f := formatOf(path)
	if f == formatUnknown {
		return r.fail(errorf(path, 0, "unknown file type %q (want %s)", filepath.Ext(path), knownExtensions))
	}
	fh, err := os.Open(path)
	if err != nil {
		return r.fail(&Error{Path: path, Err: pathError(err)})
	}
	defer fh.Close()
	info, err := fh.Stat()
	if err != nil {
		return r.fail(&Error{Path: path, Err: pathError(err)})
	}
	if info.IsDir() {
		return r.fail(errorf(path, 0, "is a directory"))
	}
	size := int64(-1)
	if info.Mode().IsRegular() {
		size = info.Size()
	}
	return r.read(input{name: path, r: fh, size: size, format: f})
}

// stdin reads standard input, sniffing its format.
func (r *reader) stdin(in io.Reader) error {
	if in == nil {
		in = strings.NewReader("")
	}
	br := bufio.NewReaderSize(in, sniffSize)
	return r.read(input{name: Stdin, r: br, size: -1, format: sniff(br)})
}

// input is one stream of bytes to read documents from.
type input struct {
	name   string    // the path as given; names the input in errors and documents
	r      io.Reader // the bytes
	size   int64     // the size in bytes, or -1 when unknown
	format format
}

// read reads the documents of one input and hands them to fn.
func (r *reader) read(in input) error {
	if in.format == formatJSONL {
		return r.jsonl(in)
	}
	data, err := readAll(in, r.opts.MaxSize)
	if err != nil {
		return r.fail(err)
	}
	if in.format == formatHTML {
		return r.emit(parseHTML(in.name, data, r.opts))
	}
	return r.emit(parseText(in.name, data, r.opts))
}

// readAll reads a whole input of at most max bytes.
func readAll(in input, max int64) ([]byte, error) {
	if in.size > max {
		return nil, errorf(in.name, 0, "file is %d bytes, larger than the limit of %d bytes", in.size, max)
	}
	data, err := io.ReadAll(io.LimitReader(in.r, max+1))
	if err != nil {
		return nil, &Error{Path: in.name, Err: pathError(err)}
	}
	if int64(len(data)) > max {
		return nil, errorf(in.name, 0, "input is larger than the limit of %d bytes", max)
	}
	return data, nil
}

// pathError drops the operation and path from an *fs.PathError, which
// *Error already names, leaving "no such file or directory".
func pathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
