package petrarch

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// explain describes how the coder reads text: its words, noun phrases,
// compounds and verbs.
func (c *Coder) explain(text string, date int) string {
	w := &work{}
	w.words = splitWords(text)
	w.sent = sentence{text: text, words: w.words}
	w.sent.words = deleteCommaClauses(w.sent.words, c.Options.Commas)
	t := &w.t
	t.reset(&w.sent)
	t.tagPhrases(c.Dict, c.Options.OpenPhrases)
	t.judgeVerbs(c.Dict)
	t.chunk()
	t.mergeLinks()
	t.groupNPs(c.Dict, date, c.Options.JoinCodes, c.Options.NewActorLength)
	var b strings.Builder
	for i := range w.sent.words {
		fmt.Fprintf(&b, "%s", w.sent.words[i].span.In(text))
		if t.actorOf[i] >= 0 {
			b.WriteString("/A")
		}
		if t.agentOf[i] >= 0 {
			b.WriteString("/G")
		}
		if v := t.verbOf[i]; v >= 0 {
			if t.verbs[v].noun {
				b.WriteString("/n")
			} else {
				b.WriteString("/V")
			}
		}
		if t.npOf[i] >= 0 {
			fmt.Fprintf(&b, "/np%d", t.npOf[i])
		}
		if t.groupOf[i] >= 0 {
			fmt.Fprintf(&b, "/g%d", t.groupOf[i])
		}
		b.WriteByte(' ')
	}
	b.WriteByte('\n')
	for i, g := range t.groups {
		fmt.Fprintf(&b, "g%d: %v\n", i, g.members)
	}
	res := c.Code(text, date)
	for _, e := range res.Events {
		fmt.Fprintf(&b, "%s %s %s %s\n", e.Source, e.Target, e.Code, e.Pattern)
	}
	return b.String()
}

// TestExplain prints the reading of $EXPLAIN with the dictionaries of
// $EXPLAIN_DICT (a PETRARCH dictionary directory and a records file's
// environment: verbs,actors,agents).
func TestExplain(t *testing.T) {
	text := os.Getenv("EXPLAIN")
	if text == "" {
		t.Skip("set EXPLAIN to a sentence")
	}
	parts := strings.Split(os.Getenv("EXPLAIN_DICT"), ",")
	fsys := os.DirFS(parts[0])
	f := Files{Verbs: parts[1], Actors: []string{parts[2]}, Agents: []string{parts[3]}}
	d, _, err := Load(fsys, f)
	if err != nil {
		t.Fatal(err)
	}
	c := NewCoder(d)
	if os.Getenv("EXPLAIN_JOIN") != "" {
		c.Options.JoinCodes = true
	}
	t.Log("\n" + c.explain(text, 19950101))
}
