package actor

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"redline"
)

// validator checks parsed entries against each other.
type validator struct {
	probs  *ProblemList
	byID   map[string]*entry
	titles map[string]*titleEntry
}

// at formats a position for messages that point at a second place.
func at(file string, line int) string { return fmt.Sprintf("%s:%d", file, line) }

// checkTitles checks the title vocabulary: every title named once, with an
// office class and lower-case phrases, and no phrase naming two titles.
func (v *validator) checkTitles(ts []*titleEntry) {
	v.titles = make(map[string]*titleEntry)
	phrases := make(map[string]*titleEntry)
	for _, t := range ts {
		switch first, dup := v.titles[t.title]; {
		case t.title == "":
			v.probs.Add(t.file, t.line, "title with no name")
			continue
		case dup:
			v.probs.Add(t.file, t.line, "duplicate title %q, first at %s", t.title, at(first.file, first.line))
			continue
		}
		v.titles[t.title] = t
		if t.office == "" {
			v.probs.Add(t.file, t.line, "title %q has no office", t.title)
		}
		if len(t.phrases) == 0 {
			v.probs.Add(t.file, t.line, "title %q has no phrases", t.title)
		}
		for _, ph := range t.phrases {
			key := strings.Join(phraseTokens(ph.val), " ")
			switch other, dup := phrases[key]; {
			case ph.val == "":
				v.probs.Add(t.file, ph.line, "empty phrase for title %q", t.title)
			case hasUpper(ph.val):
				v.probs.Add(t.file, ph.line, "phrase %q of title %q must be lower case; titles match in any case", ph.val, t.title)
			case dup && other != t:
				v.probs.Add(t.file, ph.line, "phrase %q names both %q and %q", ph.val, other.title, t.title)
			default:
				phrases[key] = t
			}
		}
	}
}

// checkIDs indexes entries by ID, reporting missing and duplicate IDs.
func (v *validator) checkIDs(es []*entry) {
	v.byID = make(map[string]*entry)
	for _, e := range es {
		switch first, dup := v.byID[e.id.val]; {
		case e.id.val == "":
			v.probs.Add(e.file, e.line, "actor with no id")
		case dup:
			v.probs.Add(e.file, e.id.line, "duplicate id %q, first at %s", e.id.val, at(first.file, first.id.line))
		default:
			v.byID[e.id.val] = e
		}
	}
}

// checkEntry checks one actor on its own.
func (v *validator) checkEntry(e *entry) {
	id := e.id.val
	switch redline.ActorKind(e.kind.val) {
	case redline.KindState, redline.KindOrganisation, redline.KindPerson, redline.KindGroup:
	case "":
		v.probs.Add(e.file, e.line, "actor %q has no kind", id)
	default:
		v.probs.Add(e.file, e.kind.line, "unknown kind %q for %q", e.kind.val, id)
	}
	if e.name.val == "" {
		v.probs.Add(e.file, max(e.name.line, e.line), "actor %q has an empty name", id)
	} else {
		v.checkName(e, "name", e.name)
	}
	v.checkCountry(e)
	if g := e.gender.val; g != "" && g != "m" && g != "f" {
		v.probs.Add(e.file, e.gender.line, "bad gender %q for %q: want m or f", g, id)
	}
	for _, list := range []struct {
		what string
		fs   []field
	}{{"alias", e.aliases}, {"demonym", e.demonyms}, {"capital", e.capitals}, {"except phrase", e.excepts}} {
		for _, f := range list.fs {
			v.checkName(e, list.what, f)
		}
	}
	for _, m := range e.members {
		if _, ok := v.byID[m.val]; !ok {
			v.probs.Add(e.file, m.line, "unknown member %q of %q", m.val, id)
		}
	}
	for i := range e.roles {
		v.checkRole(e, &e.roles[i])
	}
	v.checkOwnRoles(e)
}

