package ingest

import "fmt"

// Error is a problem with one input: a file that cannot be read, is not
// in a format ingest understands, or holds a malformed document. Path names
// the input as it was given ("-" for standard input) and Line, when it is
// not zero, the 1-based line the problem is on.
type Error struct {
	Path string
	Line int
	Err  error
}

// Error returns the problem as "path:line: message", or "path: message"
// when no line applies.
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

// Unwrap returns the underlying error, so that errors.Is(err,
// fs.ErrNotExist) holds for a path that does not exist.
func (e *Error) Unwrap() error { return e.Err }

// errorf returns an *Error at path and line with a formatted message.
func errorf(path string, line int, format string, args ...any) *Error {
	return &Error{Path: path, Line: line, Err: fmt.Errorf(format, args...)}
}
