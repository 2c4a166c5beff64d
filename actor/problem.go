package actor

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Problem is one thing wrong with a dictionary file, at a line of it.
type Problem struct {
	File string // path inside the dictionary tree, such as "actors/states.yaml"
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

// ProblemList is every problem Load found, ordered by file and line. It is
// the error Load returns when the dictionary is not valid.
type ProblemList []Problem

// Error returns one problem per line.
func (l ProblemList) Error() string {
	lines := make([]string, len(l))
	for i, p := range l {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// add records a problem.
func (l *ProblemList) add(file string, line int, format string, args ...any) {
	*l = append(*l, Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// sort orders the problems by file, line and message, so that output does
// not depend on map iteration.
func (l ProblemList) sort() {
	slices.SortStableFunc(l, func(a, b Problem) int {
		return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), strings.Compare(a.Msg, b.Msg))
	})
}
