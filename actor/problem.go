package actor

import "redline"

// Problem is one thing wrong with a dictionary file, at a line of it.
type Problem = redline.Problem

// ProblemList is every problem Load found, ordered by file and line. It is
// the error Load returns when the dictionary is not valid.
type ProblemList = redline.ProblemList
