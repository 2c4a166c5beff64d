package timex

import "redline"

// class is a bit set of the roles a word can play in a time expression.
type class uint32

// Word classes. A word may have several ("second" is a unit and an
// ordinal; "may" is a month only when capitalised, which detection checks).
const (
	cMonth     class = 1 << iota // val: 1-12
	cAbbr                        // a month or weekday abbreviation ("Feb", "Sept")
	cWeekday                     // val: time.Weekday
	cUnit                        // val: a unit
	cNumber                      // val: the number ("a" and "an" are 1)
	cVague                       // "several", "few", "many": an unknown number
	cOrdinal                     // val: the ordinal
	cSeason                      // val: index into seasons
	cRel                         // val: a relation (this, last, next...)
	cMod                         // val: a modifier (early, mid, late...)
	cDeictic                     // val: days from the document date (today 0)
	cRef                         // val: a reference (PRESENT_REF...)
	cPart                        // val: index into parts of the day
	cApprox                      // val: index into approximators
	cEvery                       // every, each, per
	cAdverbSet                   // val: a unit: annually, daily, weekly
	cDir                         // val: a direction: ago, earlier, later
	cMeridiem                    // am, pm, a.m., p.m.
	cZone                        // GMT, UTC, ET
	cNoon                        // val: hour: noon 12, midnight 24
	cMisc                        // a word some rule after "the" needs: future, time, half
)

// startClasses are the classes of the words that matchAt tries rules at.
// A word of no other class ("about", "ago", "morning", "GMT", "time") is
// only ever read after the start of an expression.
const startClasses = cMonth | cWeekday | cUnit | cNumber | cVague | cOrdinal | cSeason | cRel | cMod | cDeictic |
	cRef | cEvery | cAdverbSet | cNoon

// unit is a unit of duration.
type unit uint8

// Units of duration.
const (
	uNone unit = iota
	uSecond
	uMinute
	uHour
	uDay
	uWeek
	uWeekend
	uFortnight
	uMonth
	uQuarter
	uYear
	uDecade
	uCentury
)

// unitGrain maps a unit to the grain of values counted in it.
var unitGrain = [...]redline.Grain{
	uNone: "", uSecond: redline.GrainTime, uMinute: redline.GrainTime, uHour: redline.GrainTime,
	uDay: redline.GrainDay, uWeek: redline.GrainWeek, uWeekend: redline.GrainWeek, uFortnight: redline.GrainWeek,
	uMonth: redline.GrainMonth, uQuarter: redline.GrainQuarter, uYear: redline.GrainYear,
	uDecade: redline.GrainDecade, uCentury: redline.GrainCentury,
}

// Relations of "this", "last", "next" and their kin to a reference time.
const (
	relThis = iota + 1
	relLast
	relNext
	relPast      // "past": last, or a duration ending now
	relComing    // "coming", "upcoming": next
	relPrevious  // "previous", "preceding": narrative -1
	relFollowing // "following", "subsequent": narrative +1
	relSame      // "same": the narrative time
	relThat      // "that": the narrative time
	relCurrent   // "current": this
	relRecent    // "recent": a vague past duration
)

// Modifiers.
const (
	modEarly = iota + 1
	modMid
	modLate
	modEnd
	modBeginning
	modMiddle
	modEarlier
	modLater
)

// Directions after a duration.
const (
	dirAgo = iota + 1
	dirEarlier
	dirLater
	dirBefore
	dirAfter
	dirHence
)

// References.
const (
	refPresent = iota + 1
	refPast
	refFuture
)

var refValues = [...]string{refPresent: "PRESENT_REF", refPast: "PAST_REF", refFuture: "FUTURE_REF"}

var seasons = [...]string{"SP", "SU", "FA", "WI"}

var parts = [...]string{"MO", "AF", "EV", "NI", "DT"}

// approximators and the TimeML modifier they give.
var approxMods = [...]string{"", "APPROX", "LESS_THAN", "MORE_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS"}

// lex is what the lexicon knows about a word.
type lex struct {
	cls class
	val int16
	u   unit    // for units and adverbs of sets
	dir uint8   // for directions, which share words with modifiers
	cue cueRole // for words that mark a tense, which need not be time words
	// deadline marks the words a sentence needs to hold a deadline (see
	// deadlineWords).
	deadline bool
	// start marks words that start expressions though their classes are
	// not among startClasses: "fiscal 2013", "the final quarter".
	start bool
}

func (l lex) is(c class) bool { return l.cls&c != 0 }

// lexicon maps lower-case words to their roles in time expressions, as
// tense cues and as signs of a deadline, so that the one look-up loading
// makes for each word finds them all. It is built once and only read
// afterwards, so it is safe for concurrent use.
var lexicon = buildLexicon()

