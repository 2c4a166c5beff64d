package validate

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"redline/petrarch"
)

func defaultTABARIOptions() petrarch.Options { return petrarch.DefaultOptions() }

// Counts are the harness's tallies for a set of records.
type Counts struct {
	Records int `json:"-"`
	Correct int `json:"correct"`
	Missed  int `json:"missed"`
	Extra   int `json:"extra"`
	Null    int `json:"-"`
}

func (c *Counts) add(o Counts) {
	c.Records += o.Records
	c.Correct += o.Correct
	c.Missed += o.Missed
	c.Extra += o.Extra
	c.Null += o.Null
}

// Recall is correct / (correct + missed), in percent.
func (c Counts) Recall() float64 { return pct(c.Correct, c.Correct+c.Missed) }

// ExtraRate is extra events per record, in percent, as the harness
// reports its false positives.
func (c Counts) ExtraRate() float64 { return pct(c.Extra, c.Records) }

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// Outcome is how one record was coded.
type Outcome struct {
	Record *Record
	Coded  []petrarch.Event // events with a non-null code
	Counts Counts
}

// Scores are the results of a suite.
type Scores struct {
	Total      Counts            `json:"-"`
	ByCategory map[string]Counts `json:"by_category"`
	Categories []string          `json:"-"` // in the order first seen
	Skipped    int               `json:"-"`
	Outcomes   []Outcome         `json:"-"`
}

// Score codes every record of the suite whose category the environment
// includes (all, when it names none) and tallies the results the way
// UD-PETRARCH's validation harness does:
//
//   - events whose code starts with "---" are null and not counted;
//   - each coded event is correct if its code, source and target all equal
//     those of one expected event, and extra otherwise;
//   - a record that expects no events and gets none counts one correct;
//     one that expects none and gets some counts one missed and each
//     event extra;
//   - missed is the number expected less the number correct.
//
// Recall is correct / (correct + missed); the extra rate is extra events
// per record. With ud set, records are coded with UD-PETRARCH's
// conventions (see petrarch.Options.UD).
func Score(su *Suite, d *petrarch.Dictionaries, ud bool) *Scores {
	sc := &Scores{ByCategory: map[string]Counts{}}
	include := map[string]bool{}
	for _, c := range su.Env.Include {
		include[c] = true
	}
	coder := petrarch.NewCoder(d)
	for i := range su.Records {
		r := &su.Records[i]
		if r.Skip != "" || len(include) > 0 && !include[r.Category] || len(r.Expected) == 0 && !r.NoEvents {
			sc.Skipped++
			continue
		}
		opts := r.Options
		if ud {
			opts = opts.UD()
		}
		coder.Options = opts
		res := coder.Code(r.Text, r.Date)
		o := tally(r, res.Events)
		sc.Outcomes = append(sc.Outcomes, o)
		if _, ok := sc.ByCategory[r.Category]; !ok {
			sc.Categories = append(sc.Categories, r.Category)
		}
		c := sc.ByCategory[r.Category]
		c.add(o.Counts)
		sc.ByCategory[r.Category] = c
		sc.Total.add(o.Counts)
	}
	return sc
}

// tally scores one record.
func tally(r *Record, events []petrarch.Event) Outcome {
	o := Outcome{Record: r, Counts: Counts{Records: 1}}
	for _, e := range events {
		if strings.HasPrefix(e.Code, "---") {
			o.Counts.Null++
			continue
		}
		o.Coded = append(o.Coded, e)
	}
	expected := len(r.Expected)
	if r.NoEvents && expected == 0 {
		expected = 1
	}
	found := 0
	if len(o.Coded) == 0 {
		if r.NoEvents && len(r.Expected) == 0 {
			o.Counts.Correct = 1
		} else {
			o.Counts.Missed = expected
		}
		return o
	}
	for _, e := range o.Coded {
		if slices.Contains(r.Expected, Triple{e.Source, e.Target, e.Code}) {
			found++
		}
	}
	o.Counts.Correct = found
	o.Counts.Missed = expected - found
	o.Counts.Extra = len(o.Coded) - found
	return o
}

// Fprint writes the scores as the harness prints its summary, with the
// totals after the categories.
func (sc *Scores) Fprint(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%-10s %8s %8s %8s %8s %8s %9s %9s\n", "Category", "Records", "Correct", "Missed", "Extra", "Null", "Recall", "Extra/rec")
	row := func(name string, c Counts) {
		fmt.Fprintf(&b, "%-10s %8d %8d %8d %8d %8d %8.2f%% %8.2f%%\n", name, c.Records, c.Correct, c.Missed, c.Extra, c.Null, c.Recall(), c.ExtraRate())
	}
	for _, cat := range sc.Categories {
		row(cat, sc.ByCategory[cat])
	}
	row("Total", sc.Total)
	fmt.Fprintf(&b, "recall = correct/(correct+missed); extra/rec = extra events per record; %d records not scored\n", sc.Skipped)
	_, err := io.WriteString(w, b.String())
	return err
}

// FprintErrors writes every record that was not coded exactly as
// expected.
func (sc *Scores) FprintErrors(w io.Writer) error {
	var b strings.Builder
	for _, o := range sc.Outcomes {
		if o.Counts.Missed == 0 && o.Counts.Extra == 0 {
			continue
		}
		r := o.Record
		fmt.Fprintf(&b, "%s [%s] line %d: %s\n", r.ID, r.Category, r.Line, r.Text)
		if r.NoEvents && len(r.Expected) == 0 {
			fmt.Fprintf(&b, "    want: no events\n")
		}
		for _, e := range r.Expected {
			fmt.Fprintf(&b, "    want: %s %s %s\n", e.Source, e.Target, e.Code)
		}
		for _, e := range o.Coded {
			mark := "extra"
			if slices.Contains(r.Expected, Triple{e.Source, e.Target, e.Code}) {
				mark = "ok"
			}
			fmt.Fprintf(&b, "    got:  %s %s %s  (%s)", e.Source, e.Target, e.Code, mark)
			if e.Pattern != "" {
				fmt.Fprintf(&b, "  %s", e.Pattern)
			}
			b.WriteByte('\n')
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// JSON is the scores in the form "redline eval petrarch --json" prints.
type JSON struct {
	Records    int               `json:"records"`
	Correct    int               `json:"correct"`
	Missed     int               `json:"missed"`
	Extra      int               `json:"extra"`
	ByCategory map[string]Counts `json:"by_category"`
}

// JSON returns the scores for JSON output.
func (sc *Scores) JSON() JSON {
	return JSON{Records: sc.Total.Records, Correct: sc.Total.Correct, Missed: sc.Total.Missed, Extra: sc.Total.Extra, ByCategory: sc.ByCategory}
}
