package timex

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"redline"
	"redline/segment"
)

func mustDate(tb testing.TB, s string) time.Time {
	tb.Helper()
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// values returns "text=value" for every expression Tag finds.
func values(tb testing.TB, text, published string) []string {
	tb.Helper()
	r := New().Tag(text, segment.Split(text), mustDate(tb, published))
	var out []string
	for _, x := range r.Times {
		out = append(out, x.Text+"="+x.Value)
	}
	return out
}

func TestTagTables(t *testing.T) {
	tests := []struct {
		name, pub, in string
		want          []string
	}{
		// Tense chooses the past or next weekday and month.
		{"past weekday", "2025-02-07", "He said on Tuesday the offer stood.", []string{"Tuesday=2025-02-04"}},
		{"future weekday", "2025-02-07", "He will fly to Oman on Tuesday.", []string{"Tuesday=2025-02-11"}},
		{"weekday on the day", "2025-02-07", "The minister said Friday he would stay.", []string{"Friday=2025-02-07"}},
		{"past month", "2025-02-07", "The talks collapsed in October.", []string{"October=2024-10"}},
		{"future month", "2025-02-07", "The talks will resume in January.", []string{"January=2026-01"}},
		{"no tense, nearest month", "2025-02-07", "Talks in April look likely.", []string{"April=2025-04"}},
		{"will be held", "2016-01-01", "The vote will be held in December.", []string{"December=2016-12"}},
		// Narrative chains anchor to the last time, not to the publication date.
		{"chain", "2025-02-07", "On 7th February the accord was signed. Ten days earlier talks had failed. " +
			"A day later they resumed.", []string{"7th February=2025-02-07", "Ten days earlier=2025-01-28",
			"A day later=2025-01-29"}},
		{"year chain", "2025-02-07", "In 1979 the Shah fell. A year later war began. Two years later it raged on.",
			[]string{"1979=1979", "A year later=1980", "Two years later=1982"}},
		{"month then weeks", "2025-02-07", "In February 2013 talks stalled. Two weeks later they resumed.",
			[]string{"February 2013=2013-02", "Two weeks later=2013-02"}},
		{"month then five weeks", "2025-02-07", "In February 2013 talks stalled. Five weeks later they resumed.",
			[]string{"February 2013=2013-02", "Five weeks later=2013-03"}},
		{"the following day across a year end", "2025-02-07", "The strike began on 31 December 2019. " +
			"The following day it spread.", []string{"31 December 2019=2019-12-31", "The following day=2020-01-01"}},
		// A bare month inherits the year in force.
		{"year carry-over", "2025-02-07", "In 2013 sanctions tightened. In February the rial fell. In March it recovered.",
			[]string{"2013=2013", "February=2013-02", "March=2013-03"}},
		{"no carry-over into the future", "2025-02-07", "In 2013 sanctions tightened. Talks will resume in March.",
			[]string{"2013=2013", "March=2025-03"}},
		{"no carry-over from since", "2025-02-07", "Prices have doubled since 2013 and fell in January.",
			[]string{"2013=2013", "January=2025-01"}},
		// Weekdays and weeks around year ends.
		{"last week at new year", "2025-01-02", "Talks failed last week.", []string{"last week=2024-W52"}},
		{"this week in ISO year 2020", "2019-12-30", "Talks resume this week.", []string{"this week=2020-W01"}},
		{"past Friday across new year", "2025-01-01", "Talks ended on Friday.", []string{"Friday=2024-12-27"}},
		{"next Monday across new year", "2024-12-31", "Talks will resume on Monday.", []string{"Monday=2025-01-06"}},
		{"last Tuesday", "2025-02-04", "He met them last Tuesday.", []string{"last Tuesday=2025-01-28"}},
		{"next Tuesday", "2025-02-04", "He will meet them next Tuesday.", []string{"next Tuesday=2025-02-11"}},
		// Leap years.
		{"yesterday after 29 February", "2024-03-01", "The vote was held yesterday.", []string{"yesterday=2024-02-29"}},
		{"a year after 29 February", "2025-02-07", "The law passed on 29 February 2024. A year later it lapsed.",
			[]string{"29 February 2024=2024-02-29", "A year later=2025"}},
		{"a month after 31 January", "2025-02-07", "The siege began on 31 January 2024. A month later it ended.",
			[]string{"31 January 2024=2024-01-31", "A month later=2024-02"}},
		{"ten days before 1 March in a leap year", "2025-02-07", "The deal closed on 1 March 2024. Ten days earlier " +
			"it nearly failed.", []string{"1 March 2024=2024-03-01", "Ten days earlier=2024-02-20"}},
		{"29 February in a common year", "2025-02-07", "He left on 29 February 2023.", []string{"February 2023=2023-02"}},
		// Seasons, quarters, decades.
		{"winter in December", "2024-12-10", "Fighting slowed this winter.", []string{"this winter=2025-WI"}},
		{"last winter in March", "2025-03-10", "Fighting slowed last winter.", []string{"last winter=2025-WI"}},
		{"last winter in November", "2025-11-10", "Fighting slowed last winter.", []string{"last winter=2025-WI"}},
		{"quarter without year, past", "2025-02-07", "Profits fell in the fourth quarter.", []string{"the fourth quarter=2024-Q4"}},
		{"last quarter", "2025-02-07", "Profits fell in the last quarter.", []string{"the last quarter=2024-Q4"}},
		{"apostrophe decade", "2025-02-07", "It was a hit in the '80s.", []string{"'80s=198X"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := values(t, tt.in, tt.pub)
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("Tag(%q, %s) = %q, want %q", tt.in, tt.pub, got, tt.want)
			}
		})
	}
}