// checkName checks a name, alias, demonym or capital. Names match
// case-sensitively, so one with no capital letter or digit would match the
// common word it spells ("us", "chad") and is refused.
func (v *validator) checkName(e *entry, what string, f field) {
	if f.val == "" {
		v.probs.Add(e.file, f.line, "empty %s for %q", what, e.id.val)
		return
	}
	if !strings.ContainsFunc(f.val, func(r rune) bool { return unicode.IsUpper(r) || unicode.IsDigit(r) }) {
		v.probs.Add(e.file, f.line, "%s %q of %q has no capital letter; names match case-sensitively", what, f.val, e.id.val)
	}
}

// checkCountry checks that a country names a known actor, and that a state
// is its own country.
func (v *validator) checkCountry(e *entry) {
	c := e.country.val
	switch {
	case c == "":
	case e.kind.val == string(redline.KindState) && c != e.id.val:
		v.probs.Add(e.file, e.country.line, "state %q has country %q; a state's country is itself", e.id.val, c)
	case v.byID[c] == nil:
		v.probs.Add(e.file, e.country.line, "unknown country %q for %q", c, e.id.val)
	}
}

// checkRole checks a role's title, its actor and its dates, and records the
// dates as days for the overlap checks.
func (v *validator) checkRole(e *entry, r *roleEntry) {
	if _, ok := v.titles[r.title]; !ok {
		v.probs.Add(e.file, r.line, "role %q has unknown title", r.title)
	}
	if r.of == "" {
		v.probs.Add(e.file, r.line, "role %q has no of", r.title)
	} else if v.byID[r.of] == nil {
		v.probs.Add(e.file, r.ofLine, "role %q of unknown actor %q", r.title, r.of)
	}
	from, okFrom := v.day(e, r, r.from, r.fromLine, minDay)
	to, okTo := v.day(e, r, r.to, r.toLine, maxDay)
	r.fromDay, r.toDay, r.ok = from, to, okFrom && okTo
	if r.ok && to < from {
		v.probs.Add(e.file, r.line, "role %q ends before it starts", r.title)
		r.ok = false
	}
}

// day parses a role date, which is empty (open) or a day "2006-01-02".
func (v *validator) day(e *entry, r *roleEntry, s string, line int, open int32) (int32, bool) {
	if s == "" {
		return open, true
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		v.probs.Add(e.file, line, "role %q has bad date %q; want YYYY-MM-DD", r.title, s)
		return 0, false
	}
	return dayOf(t), true
}

// checkOwnRoles reports a person holding the same office twice at once.
func (v *validator) checkOwnRoles(e *entry) {
	for j := range e.roles {
		for i := range j {
			a, b := &e.roles[i], &e.roles[j]
			if a.title == b.title && a.of == b.of && overlaps(a, b) {
				v.probs.Add(e.file, b.line, "role %q of %s overlaps the same role of %q at line %d", b.title, b.of, e.id.val, a.line)
			}
		}
	}
}

// overlaps reports whether two valid roles share a day.
func overlaps(a, b *roleEntry) bool {
	return a.ok && b.ok && a.fromDay <= b.toDay && b.fromDay <= a.toDay
}

// checkOffices reports two people holding one office on the same day, at
// both roles' lines. Titles marked shared (special envoys) are exempt.
func (v *validator) checkOffices(es []*entry) {
	type tenure struct {
		e *entry
		r *roleEntry
	}
	byOffice := make(map[[2]string][]tenure)
	for _, e := range es {
		for i := range e.roles {
			r := &e.roles[i]
			if t := v.titles[r.title]; t != nil && !t.shared {
				k := [2]string{r.title, r.of}
				byOffice[k] = append(byOffice[k], tenure{e, r})
			}
		}
	}
	for _, ts := range byOffice {
		for j := range ts {
			for i := range j {
				a, b := ts[i], ts[j]
				if a.e != b.e && overlaps(a.r, b.r) {
					v.probs.Add(a.e.file, a.r.line, "role %q of %s overlaps %s's at %s", a.r.title, a.r.of, b.e.id.val, at(b.e.file, b.r.line))
					v.probs.Add(b.e.file, b.r.line, "role %q of %s overlaps %s's at %s", b.r.title, b.r.of, a.e.id.val, at(a.e.file, a.r.line))
				}
			}
		}
	}
}
