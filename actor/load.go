package actor

import (
	"fmt"
	"io/fs"
)

// Load reads the actor dictionary under actors/ in fsys: every .yaml file
// there and below (states.yaml, organisations.yaml, people/*.yaml) lists
// actors, and actors/titles.yaml lists the titles their roles may use. It
// checks all of it and, when anything is wrong, returns a nil Gazetteer and
// a ProblemList with one "file:line: message" per problem. An error reading
// the files themselves is returned wrapped instead.
func Load(fsys fs.FS) (*Gazetteer, error) {
	var p parser
	if err := p.parseTree(fsys); err != nil {
		return nil, fmt.Errorf("read actor dictionary: %w", err)
	}
	v := validator{probs: &p.probs}
	v.checkTitles(p.titles)
	v.checkIDs(p.entries)
	for _, e := range p.entries {
		v.checkEntry(e)
	}
	v.checkOffices(p.entries)
	if len(p.probs) > 0 {
		p.probs.Sort()
		return nil, p.probs
	}
	return compile(p.entries, p.titles), nil
}
