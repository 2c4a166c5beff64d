package redline

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Error codes for failures a user can act on. They map to exit codes in the
// command and to statuses in the HTTP server, each in one place.
const (
	EINVALID  = "invalid"   // bad input: a malformed file, flag or query
	ENOTFOUND = "not_found" // a named record does not exist
	ECONFLICT = "conflict"  // the request contradicts what is stored
	EINTERNAL = "internal"  // a bug or an environment failure
)

// Error is a failure to show to the user as it is. Internal detail belongs
// in wrapped errors and logs, not in Message.
type Error struct {
	Code    string
	Message string
}

// Error returns the message, prefixed with the code.
func (e *Error) Error() string {
	return fmt.Sprintf("redline error: code=%s message=%s", e.Code, e.Message)
}

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the message of the first *Error in err's chain, or a
// generic message for any other error.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}

// Problem is one thing wrong with a data file, such as a dictionary, at
// a line of it.
type Problem struct {
	File string // path inside the data tree, such as "actors/states.yaml"
	Line int    // 1-based line number, or 0 when the problem has no line
	Msg  string
}

// Error returns the problem as "file:line: message".
func (p Problem) Error() string {
	if p.Line == 0 {
		return fmt.Sprintf("%s: %s", p.File, p.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
}

// ProblemList is every problem a loader found, so one run shows everything
// to fix. Its message has one problem per line.
type ProblemList []Problem

// Error returns one problem per line.
func (l ProblemList) Error() string {
	lines := make([]string, len(l))
	for i, p := range l {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// Add records a problem.
func (l *ProblemList) Add(file string, line int, format string, args ...any) {
	*l = append(*l, Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// Sort orders the problems by file, line and message, so that output does
// not depend on the order they were found in.
func (l ProblemList) Sort() {
	slices.SortStableFunc(l, func(a, b Problem) int {
		return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), strings.Compare(a.Msg, b.Msg))
	})
}
