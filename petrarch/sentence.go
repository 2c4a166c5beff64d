package petrarch

import (
	"strings"

	"redline"
	"redline/segment"
)

// class is a set of closed-class roles a word can play. The coder has no
// part-of-speech tagger; these few hundred function words, with the
// dictionaries, are what it knows of grammar.
type class uint32

const (
	cDet     class = 1 << iota // a, the, this, every, no
	cPoss                      // his, its, their, 's
	cPrep                      // of, in, with ... (not "to" or "by")
	cTo                        // to
	cBy                        // by
	cConj                      // and, or, nor
	cNeither                   // neither, either, both
	cSub                       // that, which, who, when, after, because ...
	cBe                        // is, was, been ...
	cHave                      // has, have, had
	cDo                        // do, does, did
	cModal                     // will, would, can, must, wo, ca ...
	cNeg                       // not, n't, never
	cPron                      // he, she, it, they ...
	cAdv                       // adverbs that sit inside a verb group
	cNumber                    // a number token
	cPunct                     // punctuation other than a comma
	cComma                     // ,
	cStop                      // ; : and brackets: a clause break
	cCap                       // the word starts with a capital letter
	cSay                       // said, says, told ...: speech verbs
	cDegree                    // very, too, quite: never before a verb
	cSeam                      // where a deleted comma clause was
)

// aux is any word of a verb group that is not its head.
const aux = cBe | cHave | cDo | cModal | cNeg | cAdv | cTo

var wordClasses = redline.WordClasses(map[class][]string{
	cDet: {"a", "an", "the", "this", "these", "those", "every", "each", "no", "some", "any", "another",
		"all", "several", "many", "few", "such", "both", "either", "neither", "other", "most", "more"},
	cPoss: {"his", "its", "their", "her", "our", "my", "your", "'s", "’s", "'", "whose"},
	cPrep: {"of", "in", "on", "at", "for", "with", "from", "into", "onto", "over", "under", "against",
		"about", "after", "before", "during", "between", "among", "amid", "through", "toward",
		"towards", "across", "near", "since", "until", "within", "without", "along", "despite",
		"upon", "via", "behind", "beyond", "around", "outside", "inside", "like", "per", "following",
		"throughout", "off", "out", "up", "down", "than", "as", "including", "regarding", "concerning"},
	cTo:      {"to"},
	cBy:      {"by"},
	cConj:    {"and", "or", "nor", "&"},
	cNeither: {"neither", "either", "both"},
	cSub: {"that", "which", "who", "whom", "whose", "when", "where", "while", "whether", "if", "because",
		"although", "though", "since", "until", "after", "before", "as", "once", "unless", "whereas",
		"what", "how", "why", "but", "so"},
	cBe:    {"be", "is", "are", "was", "were", "been", "being", "am", "'re", "'m"},
	cHave:  {"has", "have", "had", "having", "'ve", "'d"},
	cDo:    {"do", "does", "did"},
	cModal: {"will", "would", "shall", "should", "can", "could", "may", "might", "must", "wo", "ca", "'ll"},
	cNeg:   {"not", "n't", "never"},
	cPron:  {"he", "she", "it", "they", "we", "i", "you", "him", "them", "us", "me", "there"},
	cAdv: {"also", "again", "already", "recently", "now", "then", "still", "just", "only", "reportedly",
		"allegedly", "apparently", "finally", "formally", "officially", "publicly", "immediately",
		"soon", "later", "earlier", "ever", "even", "really", "certainly", "strongly", "sharply",
		"fiercely", "heavily", "unjustly", "unexpectedly", "jointly", "repeatedly", "once", "further",
		"yet", "actually", "clearly", "quickly", "about"},
	cDegree: {"very", "too", "quite", "rather", "more", "less", "most", "least", "so"},
	cSay: {"said", "says", "say", "saying", "told", "tells", "tell", "stated", "states", "added",
		"announced", "declared", "noted", "reported", "asserted", "insisted", "claimed"},
})

// word is one token of a sentence as the coder sees it.
type word struct {
	span  redline.Span
	fold  redline.Fold
	class class
}

func (w *word) is(c class) bool { return w.class&c != 0 }

// sentence is the text being coded and its words.
type sentence struct {
	text  string
	words []word
	low   []string // lower-cased words, made on first use (TABARI stems)
}

// lower returns word i in lower case.
func (s *sentence) lower(i int) string {
	if s.low == nil {
		s.low = make([]string, len(s.words))
	}
	if s.low[i] == "" {
		s.low[i] = strings.ToLower(s.words[i].span.In(s.text))
	}
	return s.low[i]
}

// split reads text as one sentence: PETRARCH codes a record's text as a
// unit even when the splitter would break it ("Mr. Smith"). It also
// returns, in breaks, the words where the splitter would start a new
// sentence.
func split(text string, buf []word, breaks []int) ([]word, []int) {
	words := buf[:0]
	for _, sent := range segment.Split(text) {
		if len(words) > 0 {
			breaks = append(breaks, len(words))
		}
		for _, t := range sent.Tokens {
			w := word{span: t.Span, fold: t.Fold, class: wordClasses.Value(t.Fold)}
			switch t.Kind {
			case redline.TokenNumber:
				w.class |= cNumber
			case redline.TokenPunct, redline.TokenQuote:
				if text[t.Span.Start] == '_' {
					continue // "Dol_Amroth": dictionaries' way of writing a phrase
				}
				w.class = cPunct
				switch text[t.Span.Start] {
				case ',':
					w.class = cComma
				case ';', ':', '(', ')', '[', ']', '"', '`', '!', '?':
					w.class |= cStop
				}
				if t.Kind == redline.TokenQuote {
					w.class |= cStop
				}
			}
			if c := text[t.Span.Start]; c >= 'A' && c <= 'Z' {
				w.class |= cCap
			}
			if t.Kind == redline.TokenWord && w.class&^cCap == 0 && adverbLike(t.Span.In(text)) {
				w.class |= cAdv
			}
			if t.Kind == redline.TokenWord && strings.IndexByte(t.Span.In(text), '_') >= 0 {
				words = appendUnderscored(words, text, w)
				continue
			}
			words = append(words, w)
		}
	}
	return words, breaks
}

// adverbLike reports whether a word of no known class looks like an
// adverb: lower case and ending in -ly, and not one of the nouns and
// verbs so spelled.
func adverbLike(w string) bool {
	if len(w) < 5 || w[0] < 'a' || w[0] > 'z' || !strings.HasSuffix(w, "ly") {
		return false
	}
	return !lyWords.HasWord(w)
}

var lyWords = redline.NewFoldSet("family", "assembly", "supply", "reply", "rally", "ally", "monopoly", "anomaly",
	"bully", "belly", "jelly", "folly", "apply", "comply", "multiply", "imply", "rely", "fly", "holy", "ugly",
	"early", "daily", "weekly", "monthly", "yearly", "friendly", "likely", "only", "elderly", "lonely", "deadly",
	"costly", "orderly", "worldly", "curly", "burly", "oily", "homily", "italy", "july", "sly", "wily")

// appendUnderscored appends a word written with underscores
// ("Dol_Amroth", as dictionaries write phrases) as its separate words.
func appendUnderscored(words []word, text string, w word) []word {
	start := w.span.Start
	for i := w.span.Start; i <= w.span.End; i++ {
		if i < w.span.End && text[i] != '_' {
			continue
		}
		if i > start {
			sub := word{span: redline.Span{Start: start, End: i}}
			sub.fold = redline.FoldOf(text[start:i])
			sub.class = wordClasses.Value(sub.fold)
			if c := text[start]; c >= 'A' && c <= 'Z' {
				sub.class |= cCap
			}
			words = append(words, sub)
		}
		start = i + 1
	}
	return words
}

// CommaRule says which comma-delimited clauses are deleted before coding,
// by their length in words: internal ones between two commas, the
// initial one before the first comma and the terminal one after the last.
// A maximum of 0 turns a kind off. PETRARCH's defaults are
// DefaultCommas.
type CommaRule struct {
	Min, Max   int
	BMin, BMax int
	EMin, EMax int
}

// DefaultCommas are TABARI's and PETRARCH's default clause lengths.
var DefaultCommas = CommaRule{Min: 2, Max: 8, BMin: 0, BMax: 0, EMin: 2, EMax: 8}

// deleteCommaClauses removes the comma-delimited clauses the rule selects,
// in place. The comma that closes an internal clause stays, so that the
// words on either side do not run together. A comma that separates the
// items of a list ("Mordor, Rohan, Fornost and Bree") opens no clause.
func deleteCommaClauses(ws []word, r CommaRule) []word {
	count := func(from, to int) int {
		n := 0
		for _, w := range ws[from:to] {
			if !w.is(cPunct | cComma) {
				n++
			}
		}
		return n
	}
	if r.Max > 0 {
		out := ws[:0]
		i := 0
		for i < len(ws) {
			if !ws[i].is(cComma) || listComma(ws, i) {
				out = append(out, ws[i])
				i++
				continue
			}
			j := i + 1
			for j < len(ws) && !ws[j].is(cComma|cStop) {
				j++
			}
			if j < len(ws) && ws[j].is(cComma) {
				if n := count(i+1, j); n >= r.Min && n <= r.Max {
					// The closing comma stays as a seam, so that the
					// phrases on either side stay apart.
					ws[j].class = cPunct | cSeam
					i = j
					continue
				}
			}
			out = append(out, ws[i])
			i++
		}
		ws = out
	}
	if r.BMax > 0 {
		// An initial clause with a verb group in it is the main clause,
		// not an introductory phrase, and stays.
		for i, w := range ws {
			if w.is(cComma) {
				if n := count(0, i); n >= r.BMin && n <= r.BMax {
					ws = ws[i+1:]
				}
				break
			}
			if w.is(cStop | cBe | cHave | cDo | cModal) {
				break
			}
		}
	}
	if r.EMax > 0 {
		end := len(ws)
		for end > 0 && ws[end-1].is(cPunct) && !ws[end-1].is(cComma) {
			end--
		}
		for i := end - 1; i >= 0; i-- {
			if ws[i].is(cStop) {
				break
			}
			if ws[i].is(cComma) {
				if n := count(i+1, end); n >= r.EMin && n <= r.EMax && !listComma(ws, i) {
					ws = append(ws[:i], ws[end:]...)
				}
				break
			}
		}
	}
	return ws
}

// listComma reports whether the comma at i separates items of a list: what
// follows it, up to the next comma, is a few words with no verb group or
// preposition, and the list ends with "and" or "or" before another item.
func listComma(ws []word, i int) bool {
	for depth := 0; depth < 8; depth++ {
		n := 0
		j := i + 1
		for ; j < len(ws); j++ {
			w := &ws[j]
			if w.is(cComma | cConj) {
				break
			}
			if w.is(cPrep|cTo|cBy|cSub|cBe|cHave|cDo|cModal|cNeg|cStop|cPunct) && !w.is(cDet|cPoss) {
				return false
			}
			n++
		}
		switch {
		case n == 0:
			return j < len(ws) && ws[j].is(cConj) // the comma of ", and"
		case j < len(ws) && ws[j].is(cComma) && j+1 < len(ws) && ws[j+1].is(cConj):
			return n <= 4
		case j >= len(ws) || n > 4:
			return false
		case ws[j].is(cConj):
			return true
		}
		i = j
	}
	return false
}
