package ach

import (
	"bytes"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"redline"
)

// Parse reads an ACH file. name is used only in problems. It checks the
// whole file and returns every problem it finds as a redline.ProblemList,
// one "name:line: message" each, or the file when there are none.
func Parse(name string, data []byte) (*File, error) {
	p := &parser{f: &File{Name: name}}
	p.file(data)
	if len(p.probs) > 0 {
		p.probs.Sort()
		return nil, p.probs
	}
	return p.f, nil
}

// parser reads one file, collecting problems.
type parser struct {
	f     *File
	probs redline.ProblemList
	hyps  map[string]int // hypothesis id → index
}

func (p *parser) add(line int, format string, args ...any) {
	p.probs.Add(p.f.Name, line, format, args...)
}

// file reads the single YAML document of data.
func (p *parser) file(data []byte) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			p.add(0, "the file is empty")
		} else {
			line, msg := yamlErrorLine(err)
			p.add(line, "%s", msg)
		}
		return
	}
	var next yaml.Node
	if err := dec.Decode(&next); err == nil {
		p.add(next.Line, "a second YAML document; want one")
	} else if !errors.Is(err, io.EOF) {
		line, msg := yamlErrorLine(err)
		p.add(line, "%s", msg)
	}
	if len(doc.Content) == 0 {
		p.add(0, "the file is empty")
		return
	}
	root := doc.Content[0]
	if p.hasAlias(root) {
		return
	}
	if root.Kind != yaml.MappingNode {
		p.add(root.Line, "want a mapping with question, hypotheses and evidence")
		return
	}
	p.root(root)
}

// yamlErrorLine splits "yaml: line 3: message" into its line and message.
func yamlErrorLine(err error) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	rest, ok := strings.CutPrefix(msg, "line ")
	if !ok {
		return 0, msg
	}
	num, tail, ok := strings.Cut(rest, ": ")
	n, err2 := strconv.Atoi(num)
	if !ok || err2 != nil {
		return 0, msg
	}
	return n, tail
}

// hasAlias reports, once, an alias anywhere under n. Aliases would let a
// small file expand into a huge one, and an ACH file has no need of them.
func (p *parser) hasAlias(n *yaml.Node) bool {
	if n.Kind == yaml.AliasNode {
		p.add(n.Line, "anchors and aliases (*name) are not supported")
		return true
	}
	for _, c := range n.Content {
		if p.hasAlias(c) {
			return true
		}
	}
	return false
}

// fields calls fn for each key of mapping m, in order, and reports keys
// that repeat or that fn does not know (fn returns false).
func (p *parser) fields(m *yaml.Node, what string, fn func(key string, k, v *yaml.Node) bool) {
	seen := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			p.add(k.Line, "%s: want a plain key", what)
			continue
		}
		if seen[k.Value] {
			p.add(k.Line, "%s: %s given twice", what, quoteID(k.Value))
			continue
		}
		seen[k.Value] = true
		if !fn(k.Value, k, v) {
			p.add(k.Line, "%s: unknown field %s", what, quoteID(k.Value))
		}
	}
}

// str returns the text of a scalar, reporting anything else.
func (p *parser) str(v *yaml.Node, what string) (string, bool) {
	if v.Kind != yaml.ScalarNode {
		p.add(v.Line, "%s: want a single value", what)
		return "", false
	}
	if v.Tag == "!!null" {
		return "", true
	}
	return v.Value, true
}

// root reads the top-level mapping. Hypotheses are read before evidence,
// whatever their order in the file, since ratings name them.
func (p *parser) root(m *yaml.Node) {
	var hyps, evidence *yaml.Node
	qLine := 0
	p.fields(m, "file", func(key string, k, v *yaml.Node) bool {
		switch key {
		case "question":
			p.f.Question, _ = p.str(v, "question")
			qLine = k.Line
		case "hypotheses":
			hyps = v
		case "evidence":
			evidence = v
		default:
			return false
		}
		return true
	})
	if strings.TrimSpace(p.f.Question) == "" {
		if qLine == 0 {
			qLine = m.Line
		}
		p.add(qLine, "no question")
	}
	p.hypotheses(hyps, m.Line)
	if evidence != nil {
		p.evidence(evidence)
	}
}

