package export

import (
	"io"
	"strconv"
	"strings"

	"redline"
)

// phoenixQuad returns the Phoenix quad class of a CAMEO code: 0 for
// statements and appeals (01-02), 1 verbal cooperation (03-05), 2
// material cooperation (06-08), 3 verbal conflict (09-13 and 16), 4
// material conflict (14-15 and 17-20).
func phoenixQuad(code string) int {
	if len(code) < 2 {
		return 0
	}
	switch r := code[:2]; {
	case r <= "02":
		return 0
	case r <= "05":
		return 1
	case r <= "08":
		return 2
	case r <= "13" || r == "16":
		return 3
	}
	return 4
}

// phoenix writes the 26 Phoenix columns per event, tab-separated.
func (e *Encoder) phoenix(w io.Writer, evs []redline.Event, docs map[string]redline.Document) error {
	for i, ev := range evs {
		d := day(ev, docs)
		date, year, month, dd := "", "", "", ""
		if !d.IsZero() {
			date, year, month, dd = d.Format("20060102"), d.Format("2006"), d.Format("01"), d.Format("02")
		}
		cols := []string{eventID(ev, i), date, year, month, dd}
		cols = append(cols, e.phoenixActor(&ev.Actor)...)
		cols = append(cols, e.phoenixActor(ev.Target)...)
		root := ""
		if len(ev.CAMEO) >= 2 {
			root = ev.CAMEO[:2]
		}
		cols = append(cols, ev.CAMEO, root, strconv.Itoa(phoenixQuad(ev.CAMEO)),
			strconv.FormatFloat(ev.Goldstein, 'f', 1, 64), "", "", "", "", "", "",
			ev.Doc+"_"+strconv.Itoa(ev.Sentence), docs[ev.Doc].URL, docs[ev.Doc].Source)
		if _, err := io.WriteString(w, strings.Join(clean(cols), "\t")+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// phoenixActor returns an actor's full code (country and sector, as
// "IRNGOV"), root, agent and other codes; four empty columns for none.
func (e *Encoder) phoenixActor(ref *redline.ActorRef) []string {
	if ref == nil {
		return []string{"", "", "", ""}
	}
	root := e.country(*ref)
	other := ""
	if root == "" || root != ref.ID {
		other = ref.ID // an organisation or person: its own code
		if root == "" {
			root = ref.ID
		}
	}
	return []string{root + ref.Sector, root, ref.Sector, other}
}

// clean replaces tabs and newlines inside a column with spaces.
func clean(cols []string) []string {
	for i, c := range cols {
		cols[i] = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(c)
	}
	return cols
}
