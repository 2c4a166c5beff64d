package petrarch

import (
	"strings"

	"redline"
)

// Discards is a discard list: phrases that mark a sentence (or, written
// with a leading "+", a whole story) as not to be coded: sport, films,
// history. A phrase's last word matches as a stem unless it ends in "_".
type Discards struct {
	Phrases []Discard
	trie    trie
}

// Discard is one discard phrase.
type Discard struct {
	Text  string
	Story bool
}

func (ds *Discards) read(file, data string, d dialect, probs *redline.ProblemList) {
	for _, l := range readLines(file, data, d, probs) {
		text := strings.TrimSpace(l.text)
		story := strings.HasPrefix(text, "+")
		text = strings.TrimSpace(strings.TrimPrefix(text, "+"))
		if text == "" {
			probs.Add(file, l.n, "empty discard phrase")
			continue
		}
		p, err := parsePhrase(text, true)
		if err != nil {
			probs.Add(file, l.n, "%v", err)
			continue
		}
		for i := range p {
			p[i].loose = false
		}
		ds.Phrases = append(ds.Phrases, Discard{Text: text, Story: story})
		ds.trie.insert(p, int32(len(ds.Phrases)-1))
	}
}
