package verb

import "strings"

// inflect returns the phrases for a verb phrase written by lemma: the
// lemma itself and its third-person, past and gerund forms, with the rest
// of the phrase unchanged. Irregular forms, when given, replace the
// generated ones.
func inflect(lemmaPhrase string, irregular []string) []phrase {
	ws := words(lemmaPhrase)
	if len(ws) == 0 {
		return nil
	}
	head, rest := ws[0], ws[1:]
	out := []phrase{{words: ws, form: FormBase}}
	add := func(form string, f Form) {
		out = append(out, phrase{words: append([]string{form}, rest...), form: f})
	}
	if len(irregular) > 0 {
		for _, f := range irregular {
			form := FormIrregular
			switch {
			case strings.HasSuffix(f, "ing"):
				form = FormGerund
			case strings.HasSuffix(f, "ed"):
				form = FormPast
			}
			add(strings.ToLower(f), form)
		}
		return out
	}
	third, past, gerund := regularForms(head)
	add(third, FormThird)
	add(past, FormPast)
	add(gerund, FormGerund)
	return out
}

// regularForms returns the regular inflections of an English verb.
func regularForms(v string) (third, past, gerund string) {
	n := len(v)
	switch {
	case strings.HasSuffix(v, "ie"):
		return v + "s", v + "d", v[:n-2] + "ying"
	case strings.HasSuffix(v, "ee"):
		return v + "s", v + "d", v + "ing"
	case strings.HasSuffix(v, "e"):
		return v + "s", v + "d", v[:n-1] + "ing"
	case n > 1 && v[n-1] == 'y' && !vowel(v[n-2]):
		return v[:n-1] + "ies", v[:n-1] + "ied", v + "ing"
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "ch") ||
		strings.HasSuffix(v, "x") || strings.HasSuffix(v, "z"):
		return v + "es", v + "ed", v + "ing"
	case doubles(v):
		last := v[n-1:]
		return v + "s", v + last + "ed", v + last + "ing"
	}
	return v + "s", v + "ed", v + "ing"
}

// doubles reports whether a short verb ending consonant-vowel-consonant
// doubles its last letter ("ban", "plan", "stop"). Longer verbs with final
// stress ("admit") list their forms in the lexicon instead.
func doubles(v string) bool {
	n := len(v)
	if n < 3 || n > 4 {
		return false
	}
	c := v[n-1]
	return !vowel(c) && c != 'w' && c != 'x' && c != 'y' && vowel(v[n-2]) && !vowel(v[n-3])
}

func vowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
