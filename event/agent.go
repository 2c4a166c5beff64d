package event

import (
	"strings"

	"redline"
)

// agents maps role nouns to PLOVER sector codes: "Iranian negotiators" is
// Iran's government (GOV), "US troops" its military (MIL). A role noun
// right after a state mention narrows the state to that sector.
var agents = map[string]string{
	"government": "GOV", "officials": "GOV", "official": "GOV", "negotiators": "GOV", "negotiator": "GOV",
	"diplomats": "GOV", "diplomat": "GOV", "minister": "GOV", "ministers": "GOV", "ministry": "GOV",
	"authorities": "GOV", "leader": "GOV", "leaders": "GOV", "president": "GOV", "cabinet": "GOV",
	"administration": "GOV", "envoy": "GOV", "embassy": "GOV", "regime": "GOV", "delegation": "GOV",
	"troops": "MIL", "soldiers": "MIL", "forces": "MIL", "army": "MIL", "military": "MIL", "navy": "MIL",
	"warships": "MIL", "warplanes": "MIL", "aircraft": "MIL", "jets": "MIL", "tanks": "MIL", "officers": "MIL",
	"militiamen": "MIL", "bulldozers": "MIL", "gunboats": "MIL", "artillery": "MIL", "commanders": "MIL",
	"police": "COP", "policemen": "COP", "security": "COP", "border": "COP",
	"court": "JUD", "judge": "JUD", "judges": "JUD", "prosecutors": "JUD", "prosecutor": "JUD",
	"parliament": "LEG", "lawmakers": "LEG", "legislators": "LEG", "congress": "LEG", "senate": "LEG", "assembly": "LEG",
	"rebels": "REB", "rebel": "REB", "guerrillas": "REB", "guerillas": "REB", "insurgents": "REB", "militants": "REB",
	"separatists": "REB", "fighters": "REB",
	"opposition": "OPP", "protesters": "CVL", "demonstrators": "CVL", "students": "CVL", "workers": "CVL",
	"farmers": "CVL", "youths": "CVL", "activists": "CVL", "refugees": "REF", "civilians": "CVL",
	"businessman": "BUS", "intelligence": "SPY", "spies": "SPY", "hackers": "SPY", "settlers": "CVL",
	"media": "MED", "newspaper": "MED", "journalists": "MED",
}

// sectorAfter returns the sector of a role noun within the two words after
// a state mention ("Iranian negotiators", "Israeli army bulldozers").
func (s *sentence) sectorAfter(m redline.Mention) string {
	if m.Country != m.Actor.ID || m.Kind == redline.MentionPronoun {
		return ""
	}
	t := s.tokenAt(m.Span.End)
	for k := t; k >= 0 && k < len(s.toks) && k < t+3; k++ {
		if sec, ok := agents[s.word(k)]; ok {
			return sec
		}
		if s.toks[k].Kind != redline.TokenWord {
			break
		}
	}
	return ""
}

// tokenAt returns the index of the first token starting at or after byte
// offset at, or -1.
func (s *sentence) tokenAt(at int) int {
	for k, t := range s.toks {
		if t.Span.Start >= at {
			return k
		}
	}
	return -1
}

// bodies are singular nouns that name a group acting as one ("an
// international aid agency appealed").
var bodies = map[string]bool{
	"agency": true, "group": true, "organization": true, "organisation": true, "committee": true,
	"council": true, "union": true, "party": true, "movement": true, "front": true, "coalition": true,
	"association": true, "forum": true, "newspaper": true, "court": true, "government": true, "army": true,
}

// stopCaps are capitalised words that do not start an actor's name.
var stopCaps = map[string]bool{
	"the": true, "a": true, "an": true, "in": true, "on": true, "at": true, "after": true, "despite": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "today": true, "yesterday": true, "some": true, "up": true, "about": true, "two": true,
}

// newActor returns an actor missing from the dictionary that stands before
// token t in its clause: the nearest run of capitalised words ("Homeland
// Union", "Judge Alejandro Rivera") or a plural role noun ("Demonstrators",
// "rebels"). Its ID is empty and its name the words of the text.
func (s *sentence) newActor(t int) (redline.Mention, bool) {
	for k := t - 1; k >= 0 && k >= t-12; k-- {
		w := s.tok(k)
		if w == "," {
			if open, ok := s.asideBefore(k + 1); ok {
				k = open // pass over an aside: "Salaheddine Sidhoum, Algeria's leading activist, staged"
				continue
			}
			break
		}
		if w == ";" || w == ":" {
			break
		}
		if sec, ok := agents[strings.ToLower(w)]; ok && strings.HasSuffix(w, "s") || bodies[strings.ToLower(w)] {
			return s.adHoc(s.namedBefore(k), k+1, sec), true // "European Community foreign ministers"
		}
		if !capitalised(w) || stopCaps[strings.ToLower(w)] {
			continue
		}
		lo := k
		for lo > 0 && (capitalised(s.tok(lo-1)) || s.tok(lo-1) == "of") && !stopCaps[strings.ToLower(s.tok(lo-1))] {
			lo--
		}
		if s.tok(lo) == "of" {
			lo++
		}
		return s.adHoc(lo, k+1, ""), true
	}
	return redline.Mention{}, false
}

// namedBefore extends a role noun at k back over a name and modifiers
// before it ("European Community foreign ministers").
func (s *sentence) namedBefore(k int) int {
	lo := k
	for j := k - 1; j >= 0 && j >= k-5; j-- {
		w := s.tok(j)
		if capitalised(w) && !stopCaps[strings.ToLower(w)] {
			lo = j
			continue
		}
		if w != "foreign" && w != "senior" && w != "top" && w != "government" {
			break
		}
	}
	return lo
}

func (s *sentence) adHoc(lo, hi int, sector string) redline.Mention {
	sp := redline.Span{Start: s.toks[lo].Span.Start, End: s.toks[hi-1].Span.End}
	return redline.Mention{Actor: redline.ActorRef{Name: sp.In(s.text), Sector: sector}, Span: sp, Sentence: s.index}
}

func (s *sentence) tok(k int) string { return s.toks[k].Span.In(s.text) }

func capitalised(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }
