package petrarch

import (
	"fmt"
	"strconv"
	"strings"

	"redline"
)

// ontology is UD-PETRARCH's internal coding ontology (PICO): each CAMEO
// code is a number whose parts (a cue, a modifier, an object) combine by
// addition, so that negating a verb is subtracting 0xFFFF.
type ontology struct {
	value map[string]int
	code  map[int]string
}

// read reads lines "CODE:VALUE[#comment]" where VALUE is a sum of signed
// hexadecimal terms such as "-0xFFFF+0x0070".
func (o *ontology) read(file, data string, probs *redline.ProblemList) {
	o.value, o.code = map[string]int{}, map[int]string{}
	for _, l := range readLines(file, data, tabariDialect, probs) {
		code, expr, ok := strings.Cut(strings.TrimSpace(l.text), ":")
		if !ok {
			probs.Add(file, l.n, "want CODE:VALUE")
			continue
		}
		expr, _, _ = strings.Cut(expr, "#")
		v, err := hexSum(strings.TrimSpace(expr))
		code = strings.TrimSpace(code)
		if err != nil || code == "" {
			probs.Add(file, l.n, "cannot read value %q of code %q", expr, code)
			continue
		}
		o.value[code] = v
		if _, dup := o.code[v]; !dup {
			o.code[v] = code
		}
	}
}

func hexSum(s string) (int, error) {
	if s == "" {
		return 0, fmt.Errorf("empty")
	}
	total, i := 0, 0
	for i < len(s) {
		sign := 1
		switch s[i] {
		case '-':
			sign, i = -1, i+1
		case '+':
			i++
		}
		j := i
		for j < len(s) && s[j] != '+' && s[j] != '-' {
			j++
		}
		v, err := strconv.ParseInt(strings.TrimSpace(s[i:j]), 0, 64)
		if err != nil {
			return 0, err
		}
		total += sign * int(v)
		i = j
	}
	return total, nil
}

// negate returns the code the ontology gives to refusing the event with
// this code, or false when it has none.
func (o *ontology) negate(code string) (string, bool) {
	if o == nil || o.value == nil {
		return "", false
	}
	v, ok := o.value[code]
	if !ok {
		return "", false
	}
	c, ok := o.code[v-0xFFFF]
	return c, ok
}
