package ach

import (
	"strings"

	"gopkg.in/yaml.v3"

	"redline"
)

// evidence reads the evidence list.
func (p *parser) evidence(list *yaml.Node) {
	if list.Kind != yaml.SequenceNode {
		p.add(list.Line, "evidence: want a list")
		return
	}
	first := map[string]int{}
	for _, n := range list.Content {
		e, ok := p.entry(n)
		if !ok {
			continue
		}
		if line, dup := first[e.ID]; dup {
			p.add(e.Line, "evidence %s given twice, first at line %d", quoteID(e.ID), line)
			continue
		}
		first[e.ID] = e.Line
		p.f.Evidence = append(p.f.Evidence, e)
	}
}

// entryNodes are the parts of an evidence entry that are read once the
// entry's id is known.
type entryNodes struct {
	ratings, query, rules, confirmed, overrides, watch *yaml.Node
}

// entry reads one evidence entry; ok is false when it has no usable id.
func (p *parser) entry(n *yaml.Node) (e Entry, ok bool) {
	e.Line, e.Credibility, e.Relevance = n.Line, Medium, Medium
	if n.Kind != yaml.MappingNode {
		p.add(n.Line, "evidence: want a mapping with id, and ratings or a query")
		return e, false
	}
	var parts entryNodes
	p.fields(n, "evidence", func(key string, k, v *yaml.Node) bool {
		switch key {
		case "id":
			e.ID, _ = p.str(v, "evidence id")
		case "text":
			e.Text, _ = p.str(v, "evidence text")
		case "source":
			e.Source, _ = p.str(v, "source")
		case "date":
			e.Date = p.date(v, "date")
		case "credibility":
			e.Credibility = p.level(v, "credibility")
		case "relevance":
			e.Relevance = p.level(v, "relevance")
		case "ratings":
			parts.ratings = v
		case "watch":
			parts.watch = v
		case "query":
			parts.query = v
		case "rules":
			parts.rules = v
		case "confirmed":
			parts.confirmed = v
		case "overrides":
			parts.overrides = v
		default:
			return false
		}
		return true
	})
	switch {
	case e.ID == "":
		p.add(n.Line, "evidence with no id")
		return e, false
	case !validID(e.ID):
		p.add(n.Line, "evidence id %s: %s", quoteID(e.ID), idRule)
		return e, false
	}
	what := "evidence " + quoteID(e.ID)
	switch {
	case parts.ratings != nil && parts.query != nil:
		p.add(n.Line, "%s has both ratings and a query; want one", what)
	case parts.ratings != nil:
		p.analystEntry(&e, parts, what)
	case parts.query != nil:
		p.queryEntry(&e, parts, what)
	default:
		p.add(n.Line, "%s has neither ratings nor a query", what)
	}
	return e, true
}

// analystEntry completes an entry the analyst rated.
func (p *parser) analystEntry(e *Entry, parts entryNodes, what string) {
	e.Ratings = p.ratings(parts.ratings, what+" ratings", true)
	if strings.TrimSpace(e.Text) == "" {
		p.add(e.Line, "%s has no text", what)
	}
	if parts.watch != nil {
		e.Watch = p.boolean(parts.watch, "watch")
	}
	for _, n := range []*yaml.Node{parts.rules, parts.confirmed, parts.overrides} {
		if n != nil {
			p.add(n.Line, "%s: rules, confirmed and overrides belong to query evidence", what)
		}
	}
}

// queryEntry completes an entry that queries the store.
func (p *parser) queryEntry(e *Entry, parts entryNodes, what string) {
	e.Query = p.query(parts.query, what+" query")
	if parts.rules == nil {
		p.add(e.Line, "%s has a query but no rules to rate what it matches", what)
	} else {
		e.Rules = p.ratings(parts.rules, what+" rules", true)
	}
	if parts.watch != nil {
		p.add(parts.watch.Line, "%s: watch belongs to analyst evidence; a query that matches nothing is watched already", what)
	}
	prefix := e.ID + "."
	seen := map[string]int{}
	check := func(id string, line int) bool {
		if !strings.HasPrefix(id, prefix) || len(id) == len(prefix) {
			p.add(line, "%s: %s is not one of its items (their ids start with %q)", what, quoteID(id), prefix)
			return false
		}
		if first, dup := seen[id]; dup {
			p.add(line, "%s: item %s reviewed twice, first at line %d", what, quoteID(id), first)
			return false
		}
		seen[id] = line
		return true
	}
	if n := parts.confirmed; n != nil {
		if n.Kind != yaml.SequenceNode {
			p.add(n.Line, "%s confirmed: want a list of item ids", what)
		}
		for _, c := range n.Content {
			if id, ok := p.str(c, what+" confirmed"); ok && check(id, c.Line) {
				e.Confirmed = append(e.Confirmed, Review{ID: id, Line: c.Line})
			}
		}
	}
	if n := parts.overrides; n != nil {
		if n.Kind != yaml.MappingNode {
			p.add(n.Line, "%s overrides: want a mapping from item ids to ratings", what)
			return
		}
		p.fields(n, what+" overrides", func(id string, k, v *yaml.Node) bool {
			if !check(id, k.Line) {
				return true
			}
			rs := p.ratings(v, what+" override of "+quoteID(id), false)
			if v.Kind == yaml.MappingNode && len(v.Content) == 0 {
				p.add(v.Line, "%s: the override of %s rates nothing", what, quoteID(id))
			}
			e.Overrides = append(e.Overrides, Review{ID: id, Ratings: rs, Line: k.Line})
			return true
		})
	}
}

