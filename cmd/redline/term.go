package main

import (
	"fmt"
	"os"
	"strings"

	"golang.org/x/term"
)

func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

// plural writes n and the noun, whose first word takes the plural ending
// when n is not 1: "1 item", "2 items", "3 queries", "4 weeks".
func plural(n int, noun string) string {
	if n != 1 {
		first, rest, _ := strings.Cut(noun, " ")
		if s, ok := strings.CutSuffix(first, "y"); ok && s != "" && !strings.ContainsAny(s[len(s)-1:], "aeiou") {
			first = s + "ies"
		} else {
			first += "s"
		}
		noun = strings.TrimSpace(first + " " + rest)
	}
	return fmt.Sprintf("%d %s", n, noun)
}
