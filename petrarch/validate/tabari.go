package validate

import (
	"regexp"
	"strings"
)

// recordHead is the first line of a TABARI record: a YYMMDD date and an
// id ("950101  DEMO-01").
var recordHead = regexp.MustCompile(`^(\d{6})\s+(\S+)\s*$`)

// expectation is one "{ SRC / TGT / CODE }" of a TABARI record's comment;
// a leading "-" marks an event the record says must not be coded.
var expectation = regexp.MustCompile(`(-?)\{([^{}]*)\}`)

func tabariHeader(text string) bool {
	for _, l := range strings.Split(text, "\n") {
		if recordHead.MatchString(strings.TrimRight(l, "\r")) {
			return true
		}
	}
	return false
}

// readTABARI reads TABARI's validation text: records of a header line,
// the text, and a /* ... */ comment holding the expected events, up to
// the record that says the standard records end. The category of a
// record is the prefix of its id ("PASV-03" is PASV).
func readTABARI(text string) (*Suite, error) {
	su := &Suite{TABARI: true}
	lines := strings.Split(text, "\n")
	for i := 0; i < len(lines); i++ {
		m := recordHead.FindStringSubmatch(strings.TrimRight(lines[i], "\r"))
		if m == nil {
			continue
		}
		rec := Record{ID: m[2], Line: i + 1, Options: defaultTABARIOptions()}
		rec.Category, _, _ = strings.Cut(rec.ID, "-")
		rec.Category = strings.ToUpper(rec.Category)
		rec.Date, _ = parseDay(m[1])
		var body, comment []string
		inComment := false
		for i++; i < len(lines); i++ {
			l := strings.TrimRight(lines[i], "\r")
			if !inComment {
				before, after, found := strings.Cut(l, "/*")
				body = append(body, before)
				if !found {
					continue
				}
				inComment, l = true, after
			}
			c, _, closed := strings.Cut(l, "*/")
			comment = append(comment, c)
			if closed {
				break
			}
		}
		rec.Text = strings.Join(strings.Fields(strings.Join(body, " ")), " ")
		rec.readExpectations(strings.Join(comment, " "))
		if strings.HasPrefix(rec.Text, "This is the end of the standard validation records") {
			break
		}
		su.Records = append(su.Records, rec)
	}
	return su, nil
}

// readExpectations reads the events a TABARI record expects. "{---}",
// "{###}" (discard), "{+++}" (complex: left for a coder) and "{}" expect
// none; "{ OPTION: ... }" lines change TABARI's options and are skipped.
func (r *Record) readExpectations(comment string) {
	for _, m := range expectation.FindAllStringSubmatch(comment, -1) {
		body := strings.TrimSpace(m[2])
		if m[1] == "-" || strings.Contains(body, ":") {
			continue
		}
		parts := strings.Split(body, "/")
		if len(parts) != 3 {
			r.NoEvents = true
			continue
		}
		code := func(s string) string {
			s = strings.TrimSpace(s)
			if s == "" {
				return "---"
			}
			return strings.ReplaceAll(s, "~", "---")
		}
		r.Expected = append(r.Expected, Triple{Source: code(parts[0]), Target: code(parts[1]), Code: code(parts[2])})
	}
	if len(r.Expected) > 0 {
		r.NoEvents = false
	}
	if len(r.Expected) == 0 && !r.NoEvents {
		r.Skip = "no expected events"
	}
}