// query reads a store query.
func (p *parser) query(m *yaml.Node, what string) *Query {
	q := &Query{}
	if m.Kind != yaml.MappingNode {
		p.add(m.Line, "%s: want a mapping (actor, topic, stance, mode, target, from, to, kind)", what)
		return q
	}
	p.fields(m, what, func(key string, k, v *yaml.Node) bool {
		switch key {
		case "actor":
			q.Actor, _ = p.str(v, what+" actor")
		case "topic":
			q.Topic, _ = p.str(v, what+" topic")
		case "target":
			q.Target, _ = p.str(v, what+" target")
		case "stance":
			s, _ := p.str(v, what+" stance")
			q.Stance = redline.Stance(s)
			if q.Stance != redline.StanceFavor && q.Stance != redline.StanceAgainst && q.Stance != redline.StanceNeutral {
				p.add(v.Line, "%s: stance %s: want favor, against or neutral", what, quoteID(s))
			}
		case "mode":
			s, _ := p.str(v, what+" mode")
			q.Mode = redline.Mode(s)
			if !validMode(q.Mode) {
				p.add(v.Line, "%s: mode %s: want public, covert, alleged, negated, future or hypothetical", what, quoteID(s))
			}
		case "from":
			q.From = p.date(v, what+" from")
		case "to":
			q.To = p.date(v, what+" to")
		case "kind":
			q.Kind, _ = p.str(v, what+" kind")
			if q.Kind != KindStatements && q.Kind != KindEvents {
				p.add(v.Line, "%s: kind %s: want statements or events", what, quoteID(q.Kind))
			}
		default:
			return false
		}
		return true
	})
	p.checkQuery(q, m.Line, what)
	return q
}

// checkQuery reports queries that could match nothing, or everything.
func (p *parser) checkQuery(q *Query, line int, what string) {
	switch {
	case *q == Query{}:
		p.add(line, "%s names nothing to match; it would take every record", what)
	case q.Stance != "" && q.Mode != "":
		p.add(line, "%s has both a stance (statements only) and a mode (events only); no record has both", what)
	case q.Kind == KindEvents && q.Stance != "":
		p.add(line, "%s asks for events with a stance; only statements have one", what)
	case q.Kind == KindStatements && q.Mode != "":
		p.add(line, "%s asks for statements with a mode; only events have one", what)
	}
	if q.From != "" && q.To != "" {
		from, _, ok1 := redline.Date{Value: q.From}.Interval()
		_, to, ok2 := redline.Date{Value: q.To}.Interval()
		if ok1 && ok2 && !from.Before(to) {
			p.add(line, "%s: from %s is after to %s", what, q.From, q.To)
		}
	}
}

func validMode(m redline.Mode) bool {
	switch m {
	case redline.ModePublic, redline.ModeCovert, redline.ModeAlleged, redline.ModeNegated, redline.ModeFuture, redline.ModeHypothetical:
		return true
	}
	return false
}

// date reads a TimeML calendar value such as 2013, 2013-03 or 2013-03-07.
func (p *parser) date(v *yaml.Node, what string) string {
	s, ok := p.str(v, what)
	if !ok || s == "" {
		return ""
	}
	d, err := redline.ParseDate(s)
	if err != nil {
		p.add(v.Line, "%s %s: want a date such as 2013, 2013-03 or 2013-03-07", what, quoteID(s))
		return ""
	}
	if _, _, ok := d.Interval(); !ok {
		p.add(v.Line, "%s %s: not a calendar date", what, quoteID(s))
		return ""
	}
	return d.Value
}

// level reads low, medium or high.
func (p *parser) level(v *yaml.Node, what string) Level {
	s, _ := p.str(v, what)
	if l := Level(s); l.Valid() {
		return l
	}
	p.add(v.Line, "%s %s: want low, medium or high", what, quoteID(s))
	return Medium
}

// boolean reads true or false.
func (p *parser) boolean(v *yaml.Node, what string) bool {
	s, _ := p.str(v, what)
	switch s {
	case "true":
		return true
	case "false":
		return false
	}
	p.add(v.Line, "%s %s: want true or false", what, quoteID(s))
	return false
}
