package actor

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// testTitles is a small title vocabulary for tests.
const testTitles = `- {title: President, office: president, phrases: [president]}
- {title: Supreme Leader, office: supreme-leader, phrases: [supreme leader], bare: true}
- {title: Foreign Minister, office: foreign-minister, phrases: [foreign minister, top diplomat]}
- {title: Secretary of State, office: foreign-minister, phrases: [secretary of state], bare: true}
- {title: Special Envoy, office: special-envoy, phrases: [special envoy], shared: true}
`

// testStates is a small list of states for tests.
const testStates = `- {id: IRN, name: Iran, kind: state}
- {id: USA, name: United States, kind: state}
`

// mapFS returns a dictionary tree holding the given actor files, plus the
// test titles and states unless the files replace them.
func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"actors/titles.yaml": {Data: []byte(testTitles)},
		"actors/states.yaml": {Data: []byte(testStates)},
	}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

// lines joins lines into a file, so tests can count them.
func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

func TestLoadProblems(t *testing.T) {
	const people = "actors/people/irn.yaml"
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"OK", nil, nil},
		{"DuplicateID", map[string]string{people: lines(
			"- {id: IRN, name: Iran again, kind: state}",
		)}, []string{`actors/states.yaml:1: duplicate id "IRN", first at actors/people/irn.yaml:1`}},
		{"UnknownKind", map[string]string{people: lines(
			"- id: x",
			"  name: X",
			"  kind: stat",
		)}, []string{`actors/people/irn.yaml:3: unknown kind "stat" for "x"`}},
		{"MissingKind", map[string]string{people: lines(
			"- {id: x, name: X}",
		)}, []string{`actors/people/irn.yaml:1: actor "x" has no kind`}},
		{"UnknownField", map[string]string{people: lines(
			"- id: x",
			"  name: X",
			"  kind: person",
			"  alias: [Y]",
		)}, []string{`actors/people/irn.yaml:4: unknown field "alias"`}},
		{"UnknownRoleField", map[string]string{people: lines(
			"- id: x",
			"  name: X",
			"  kind: person",
			"  roles:",
			"    - {title: President, of: IRN, form: 2000-01-01}",
		)}, []string{`actors/people/irn.yaml:5: unknown field "form"`}},
		{"EmptyName", map[string]string{people: lines(
			"- id: x",
			"  name: ''",
			"  kind: person",
		)}, []string{`actors/people/irn.yaml:2: actor "x" has an empty name`}},
		{"MissingID", map[string]string{people: lines(
			"- {name: X, kind: person}",
		)}, []string{`actors/people/irn.yaml:1: actor with no id`}},
		{"LowerCaseAlias", map[string]string{people: lines(
			"- id: x",
			"  name: X",
			"  kind: person",
			"  aliases: [Ex, us]",
		)}, []string{`actors/people/irn.yaml:4: alias "us" of "x" has no capital letter; names match case-sensitively`}},
		{"BadDate", map[string]string{people: lines(
			"- id: x",
			"  name: X",
			"  kind: person",
			"  roles:",
			"    - title: President",
			"      of: IRN",
			"      from: 1981-13-01",
		)}, []string{`actors/people/irn.yaml:7: role "President" has bad date "1981-13-01"; want YYYY-MM-DD`}},
		{"EndsBeforeStart", map[string]string{people: lines(
			"- id: x",
			"  name: X",
			"  kind: person",
			"  roles:",
			"    - {title: President, of: IRN, from: 1989-08-03, to: 1981-10-13}",
		)}, []string{`actors/people/irn.yaml:5: role "President" ends before it starts`}},
		{"UnknownOf", map[string]string{people: lines(
			"- id: x",
			"  name: X",
			"  kind: person",
			"  roles:",
			"    - {title: President, of: IRX}",
		)}, []string{`actors/people/irn.yaml:5: role "President" of unknown actor "IRX"`}},
		{"UnknownTitle", map[string]string{people: lines(
			"- id: x",
			"  name: X",
			"  kind: person",
			"  roles:",
			"    - {title: Presdent, of: IRN}",
		)}, []string{`actors/people/irn.yaml:5: role "Presdent" has unknown title`}},
		{"TwoHolders", map[string]string{people: lines(
			"- id: a",
			"  name: A",
			"  kind: person",
			"  roles:",
			"    - {title: President, of: IRN, from: 2005-08-03, to: 2013-08-03}",
			"- id: b",
			"  name: B",
			"  kind: person",
			"  roles:",
			"    - {title: President, of: IRN, from: 2013-08-03}",
		)}, []string{
			`actors/people/irn.yaml:5: role "President" of IRN overlaps b's at actors/people/irn.yaml:10`,
			`actors/people/irn.yaml:10: role "President" of IRN overlaps a's at actors/people/irn.yaml:5`,
		}},
		{"TwoHoldersOfSharedTitle", map[string]string{people: lines(
			"- {id: a, name: A, kind: person, roles: [{title: Special Envoy, of: USA, from: 2025-01-20}]}",
			"- {id: b, name: B, kind: person, roles: [{title: Special Envoy, of: USA, from: 2025-02-01}]}",
		)}, nil},
		{"SameRoleTwice", map[string]string{people: lines(
			"- id: a",
			"  name: A",
			"  kind: person",
			"  roles:",
			"    - {title: President, of: IRN, from: 1990-01-01, to: 1999-12-31}",
			"    - {title: President, of: IRN, from: 1995-01-01}",
		)}, []string{`actors/people/irn.yaml:6: role "President" of IRN overlaps the same role of "a" at line 5`}},
		{"SharedAlias", map[string]string{people: lines(
			"- {id: a, name: A, kind: person, aliases: [Bush]}",
			"- {id: b, name: B, kind: person, aliases: [Bush]}",
		)}, nil},
		{"UnknownCountry", map[string]string{people: lines(
			"- {id: a, name: A, kind: person, country: IRX}",
		)}, []string{`actors/people/irn.yaml:1: unknown country "IRX" for "a"`}},
		{"StateCountry", map[string]string{people: lines(
			"- {id: OMN, name: Oman, kind: state, country: IRN}",
		)}, []string{`actors/people/irn.yaml:1: state "OMN" has country "IRN"; a state's country is itself`}},
		{"BadGender", map[string]string{people: lines(
			"- {id: a, name: A, kind: person, gender: x}",
		)}, []string{`actors/people/irn.yaml:1: bad gender "x" for "a": want m or f`}},
		{"UnknownMember", map[string]string{people: lines(
			"- {id: E3, name: E3, kind: group, members: [FRA]}",
		)}, []string{`actors/people/irn.yaml:1: unknown member "FRA" of "E3"`}},
		{"SyntaxError", map[string]string{people: lines(
			"- id: a",
			"  name: A",
			"  kind: person",
			"\tgender: m",
		)}, []string{`actors/people/irn.yaml:3: found a tab character that violates indentation`}},
		{"NotAList", map[string]string{people: lines(
			"id: a",
		)}, []string{`actors/people/irn.yaml:1: want a list of entries`}},
		{"Titles", map[string]string{"actors/titles.yaml": lines(
			"- {title: President, office: president, phrases: [president]}",
			"- {title: President, office: president, phrases: [head of state]}",
			"- {title: Leader, phrases: [Leader]}",
			"- {title: Head, office: head, phrases: [president]}",
			"- {title: Chief, office: chief}",
		)}, []string{
			`actors/titles.yaml:2: duplicate title "President", first at actors/titles.yaml:1`,
			`actors/titles.yaml:3: phrase "Leader" of title "Leader" must be lower case; titles match in any case`,
			`actors/titles.yaml:3: title "Leader" has no office`,
			`actors/titles.yaml:4: phrase "president" names both "President" and "Head"`,
			`actors/titles.yaml:5: title "Chief" has no phrases`,
		}},
		{"Sorted", map[string]string{
			"actors/people/b.yaml": lines("- {id: b, name: B, kind: persn}"),
			"actors/people/a.yaml": lines("- {id: a, name: A, kind: person}", "- {id: a2, name: '', kind: person}"),
		}, []string{
			`actors/people/a.yaml:2: actor "a2" has an empty name`,
			`actors/people/b.yaml:1: unknown kind "persn" for "b"`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(mapFS(tt.files))
			if got := problemLines(t, err); !cmp.Equal(got, tt.want) {
				t.Errorf("Load problems mismatch (-got +want):\n%s", cmp.Diff(got, tt.want))
			}
		})
	}
}

