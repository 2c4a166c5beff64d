package timex

import (
	"time"

	"redline"
)

// point is a calendar value with a grain, kept as numbers so that it can be
// shifted and formatted without parsing. Only the fields the grain needs are
// meaningful: y for every grain (the first year of a decade or century), m
// and d for months and days, w for ISO weeks, q for quarters, s for seasons,
// tod for times ("10:30", "MO").
type point struct {
	g   redline.Grain
	y   int
	m   int
	d   int
	w   int
	q   int
	s   string
	tod string
}

// day returns the day-grain point of t.
func day(t time.Time) point {
	y, m, d := t.Date() // one calendar computation, not three
	return point{g: redline.GrainDay, y: y, m: int(m), d: d}
}

// date returns the UTC midnight of y-m-d, normalising overflow as time.Date does.
func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// start returns the first day the point covers.
func (p point) start() time.Time {
	switch p.g {
	case redline.GrainMonth:
		return date(p.y, p.m, 1)
	case redline.GrainDay, redline.GrainTime:
		return date(p.y, p.m, p.d)
	case redline.GrainWeek:
		jan4 := date(p.y, 1, 4)
		off := (int(jan4.Weekday()) + 6) % 7
		return jan4.AddDate(0, 0, 7*(p.w-1)-off)
	case redline.GrainQuarter:
		return date(p.y, 3*p.q-2, 1)
	case redline.GrainSeason:
		if p.s == "WI" {
			return date(p.y-1, 12, 1)
		}
		return date(p.y, seasonMonth[p.s], 1)
	}
	return date(p.y, 1, 1)
}

var seasonMonth = map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}

// at returns the point of grain g that contains day t.
func at(t time.Time, g redline.Grain) point {
	y, m, d := t.Date()
	p := point{g: g, y: y, m: int(m), d: d}
	switch g {
	case redline.GrainWeek:
		p.y, p.w = t.ISOWeek()
	case redline.GrainQuarter:
		p.q = (p.m-1)/3 + 1
	case redline.GrainSeason:
		p.s = seasonOf(p.m)
		if p.m == 12 {
			p.y++
		}
	case redline.GrainDecade:
		p.y -= p.y % 10
	case redline.GrainCentury:
		p.y -= p.y % 100
	case redline.GrainTime:
		p.g = redline.GrainDay
	}
	return p
}

// seasonOf returns the season of month m. December belongs to the winter
// of the next year, as redline.Date.Interval has it.
func seasonOf(m int) string {
	switch {
	case m >= 3 && m <= 5:
		return "SP"
	case m >= 6 && m <= 8:
		return "SU"
	case m >= 9 && m <= 11:
		return "FA"
	}
	return "WI"
}

// shift moves p by n units of grain u and returns a point of grain g.
func (p point) shift(n int, u redline.Grain, g redline.Grain) point {
	t := p.start()
	switch u {
	case redline.GrainCentury:
		t = t.AddDate(100*n, 0, 0)
	case redline.GrainDecade:
		t = t.AddDate(10*n, 0, 0)
	case redline.GrainYear:
		t = t.AddDate(n, 0, 0)
	case redline.GrainSeason, redline.GrainQuarter:
		t = t.AddDate(0, 3*n, 0)
	case redline.GrainMonth:
		t = addMonths(t, n)
	case redline.GrainWeek:
		t = t.AddDate(0, 0, 7*n)
	default:
		t = t.AddDate(0, 0, n)
	}
	if p.g == redline.GrainSeason && u == redline.GrainSeason {
		q := p
		q.y += n / 4
		return q.rollSeason(n % 4)
	}
	return at(t, g)
}

// rollSeason moves a season point by n seasons (-3..3).
func (p point) rollSeason(n int) point {
	order := []string{"WI", "SP", "SU", "FA"}
	i := 0
	for j, s := range order {
		if s == p.s {
			i = j
		}
	}
	i += n
	for i < 0 {
		i += 4
		p.y--
	}
	for i > 3 {
		i -= 4
		p.y++
	}
	p.s = order[i]
	return p
}

// addMonths adds n months to t, clamping the day to the end of the month so
// that 31 January plus a month is 28 or 29 February.
func addMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	first := date(y, int(m)+n, 1)
	last := first.AddDate(0, 1, -1).Day()
	if d > last {
		d = last
	}
	fy, fm, _ := first.Date()
	return date(fy, int(fm), d)
}

// coarser returns the coarser of two grains.
func coarser(a, b redline.Grain) redline.Grain {
	if grainRank[a] >= grainRank[b] {
		return a
	}
	return b
}

var grainRank = map[redline.Grain]int{
	redline.GrainTime: 0, redline.GrainDay: 1, redline.GrainWeek: 2, redline.GrainMonth: 3,
	redline.GrainQuarter: 4, redline.GrainSeason: 4, redline.GrainYear: 5, redline.GrainDecade: 6,
	redline.GrainCentury: 7,
}

// value formats p as a TimeML calendar value.
func (p point) value() string {
	b := make([]byte, 0, 16)
	switch p.g {
	case redline.GrainCentury:
		return string(append(appendPad(b, p.y/100, 2), "XX"...))
	case redline.GrainDecade:
		return string(append(appendPad(b, p.y/10, 3), 'X'))
	}
	b = appendPad(b, p.y, 4)
	switch p.g {
	case redline.GrainSeason:
		b = append(b, '-')
		b = append(b, p.s...)
	case redline.GrainQuarter:
		b = append(b, '-', 'Q', byte('0'+p.q))
	case redline.GrainWeek:
		b = append(b, '-', 'W')
		b = appendPad(b, p.w, 2)
	case redline.GrainMonth:
		b = append(b, '-')
		b = appendPad(b, p.m, 2)
	case redline.GrainDay, redline.GrainTime:
		b = append(b, '-')
		b = appendPad(b, p.m, 2)
		b = append(b, '-')
		b = appendPad(b, p.d, 2)
		if p.g == redline.GrainTime {
			b = append(b, 'T')
			b = append(b, p.tod...)
		}
	}
	return string(b)
}

// appendPad appends the last width digits of n (0 when n is negative) to
// b, padded with zeros to width.
func appendPad(b []byte, n, width int) []byte {
	if n < 0 {
		n = 0
	}
	start := len(b)
	for range width {
		b = append(b, '0')
	}
	for i := len(b) - 1; i >= start; i-- {
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return b
}

// valid reports whether the point can be written as a calendar value.
func (p point) valid() bool {
	if p.y < 0 || p.y > 9999 {
		return false
	}
	switch p.g {
	case redline.GrainMonth:
		return p.m >= 1 && p.m <= 12
	case redline.GrainDay, redline.GrainTime:
		return p.m >= 1 && p.m <= 12 && p.d >= 1 && p.d <= daysIn(p.y, p.m)
	case redline.GrainWeek:
		return p.w >= 1 && p.w <= 53
	case redline.GrainQuarter:
		return p.q >= 1 && p.q <= 4
	}
	return true
}

// daysIn returns the number of days in month m of year y.
func daysIn(y, m int) int { return date(y, m+1, 0).Day() }
