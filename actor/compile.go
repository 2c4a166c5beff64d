package actor

import (
	"cmp"
	"slices"
	"strings"

	"redline"
)

// compile builds a Gazetteer from entries that passed validation.
func compile(es []*entry, ts []*titleEntry) *Gazetteer {
	es = slices.Clone(es)
	slices.SortFunc(es, func(a, b *entry) int { return strings.Compare(a.id.val, b.id.val) })
	g := &Gazetteer{
		actors:  make([]redline.Actor, len(es)),
		byID:    make(map[string]int32, len(es)),
		country: make([]string, len(es)),
		members: make([][]string, len(es)),
		spans:   make([][]daySpan, len(es)),
		byTitle: make(map[string]int32, len(ts)),
		offices: make(map[officeKey][]holding),
	}
	for i, e := range es {
		g.byID[e.id.val] = int32(i)
	}
	var root builder
	g.compileTitles(ts, es, &root)
	for i, e := range es {
		g.compileActor(int32(i), e, &root)
	}
	g.trie = root.compile()
	for _, hs := range g.offices {
		slices.SortFunc(hs, func(a, b holding) int { return cmp.Compare(a.from, b.from) })
	}
	return g
}

// compileTitles indexes the titles and their phrases, and finds for each
// bare title the one actor whose office it is.
func (g *Gazetteer) compileTitles(ts []*titleEntry, es []*entry, root *builder) {
	for i, t := range ts {
		g.titles = append(g.titles, title{name: t.title, office: t.office, bareOf: -1})
		g.byTitle[t.title] = int32(i)
		for _, ph := range t.phrases {
			root.insert(phraseTokens(ph.val), hit{kind: hitTitle, id: int32(i)})
		}
	}
	of := make(map[string]map[int32]bool)
	for _, e := range es {
		for _, r := range e.roles {
			if of[r.title] == nil {
				of[r.title] = make(map[int32]bool)
			}
			of[r.title][g.byID[r.of]] = true
		}
	}
	for i, t := range ts {
		if t.bare && len(of[t.title]) == 1 {
			for o := range of[t.title] {
				g.titles[i].bareOf = o
			}
		}
	}
}

// compileActor fills in one actor, its offices and its phrases.
func (g *Gazetteer) compileActor(i int32, e *entry, root *builder) {
	a := redline.Actor{
		ID:      e.id.val,
		Name:    e.name.val,
		Kind:    redline.ActorKind(e.kind.val),
		Country: e.country.val,
		Gender:  e.gender.val,
	}
	if a.Kind == redline.KindState && a.Country == "" {
		a.Country = a.ID
	}
	g.country[i] = a.Country
	if a.Country == "" && (a.Kind == redline.KindOrganisation || a.Kind == redline.KindGroup) {
		g.country[i] = a.ID
	}
	for _, f := range e.aliases {
		a.Aliases = append(a.Aliases, f.val)
	}
	for _, m := range e.members {
		g.members[i] = append(g.members[i], m.val)
	}
	for _, r := range e.roles {
		a.Roles = append(a.Roles, redline.Role{Title: r.title, Of: r.of, From: r.from, To: r.to})
		office := g.titles[g.byTitle[r.title]].office
		k := officeKey{office, g.byID[r.of]}
		g.offices[k] = append(g.offices[k], holding{actor: i, from: r.fromDay, to: r.toDay})
		g.spans[i] = append(g.spans[i], daySpan{r.fromDay, r.toDay})
	}
	g.actors[i] = a
	g.indexNames(i, e, root)
}

// indexNames adds an actor's names, demonyms and capitals to the trie. A
// demonym is plural when the list also holds it without its final "s"
// ("Iranians" beside "Iranian").
func (g *Gazetteer) indexNames(i int32, e *entry, root *builder) {
	root.insert(phraseTokens(e.name.val), hit{kind: hitName, id: i})
	for _, f := range e.aliases {
		root.insert(phraseTokens(f.val), hit{kind: hitName, id: i})
	}
	for _, f := range e.demonyms {
		plural := false
		if s, ok := strings.CutSuffix(f.val, "s"); ok {
			plural = slices.ContainsFunc(e.demonyms, func(o field) bool { return o.val == s })
		}
		root.insert(phraseTokens(f.val), hit{kind: hitDemonym, id: i, plural: plural})
	}
	for _, f := range e.capitals {
		root.insert(phraseTokens(f.val), hit{kind: hitCapital, id: i})
	}
	for _, f := range e.excepts {
		root.insert(phraseTokens(f.val), hit{kind: hitExcept, id: i})
	}
}