// problemLines returns the lines of a ProblemList, nil for no error, and
// fails the test for any other error.
func problemLines(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var pl ProblemList
	if !errors.As(err, &pl) {
		t.Fatalf("Load error = %v, want a ProblemList", err)
	}
	return strings.Split(pl.Error(), "\n")
}

func TestLoadAccessors(t *testing.T) {
	g := mustLoad(t, mapFS(map[string]string{
		"actors/people/irn.yaml": lines(
			"- {id: a, name: A, kind: person, country: IRN, gender: f}",
			"- {id: u, name: U, kind: person}",
			"- {id: IRGC, name: Guards, kind: organisation, country: IRN}",
			"- {id: UNO, name: United Nations, kind: organisation}",
			"- {id: E3, name: E3, kind: group, members: [IRN, USA]}",
		),
	}))
	for _, tt := range []struct{ id, want string }{
		{"IRN", "IRN"}, {"a", "IRN"}, {"u", ""}, {"IRGC", "IRN"}, {"UNO", "UNO"}, {"E3", "E3"}, {"nobody", ""},
	} {
		if got := g.CountryOf(tt.id); got != tt.want {
			t.Errorf("CountryOf(%q) = %q, want %q", tt.id, got, tt.want)
		}
	}
	if a, ok := g.Actor("a"); !ok || a.Name != "A" || a.Gender != "f" {
		t.Errorf("Actor(%q) = %+v, %v", "a", a, ok)
	}
	if _, ok := g.Actor("nobody"); ok {
		t.Errorf("Actor(%q) found an actor", "nobody")
	}
	if got, want := g.Members("E3"), []string{"IRN", "USA"}; !cmp.Equal(got, want) {
		t.Errorf("Members(E3) = %v, want %v", got, want)
	}
	var ids []string
	for _, a := range g.Actors() {
		ids = append(ids, a.ID)
	}
	if want := []string{"E3", "IRGC", "IRN", "UNO", "USA", "a", "u"}; !cmp.Equal(ids, want) {
		t.Errorf("Actors() IDs = %v, want %v", ids, want)
	}
}

// mustLoad loads a dictionary or fails the test.
func mustLoad(tb testing.TB, fsys fstest.MapFS) *Gazetteer {
	tb.Helper()
	g, err := Load(fsys)
	if err != nil {
		tb.Fatalf("Load: %v", err)
	}
	return g
}
