// Package actor finds the actors a text names (states, organisations,
// groups and people) and resolves each to a canonical redline.Actor, with
// the role a person held on the document's date.
//
// # Dictionary
//
// Load reads a dictionary tree through an fs.FS (dict.FS by default):
//
//	actors/states.yaml         states: names, aliases, demonyms, capitals
//	actors/organisations.yaml  organisations and groups, with their country
//	actors/people/*.yaml       people with dated roles
//	actors/titles.yaml         the title vocabulary and the phrases for each
//
// Every file is a YAML list with one entry per actor. Load checks all of it
// (unknown fields, kinds, titles and actors; bad, reversed or overlapping
// role dates; duplicate IDs; empty names) and reports every problem as
// "file:line: message" in a ProblemList, so one run shows everything to fix.
// It then compiles the phrases once into a trie of their tokens.
//
// # Roles and dates
//
// A role is an office (title and actor) held between two days, both
// inclusive; where one holder succeeds another, the handover day belongs to
// the successor. Each title has an office class ("Secretary of State" and
// "Foreign Secretary" are both foreign-minister), and role phrases resolve
// through the class: "Iran's president", "the Iranian president", "the
// president of Iran" and "the US foreign minister" each name whoever held
// that office of that state on the reference day given to Match. "Iran's
// president" is Hassan Rouhani in 2013 and Masoud Pezeshkian in 2025. When
// no one held the office that day, the mention names the state itself.
// A title followed by a known name ("President Trump", "Iranian Foreign
// Minister Abbas Araghchi") names that person whatever the date. A title
// marked bare in titles.yaml resolves alone ("the Supreme Leader") when only
// one actor has that office. "Former", "ex-", "late" and "then" before a
// role phrase, or "-elect" after it, stop it resolving, since the date says
// nothing about who is meant.
//
// When a name belongs to several actors ("Bush", "Herzog"), the one whose
// roles lie nearest the reference day wins; a tie (two states both called
// "Congo") yields no mention, since ambiguity is real and a wrong actor is
// worse than none.
//
// # Case rules
//
// Names, aliases, demonyms and capitals are proper names and match
// case-sensitively, exactly as written in the dictionary: "US" matches "US"
// but never the pronoun "us", "Turkey" never "turkey", "China" never
// "china". Load refuses a name with no capital letter or digit, because it
// would match a common word. A word written in lower case inside a name
// ("the United States", "Republic of Korea", "Mohammed bin Salman")
// matches in any case, so a sentence may start "The United States". Title
// phrases are common nouns, written in lower case, and match in any case:
// "President", "president" and "PRESIDENT". Curly and straight apostrophes
// are the same everywhere.
//
// An "except" list on an actor names longer phrases that contain one of its
// names without meaning it ("Latin America", "New Mexico"). Longest match
// wins, so they consume the words and yield no mention.
//
// # Matching
//
// Match takes the sentences of the segment package and looks at tokens, not
// bytes: words are cut at hyphens ("US-led" gives "US") and before a
// possessive, which is left out of a name's span ("Iran's" names Iran with
// the span "Iran"). At each token it finds the longest phrase in the trie,
// then joins adjacent phrases into role phrases. Spans are byte offsets into
// the text; mentions come in text order and never overlap.
//
// A Gazetteer never changes after Load and is safe for concurrent use.
// Match works from the Folds the segmenter gives each token: the trie is
// keyed by Fold, and a filter on the Folds of a token and the next rules
// out most words with a load or two, so that text is compared only where
// a phrase may start. It allocates only the mentions it returns.
package actor