func buildLexicon() map[string]lex {
	m := make(map[string]lex, 400)
	add := func(c class, val int, u unit, words ...string) {
		for _, w := range words {
			l := m[w]
			l.cls |= c
			switch {
			case c == cDir:
				l.dir = uint8(val)
			case c == cUnit || c == cAdverbSet:
			case c != cNumber || l.val == 0:
				l.val = int16(val)
			}
			if u != uNone {
				l.u = u
			}
			m[w] = l
		}
	}
	months := [][]string{{"january", "jan"}, {"february", "feb"}, {"march", "mar"}, {"april", "apr"},
		{"may"}, {"june", "jun"}, {"july", "jul"}, {"august", "aug"}, {"september", "sep", "sept"},
		{"october", "oct"}, {"november", "nov"}, {"december", "dec"}}
	for i, ws := range months {
		add(cMonth, i+1, uNone, ws[0])
		for _, a := range ws[1:] {
			add(cMonth|cAbbr, i+1, uNone, a)
		}
	}
	for i, w := range []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"} {
		add(cWeekday, i, uNone, w)
	}
	addUnits(add)
	addNumbers(add)
	addWords(add)
	for w, role := range cueWords {
		l := m[w]
		l.cue = role
		m[w] = l
	}
	for _, w := range deadlineWords {
		l := m[w]
		l.deadline = true
		m[w] = l
	}
	for _, w := range []string{"fiscal", "final"} {
		l := m[w]
		l.start = true
		m[w] = l
	}
	return m
}

func addUnits(add func(class, int, unit, ...string)) {
	units := []struct {
		u     unit
		words []string
	}{
		{uSecond, []string{"second", "seconds", "sec", "secs"}},
		{uMinute, []string{"minute", "minutes", "min", "mins"}},
		{uHour, []string{"hour", "hours", "hrs"}},
		{uDay, []string{"day", "days"}},
		{uWeek, []string{"week", "weeks"}},
		{uWeekend, []string{"weekend", "weekends"}},
		{uFortnight, []string{"fortnight", "fortnights"}},
		{uMonth, []string{"month", "months"}},
		{uQuarter, []string{"quarter", "quarters"}},
		{uYear, []string{"year", "years"}},
		{uDecade, []string{"decade", "decades"}},
		{uCentury, []string{"century", "centuries"}},
	}
	for _, x := range units {
		add(cUnit, 0, x.u, x.words...)
	}
}

func addNumbers(add func(class, int, unit, ...string)) {
	ones := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	for i, w := range ones {
		add(cNumber, i, uNone, w)
	}
	tens := []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	for i, w := range tens {
		add(cNumber, 20+10*i, uNone, w)
	}
	add(cNumber, 100, uNone, "hundred")
	add(cNumber, 1, uNone, "a", "an")
	add(cNumber, 2, uNone, "couple")
	add(cVague, 0, uNone, "several", "few", "many", "some", "numerous", "multiple")
	ords := []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
		"tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
		"eighteenth", "nineteenth", "twentieth", "twenty-first"}
	for i, w := range ords[1:] {
		add(cOrdinal, i+1, uNone, w)
	}
}

func addWords(add func(class, int, unit, ...string)) {
	for i, w := range []string{"spring", "summer", "autumn", "winter"} {
		add(cSeason, i, uNone, w)
	}
	add(cSeason, 2, uNone, "fall")
	rels := map[int][]string{relThis: {"this"}, relLast: {"last"}, relNext: {"next"}, relPast: {"past"},
		relComing: {"coming", "upcoming"}, relPrevious: {"previous", "preceding", "prior"},
		relFollowing: {"following", "subsequent"}, relSame: {"same"}, relThat: {"that"},
		relCurrent: {"current"}, relRecent: {"recent"}}
	for r, ws := range rels {
		add(cRel, r, uNone, ws...)
	}
	mods := map[int][]string{modEarly: {"early"}, modMid: {"mid"}, modLate: {"late"}, modEnd: {"end", "close"},
		modBeginning: {"beginning", "start", "dawn"}, modMiddle: {"middle"}, modEarlier: {"earlier"},
		modLater: {"later"}}
	for v, ws := range mods {
		add(cMod, v, uNone, ws...)
	}
	add(cDeictic, 0, uNone, "today")
	add(cDeictic, -1, uNone, "yesterday")
	add(cDeictic, 1, uNone, "tomorrow")
	add(cDeictic, 100, uNone, "tonight")
	add(cRef, refPresent, uNone, "now", "currently", "nowadays", "presently")
	add(cRef, refPast, uNone, "recently", "lately", "formerly")
	add(cRef, refFuture, uNone, "soon")
	for i, w := range []string{"morning", "afternoon", "evening", "night"} {
		add(cPart, i, uNone, w)
	}
	add(cNoon, 12, uNone, "noon", "midday")
	add(cNoon, 24, uNone, "midnight")
	approx := map[int][]string{1: {"about", "around", "approximately", "roughly", "some"},
		2: {"nearly", "almost"}, 3: {"over"}}
	for v, ws := range approx {
		add(cApprox, v, uNone, ws...)
	}
	add(cEvery, 0, uNone, "every", "each", "per")
	add(cAdverbSet, 0, uYear, "annually", "annual", "yearly")
	add(cAdverbSet, 0, uMonth, "monthly")
	add(cAdverbSet, 0, uWeek, "weekly")
	add(cAdverbSet, 0, uDay, "daily", "nightly")
	add(cAdverbSet, 0, uHour, "hourly")
	dirs := map[int][]string{dirAgo: {"ago"}, dirEarlier: {"earlier"}, dirLater: {"later", "afterwards", "afterward"},
		dirBefore: {"before"}, dirAfter: {"after"}, dirHence: {"hence"}}
	for v, ws := range dirs {
		add(cDir, v, uNone, ws...)
	}
	add(cMeridiem, 0, uNone, "am", "pm", "a.m.", "p.m.", "a.m", "p.m")
	add(cMisc, 0, uNone, "future", "time", "moment", "final", "half")
	add(cZone, 0, uNone, "gmt", "utc", "et", "est", "edt", "pst", "pdt", "bst", "cet")
}
