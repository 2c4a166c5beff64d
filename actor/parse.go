package actor

import (
	"io/fs"
	"path"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// entry is one actor as written in a file, with the lines of its parts.
type entry struct {
	file     string
	line     int
	id       field
	name     field
	kind     field
	country  field
	gender   field
	aliases  []field
	demonyms []field
	capitals []field
	members  []field
	excepts  []field
	roles    []roleEntry
}

// field is a string value and the line it was written on.
type field struct {
	val  string
	line int
}

// roleEntry is one role as written in a file.
type roleEntry struct {
	line                     int
	title, of, from, to      string
	ofLine, fromLine, toLine int
	fromDay, toDay           int32 // set by the validator
	ok                       bool  // both dates are valid and in order
}

// titleEntry is one title of titles.yaml.
type titleEntry struct {
	file    string
	line    int
	title   string
	office  string
	phrases []field
	bare    bool
	shared  bool
}

// titlesFile is the path of the title vocabulary inside the tree.
const titlesFile = "actors/titles.yaml"

// parser reads the files of an actor dictionary, collecting problems.
type parser struct {
	probs   ProblemList
	entries []*entry
	titles  []*titleEntry
}

// parseTree reads every .yaml file under actors/.
func (p *parser) parseTree(fsys fs.FS) error {
	return fs.WalkDir(fsys, "actors", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || path.Ext(name) != ".yaml" {
			return nil
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		p.parseFile(name, b)
		return nil
	})
}

// parseFile reads one file: a list of titles for titles.yaml, a list of
// actors otherwise.
func (p *parser) parseFile(name string, b []byte) {
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		line, msg := yamlErrorLine(err)
		p.probs.Add(name, line, "%s", msg)
		return
	}
	if len(doc.Content) == 0 {
		return // an empty file
	}
	list := doc.Content[0]
	if list.Kind != yaml.SequenceNode {
		p.probs.Add(name, list.Line, "want a list of entries")
		return
	}
	for _, item := range list.Content {
		if item.Kind != yaml.MappingNode {
			p.probs.Add(name, item.Line, "want an entry with fields")
			continue
		}
		if name == titlesFile {
			p.titles = append(p.titles, p.titleEntry(name, item))
		} else {
			p.entries = append(p.entries, p.actorEntry(name, item))
		}
	}
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

// actorEntry reads one actor mapping.
func (p *parser) actorEntry(file string, m *yaml.Node) *entry {
	e := &entry{file: file, line: m.Line}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		switch k.Value {
		case "id":
			e.id = p.field(file, k.Value, v)
		case "name":
			e.name = p.field(file, k.Value, v)
		case "kind":
			e.kind = p.field(file, k.Value, v)
		case "country":
			e.country = p.field(file, k.Value, v)
		case "gender":
			e.gender = p.field(file, k.Value, v)
		case "aliases":
			e.aliases = p.list(file, k.Value, v)
		case "demonyms":
			e.demonyms = p.list(file, k.Value, v)
		case "capitals":
			e.capitals = p.list(file, k.Value, v)
		case "members":
			e.members = p.list(file, k.Value, v)
		case "except":
			e.excepts = p.list(file, k.Value, v)
		case "roles":
			e.roles = p.roles(file, v)
		default:
			p.probs.Add(file, k.Line, "unknown field %q", k.Value)
		}
	}
	return e
}

// roles reads a list of role mappings.
func (p *parser) roles(file string, v *yaml.Node) []roleEntry {
	if v.Kind != yaml.SequenceNode {
		p.probs.Add(file, v.Line, "field \"roles\": want a list")
		return nil
	}
	var out []roleEntry
	for _, m := range v.Content {
		if m.Kind != yaml.MappingNode {
			p.probs.Add(file, m.Line, "want a role with fields")
			continue
		}
		r := roleEntry{line: m.Line}
		for i := 0; i+1 < len(m.Content); i += 2 {
			k, v := m.Content[i], m.Content[i+1]
			switch k.Value {
			case "title":
				r.title = p.str(file, k.Value, v)
			case "of":
				r.of, r.ofLine = p.str(file, k.Value, v), v.Line
			case "from":
				r.from, r.fromLine = p.str(file, k.Value, v), v.Line
			case "to":
				r.to, r.toLine = p.str(file, k.Value, v), v.Line
			default:
				p.probs.Add(file, k.Line, "unknown field %q", k.Value)
			}
		}
		out = append(out, r)
	}
	return out
}

// titleEntry reads one mapping of titles.yaml.
func (p *parser) titleEntry(file string, m *yaml.Node) *titleEntry {
	t := &titleEntry{file: file, line: m.Line}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		switch k.Value {
		case "title":
			t.title = p.str(file, k.Value, v)
		case "office":
			t.office = p.str(file, k.Value, v)
		case "phrases":
			t.phrases = p.list(file, k.Value, v)
		case "bare":
			t.bare = p.boolean(file, k.Value, v)
		case "shared":
			t.shared = p.boolean(file, k.Value, v)
		default:
			p.probs.Add(file, k.Line, "unknown field %q", k.Value)
		}
	}
	return t
}

// str reads a scalar as a string.
func (p *parser) str(file, key string, v *yaml.Node) string {
	if v.Kind != yaml.ScalarNode {
		p.probs.Add(file, v.Line, "field %q: want a single value", key)
		return ""
	}
	return strings.TrimSpace(v.Value)
}

// field reads a scalar with its line.
func (p *parser) field(file, key string, v *yaml.Node) field {
	return field{p.str(file, key, v), v.Line}
}

// boolean reads a scalar as true or false.
func (p *parser) boolean(file, key string, v *yaml.Node) bool {
	var b bool
	if v.Kind != yaml.ScalarNode || v.Decode(&b) != nil {
		p.probs.Add(file, v.Line, "field %q: want true or false", key)
	}
	return b
}

// list reads a sequence of scalars, in flow or block style.
func (p *parser) list(file, key string, v *yaml.Node) []field {
	if v.Kind != yaml.SequenceNode {
		p.probs.Add(file, v.Line, "field %q: want a list", key)
		return nil
	}
	out := make([]field, 0, len(v.Content))
	for _, s := range v.Content {
		out = append(out, field{p.str(file, key, s), s.Line})
	}
	return out
}
