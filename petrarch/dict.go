package petrarch

import (
	"bufio"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"redline"
)

// Files names the dictionary files of a coding run, as paths inside the
// file system given to Load. Actors and Agents may list several files.
type Files struct {
	Verbs    string
	Actors   []string
	Agents   []string
	Discards string
	Issues   string
	// Ontology is UD-PETRARCH's internal coding ontology, which turns
	// negated verbs into refusals; optional.
	Ontology string
	// TABARI reads the files in TABARI's dialect: stems, ";" comments,
	// one block per verb.
	TABARI bool
}

// Dictionaries is everything the coder reads from dictionary files.
type Dictionaries struct {
	Actors   *Actors
	Agents   *Agents
	Verbs    *Verbs
	Discards *Discards
	Issues   *Issues
	ontology *ontology
	// Stems is true when some phrase matches words by their beginning
	// (TABARI), so the coder keeps lower-case words for them.
	Stems bool
	// Nouns and Adjectives are TABARI's <NOUN> and <ADJECTIVE> lists.
	Nouns, Adjectives *redline.FoldSet
}

// Load reads the files and compiles them. A file that cannot be read is
// an error; a line that cannot be understood is a Problem, and the
// returned list has every one of them while the dictionaries hold every
// line that could be read.
func Load(fsys fs.FS, f Files) (*Dictionaries, redline.ProblemList, error) {
	d := &Dictionaries{
		Actors: &Actors{}, Agents: &Agents{}, Verbs: newVerbs(), Discards: &Discards{}, Issues: &Issues{},
		Stems: f.TABARI, Nouns: redline.NewFoldSet(), Adjectives: redline.NewFoldSet(),
	}
	var probs redline.ProblemList
	dia := petrDialect
	if f.TABARI {
		dia = tabariDialect
	}
	read := func(name string, fn func(file, data string)) error {
		if name == "" {
			return nil
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return fmt.Errorf("read dictionary: %w", err)
		}
		fn(name, string(b))
		return nil
	}
	if f.Verbs == "" {
		return nil, nil, fmt.Errorf("no verb dictionary given")
	}
	if err := read(f.Verbs, func(file, data string) { d.Verbs.read(file, data, dia, &probs) }); err != nil {
		return nil, nil, err
	}
	for _, a := range f.Actors {
		if err := read(a, func(file, data string) {
			d.Actors.read(file, data, dia, &probs)
			if f.TABARI {
				d.readWordLists(file, data, &probs)
			}
		}); err != nil {
			return nil, nil, err
		}
	}
	for _, a := range f.Agents {
		if err := read(a, func(file, data string) { d.Agents.read(file, data, dia, &probs) }); err != nil {
			return nil, nil, err
		}
	}
	if err := read(f.Discards, func(file, data string) { d.Discards.read(file, data, dia, &probs) }); err != nil {
		return nil, nil, err
	}
	if err := read(f.Issues, func(file, data string) { d.Issues.read(file, data, dia, &probs) }); err != nil {
		return nil, nil, err
	}
	if f.Ontology != "" {
		d.ontology = &ontology{}
		if err := read(f.Ontology, func(file, data string) { d.ontology.read(file, data, &probs) }); err != nil {
			return nil, nil, err
		}
	}
	d.Actors.finish()
	probs.Sort()
	return d, probs, nil
}

// readWordLists reads TABARI's <NOUN> and <ADJECTIVE> sections of an
// actor file: words the coder may treat as such.
func (d *Dictionaries) readWordLists(file, data string, probs *redline.ProblemList) {
	var set *redline.FoldSet
	for _, l := range readLines(file, data, tabariDialect, probs) {
		t := strings.ToUpper(strings.TrimSpace(l.text))
		switch {
		case t == "<NOUN>":
			set = d.Nouns
		case t == "<ADJECTIVE>":
			set = d.Adjectives
		case strings.HasPrefix(t, "</"):
			set = nil
		case set != nil:
			w := strings.TrimRight(strings.Fields(t)[0], "_")
			for _, part := range strings.Split(w, "_") {
				set.Add(part)
			}
		}
	}
}

// PhoenixFiles are the files PETRARCH-2 codes with by default, in its
// dictionary directory.
var PhoenixFiles = Files{
	Verbs:    "CAMEO.2.0.txt",
	Actors:   []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"},
	Agents:   []string{"Phoenix.agents.txt"},
	Discards: "Phoenix.discards.txt",
	Issues:   "Phoenix.IssueCoding.txt",
}

// DirFiles returns the files to load from a PETRARCH dictionary
// directory: those its PETR_config.ini names in its [Dictionaries]
// section, else PhoenixFiles.
func DirFiles(fsys fs.FS) (Files, error) {
	b, err := fs.ReadFile(fsys, "PETR_config.ini")
	if err != nil {
		return PhoenixFiles, nil
	}
	var f Files
	section := ""
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	for sc.Scan() {
		t := strings.TrimSpace(sc.Text())
		if t == "" || t[0] == '#' || t[0] == ';' {
			continue
		}
		if strings.HasPrefix(t, "[") {
			section = strings.Trim(t, "[]")
			continue
		}
		k, v, ok := strings.Cut(t, "=")
		if !ok || section != "Dictionaries" {
			continue
		}
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "verbfile_name":
			f.Verbs = v
		case "actorfile_list":
			f.Actors = splitList(v)
		case "agentfile_name":
			f.Agents = splitList(v)
		case "discardfile_name":
			f.Discards = v
		case "issuefile_name":
			f.Issues = v
		}
	}
	if f.Verbs == "" {
		return Files{}, fmt.Errorf("PETR_config.ini names no verbfile_name")
	}
	return f, nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// TABARIFiles reads a TABARI .project file and returns the dictionary
// files it names, relative to the project's directory, and its text file.
func TABARIFiles(fsys fs.FS, project string) (Files, string, error) {
	b, err := fs.ReadFile(fsys, project)
	if err != nil {
		return Files{}, "", fmt.Errorf("read TABARI project: %w", err)
	}
	dir := path.Dir(project)
	f := Files{TABARI: true}
	text := ""
	for _, l := range strings.Split(string(b), "\n") {
		t := strings.TrimSpace(l)
		if !strings.HasPrefix(t, "<") {
			continue
		}
		end := strings.IndexByte(t, '>')
		if end < 0 {
			continue
		}
		tag, val := strings.ToLower(t[1:end]), strings.TrimSpace(t[end+1:])
		if val == "" {
			continue
		}
		name := path.Join(dir, strings.Fields(val)[0])
		switch tag {
		case "actorsfile":
			f.Actors = append(f.Actors, name)
		case "verbsfile":
			f.Verbs = name
		case "agentsfile":
			f.Agents = append(f.Agents, name)
		case "textfile":
			text = name
		}
	}
	if f.Verbs == "" {
		return Files{}, "", fmt.Errorf("%s names no <verbsfile>", project)
	}
	return f, text, nil
}
