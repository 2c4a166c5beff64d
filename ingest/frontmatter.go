package ingest

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// frontMatter holds the fields of a text's front matter that ingest uses.
type frontMatter struct {
	title, date, source, url string
	dateLine                 int // the line of the date, for errors
}

// splitFrontMatter splits text into its front matter and its body. Text
// has front matter when its first line is "---"; the front matter then
// runs to the next line that is "---", and each line between is "key:
// value", blank, or a "#" comment. Keys are matched ignoring case; unknown
// keys are ignored, along with any indented lines (YAML lists or maps)
// below them. Text without front matter is all body.
func splitFrontMatter(name, text string) (fm frontMatter, body string, err error) {
	first, rest, _ := strings.Cut(text, "\n")
	if !isFence(first) {
		return frontMatter{}, text, nil
	}
	seen := map[string]bool{}
	skipIndented := false
	for n := 2; rest != ""; n++ {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		trimmed := strings.TrimSpace(line)
		switch {
		case isFence(line):
			return fm, rest, nil
		case trimmed == "" || trimmed[0] == '#':
			continue
		case line[0] == ' ' || line[0] == '\t':
			if skipIndented {
				continue
			}
			return fm, "", errorf(name, n, "front matter: want \"key: value\", got %q", excerpt(trimmed))
		}
		key, err := fm.set(line, n, seen)
		if err != nil {
			return fm, "", &Error{Path: name, Line: n, Err: fmt.Errorf("front matter: %w", err)}
		}
		skipIndented = !knownKey(key)
	}
	return fm, "", errorf(name, 1, "front matter: no closing \"---\"")
}

// isFence reports whether line opens or closes front matter.
func isFence(line string) bool {
	return strings.TrimRight(line, " \t\r") == "---"
}

// knownKey reports whether key is one of the keys front matter sets.
func knownKey(key string) bool {
	return key == "title" || key == "date" || key == "source" || key == "url"
}

// set parses a "key: value" line, number n, into fm and returns the key.
func (fm *frontMatter) set(line string, n int, seen map[string]bool) (string, error) {
	k, v, ok := strings.Cut(line, ":")
	key := strings.ToLower(strings.TrimSpace(k))
	if !ok || !isKey(key) {
		return "", fmt.Errorf("want \"key: value\", got %q", excerpt(strings.TrimSpace(line)))
	}
	if seen[key] {
		return key, fmt.Errorf("duplicate key %q", key)
	}
	seen[key] = true
	value, err := unquote(strings.TrimSpace(v))
	if err != nil {
		return key, fmt.Errorf("%s: %w", key, err)
	}
	switch key {
	case "title":
		fm.title = value
	case "date":
		fm.date, fm.dateLine = value, n
	case "source":
		fm.source = value
	case "url":
		fm.url = value
	}
	return key, nil
}

// isKey reports whether s is a front matter key: letters, digits, '_'
// and '-'.
func isKey(s string) bool {
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return s != ""
}

// unquote returns a value without its quotes. A value in double quotes
// may use backslash escapes; in single quotes, a doubled quote stands
// for one.
func unquote(v string) (string, error) {
	if v == "" || (v[0] != '"' && v[0] != '\'') {
		return v, nil
	}
	q := v[0]
	if len(v) < 2 || v[len(v)-1] != q {
		return "", fmt.Errorf("unterminated quoted value %s", excerpt(v))
	}
	if q == '\'' {
		return strings.ReplaceAll(v[1:len(v)-1], "''", "'"), nil
	}
	s, err := strconv.Unquote(v)
	if err != nil {
		return "", fmt.Errorf("bad escape in quoted value %s", excerpt(v))
	}
	return s, nil
}

// excerpt shortens s for an error message.
func excerpt(s string) string {
	const max = 60
	if len(s) <= max {
		return s
	}
	i := max
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "..."
}