func TestDeadlines(t *testing.T) {
	tests := []struct {
		in     string
		action string
		value  string
	}{
		{"The October snapback deadline looms.", "snapback", "2025-10"},
		{"Iran must respond by March 1.", "respond", "2025-03-01"},
		{"The deadline for talks is June 30.", "talks", "2025-06-30"},
		{"Washington set a deadline of 1 April for a reply.", "reply", "2025-04-01"},
		{"The sanctions deadline of 15 March is approaching.", "", "2025-03-15"},
		{"The agency plans to publish its report by the end of June.", "publish", "2025-06"},
	}
	for _, tt := range tests {
		r := New().Tag(tt.in, segment.Split(tt.in), mustDate(t, "2025-02-07"))
		if len(r.Deadlines) != 1 {
			t.Errorf("Tag(%q).Deadlines = %v, want one", tt.in, r.Deadlines)
			continue
		}
		d := r.Deadlines[0]
		if d.Action != tt.action || d.Date.Value != tt.value || d.Span.In(tt.in) != d.Text {
			t.Errorf("Tag(%q) deadline = %+v, want action %q date %s", tt.in, d, tt.action, tt.value)
		}
	}
	// A past date is no deadline.
	in := "The deadline of 1 January passed."
	if r := New().Tag(in, segment.Split(in), mustDate(t, "2025-02-07")); len(r.Deadlines) != 0 {
		t.Errorf("Tag(%q).Deadlines = %v, want none", in, r.Deadlines)
	}
}

func TestDateOf(t *testing.T) {
	text := "The envoy arrived in Muscat on 3 March 2020. He said the talks were useful. " +
		"Talks are now stalled. On Friday he left, and next month he will return."
	sents := segment.Split(text)
	r := New().Tag(text, sents, mustDate(t, "2020-03-20"))
	span := func(i int) redline.Span { return sents[i].Span }
	tests := []struct {
		sent int
		sp   redline.Span
		want redline.Date
	}{
		{0, span(0), redline.Date{Value: "2020-03-03", Grain: redline.GrainDay, Anchor: redline.AnchorSentence}},
		{1, span(1), redline.Date{Value: "2020-03-03", Grain: redline.GrainDay, Anchor: redline.AnchorNarrative}},
		{2, span(2), redline.Date{Value: "2020-03-03", Grain: redline.GrainDay, Anchor: redline.AnchorNarrative}},
		{3, redline.Span{Start: strings.Index(text, "he left"), End: strings.Index(text, "he left") + 7},
			redline.Date{Value: "2020-03-20", Grain: redline.GrainDay, Anchor: redline.AnchorSentence}},
		{3, redline.Span{Start: strings.Index(text, "he will"), End: len(text)},
			redline.Date{Value: "2020-04", Grain: redline.GrainMonth, Anchor: redline.AnchorSentence}},
	}
	for _, tt := range tests {
		if got := r.DateOf(tt.sent, tt.sp); got != tt.want {
			t.Errorf("DateOf(%d, %v) = %+v, want %+v", tt.sent, tt.sp, got, tt.want)
		}
	}
	empty := "Talks are stalled."
	r = New().Tag(empty, segment.Split(empty), mustDate(t, "2020-03-20"))
	want := redline.Date{Value: "2020-03-20", Grain: redline.GrainDay, Anchor: redline.AnchorPublished}
	if got := r.DateOf(0, redline.Span{End: len(empty)}); got != want {
		t.Errorf("DateOf on %q = %+v, want %+v", empty, got, want)
	}
}