// hypotheses reads the list of hypotheses.
func (p *parser) hypotheses(list *yaml.Node, line int) {
	p.hyps = map[string]int{}
	if list == nil {
		p.add(line, "no hypotheses; want at least two")
		return
	}
	if list.Kind != yaml.SequenceNode {
		p.add(list.Line, "hypotheses: want a list")
		return
	}
	priors := 0
	for _, n := range list.Content {
		h, hasPrior := p.hypothesis(n)
		if h.ID == "" {
			continue
		}
		if first, dup := p.hyps[h.ID]; dup {
			p.add(h.Line, "hypothesis %s given twice, first at line %d", quoteID(h.ID), p.f.Hypotheses[first].Line)
			continue
		}
		if hasPrior {
			priors++
		}
		p.hyps[h.ID] = len(p.f.Hypotheses)
		p.f.Hypotheses = append(p.f.Hypotheses, h)
	}
	if len(list.Content) < 2 {
		p.add(list.Line, "%d hypotheses; want at least two", len(list.Content))
	}
	if priors > 0 && priors < len(p.f.Hypotheses) {
		p.add(list.Line, "priors given for %d of %d hypotheses; give all or none", priors, len(p.f.Hypotheses))
	}
}

// hypothesis reads one hypothesis; its ID is empty when it is unusable.
func (p *parser) hypothesis(n *yaml.Node) (h Hypothesis, hasPrior bool) {
	h.Line = n.Line
	if n.Kind != yaml.MappingNode {
		p.add(n.Line, "hypothesis: want a mapping with id and text")
		return Hypothesis{}, false
	}
	var id string
	p.fields(n, "hypothesis", func(key string, k, v *yaml.Node) bool {
		switch key {
		case "id":
			id, _ = p.str(v, "hypothesis id")
		case "text":
			h.Text, _ = p.str(v, "hypothesis text")
		case "prior":
			hasPrior = true
			h.Prior = p.prior(v)
		default:
			return false
		}
		return true
	})
	switch {
	case id == "":
		p.add(n.Line, "hypothesis with no id")
		return Hypothesis{}, false
	case !validID(id):
		p.add(n.Line, "hypothesis id %s: %s", quoteID(id), idRule)
		return Hypothesis{}, false
	}
	if strings.TrimSpace(h.Text) == "" {
		p.add(n.Line, "hypothesis %s has no text", quoteID(id))
	}
	h.ID = id
	return h, hasPrior
}

// prior reads a prior probability: a finite number above zero.
func (p *parser) prior(v *yaml.Node) float64 {
	s, ok := p.str(v, "prior")
	if !ok {
		return 0
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) || x <= 0 {
		p.add(v.Line, "prior %s: want a number above 0", quoteID(s))
		return 0
	}
	return x
}

// ratings reads a mapping from hypothesis ids to ratings. When complete
// is set, every hypothesis must be rated; otherwise cells left out stay
// empty.
func (p *parser) ratings(m *yaml.Node, what string, complete bool) []Rating {
	if m.Kind != yaml.MappingNode {
		p.add(m.Line, "%s: want a mapping from hypothesis ids to ratings", what)
		return nil
	}
	rs := make([]Rating, len(p.f.Hypotheses))
	p.fields(m, what, func(key string, k, v *yaml.Node) bool {
		i, ok := p.hyps[key]
		if !ok {
			p.add(k.Line, "%s: unknown hypothesis %s", what, quoteID(key))
			return true
		}
		s, _ := p.str(v, what)
		if r := Rating(s); r.Valid() {
			rs[i] = r
		} else {
			p.add(v.Line, "%s: rating %s: want CC, C, N, I, II or NA", what, quoteID(s))
		}
		return true
	})
	if !complete {
		return rs
	}
	for i, r := range rs {
		if r == "" && !p.rated(m, p.f.Hypotheses[i].ID) {
			p.add(m.Line, "%s: no rating for hypothesis %s (write NA if it does not apply)", what, quoteID(p.f.Hypotheses[i].ID))
		}
	}
	return rs
}

// rated reports whether mapping m has the key id, rated or not, so that a
// bad rating is reported once rather than again as a missing one.
func (p *parser) rated(m *yaml.Node, id string) bool {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == id {
			return true
		}
	}
	return false
}