var durationRE = regexp.MustCompile(`^PT?(X|\d+(\.5)?)[YMWDHS]$|^PT\d+H\d+M\d+S$`)

// checkResult verifies the invariants every result must keep.
func checkResult(t *testing.T, text string, r *Result) {
	t.Helper()
	last := 0
	for _, x := range r.Times {
		if x.Span.Start < last || x.Span.Start >= x.Span.End || x.Span.End > len(text) || x.Span.In(text) != x.Text {
			t.Fatalf("bad span %v %q in %q", x.Span, x.Text, text)
		}
		last = x.Span.End
		switch {
		case x.Type == redline.TimeDuration:
			if !durationRE.MatchString(x.Value) {
				t.Fatalf("bad duration %q for %q", x.Value, x.Text)
			}
		case x.Type == redline.TimeSet:
		case strings.HasSuffix(x.Value, "_REF"):
		default:
			d, err := redline.ParseDate(x.Value)
			if err != nil || d.Grain != x.Grain && !(x.Grain == redline.GrainTime && d.Grain == redline.GrainTime) {
				t.Fatalf("bad calendar value %q (grain %s) for %q: %v", x.Value, x.Grain, x.Text, err)
			}
		}
	}
}

func FuzzTag(f *testing.F) {
	for _, s := range []string{"On 7th February the talks began. Ten days earlier they failed.",
		"In 1979, Barely a year later, mid-2014, Q3 2013, the 1990s, 2009-2010, 7/8/07, 10:30 a.m. GMT Friday",
		"every week, three years, the past two years, the end of the year, early next year, 1957-58",
		"the October snapback deadline; must respond by March 1", "29 February 2023 the 31st of April 2025-13-45"} {
		f.Add(s, int64(1738886400))
	}
	tg := New()
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		pub := time.Unix(unix%(1<<36), 0).UTC()
		if pub.Year() < 1 || pub.Year() > 9000 {
			pub = time.Date(2025, 2, 7, 0, 0, 0, 0, time.UTC)
		}
		sents := segment.Split(text)
		r := tg.Tag(text, sents, pub)
		checkResult(t, text, r)
		for i := range sents {
			if d := r.DateOf(i, sents[i].Span); d.IsZero() {
				t.Fatalf("DateOf(%d) is zero", i)
			}
		}
	})
}

func TestSaidOfSkipsTimesInsideTheWords(t *testing.T) {
	text := "Khamenei said on Tuesday that talks held since February had gone well."
	pub := time.Date(2025, 4, 16, 0, 0, 0, 0, time.UTC)
	r := New().Tag(text, segment.Split(text), pub)
	words := redline.Span{Start: strings.Index(text, "talks"), End: len(text) - 1}
	if got := r.SaidOf(0, words); got.Value != "2025-04-15" || got.Anchor != redline.AnchorSentence {
		t.Errorf("SaidOf = %+v, want 2025-04-15 from the sentence", got)
	}
	if got := r.DateOf(0, words); got.Value != "2025-02" {
		t.Errorf("DateOf = %+v, want the February inside the span", got)
	}
	only := "Khamenei said talks since February had gone well."
	r = New().Tag(only, segment.Split(only), pub)
	inner := redline.Span{Start: strings.Index(only, "talks"), End: len(only) - 1}
	if got := r.SaidOf(0, inner); got.Anchor == redline.AnchorSentence {
		t.Errorf("SaidOf with only an inner time = %+v, want the narrative or publication date", got)
	}
}

func TestExpiryDeadlines(t *testing.T) {
	pub := time.Date(2025, 2, 8, 0, 0, 0, 0, time.UTC)
	tests := []struct{ text, action, value string }{
		{"The snapback power lapses on 18 October.", "snapback power", "2025-10-18"},
		{"The ceasefire expires in March.", "ceasefire", "2025-03"},
		{"The agreement runs out on 1 July.", "agreement", "2025-07-01"},
	}
	for _, tt := range tests {
		r := New().Tag(tt.text, segment.Split(tt.text), pub)
		if len(r.Deadlines) != 1 || r.Deadlines[0].Action != tt.action || r.Deadlines[0].Date.Value != tt.value {
			t.Errorf("Tag(%q).Deadlines = %+v, want %q on %s", tt.text, r.Deadlines, tt.action, tt.value)
		}
	}
}

func TestLimitScheduleAndPeriodDeadlines(t *testing.T) {
	pub := time.Date(2025, 2, 8, 0, 0, 0, 0, time.UTC)
	tests := []struct{ name, text, action, value string }{
		{"until after a modal", "Kim said he will wait until the end of the year.", "wait", "2025"},
		{"no later than", "Iran must reply no later than 1 March.", "reply", "2025-03-01"},
		{"begins on", "The exercise, Ulchi Freedom Guardian, which begins on 21 August, angers Pyongyang.",
			"ulchi freedom guardian", "2025-08-21"},
		{"subject before an aside", "The first wind-down, covering dollars and metals, ends on 6 August.",
			"first wind-down", "2025-08-06"},
		{"set for", "A second round is set for Saturday, 15 February.", "second round", "2025-02-15"},
		{"due to resume in a place", "The talks are due to resume in Almaty, Kazakhstan, on 26 February.",
			"resume", "2025-02-26"},
		{"scheduled to end", "The drill is scheduled to end on Sunday, 20 February.", "end", "2025-02-20"},
		{"within the next weeks", "I will make my decision within the next two weeks.", "make", "2025-02-22"},
		{"in days from the narrative day", "On Monday, 3 February, Trump said that if there was no deal in 50 days, " +
			"he would impose tariffs.", "", "2025-03-25"},
		{"the later end of a range", "The teams will resume talks within two to three weeks.", "resume", "2025-03-01"},
	}
	for _, tt := range tests {
		r := New().Tag(tt.text, segment.Split(tt.text), pub)
		if len(r.Deadlines) != 1 || r.Deadlines[0].Action != tt.action || r.Deadlines[0].Date.Value != tt.value {
			t.Errorf("%s: Tag(%q).Deadlines = %+v, want %q on %s", tt.name, tt.text, r.Deadlines, tt.action, tt.value)
		}
	}
}

func TestNearMissDeadlines(t *testing.T) {
	pub := time.Date(2025, 2, 8, 0, 0, 0, 0, time.UTC)
	for _, in := range []string{
		"The talks ended on Monday.",                                        // past, and no verb of expiry in the present
		"The talks began on 3 February.",                                    // a past start is history
		"Iran retaliated within hours of the strike, and will do so again.", // no count, no last day
		"The Council will vote within days.",                                // no count
		"Prices rose 5 percent in 30 days.",                                 // no modal: a measure, not a promise
		"The council can act within thirty days.",                           // "can" promises nothing
		"In 2019 he said he would decide within two weeks.",                 // no day to count from
		"On 3 January he said he would decide within two weeks.",            // the period ended before publication
		"The stage is set for a clash.",                                     // "set for" without a time
		"He stayed until Friday.",                                           // "until" without a modal
		"Flights were cancelled due to the storm on Tuesday.",               // "due to" is "because of"
	} {
		if r := New().Tag(in, segment.Split(in), pub); len(r.Deadlines) != 0 {
			t.Errorf("Tag(%q).Deadlines = %+v, want none", in, r.Deadlines)
		}
	}
}
