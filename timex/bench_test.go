package timex

import (
	"strings"
	"testing"
	"time"

	"redline/segment"
)

// newsText is a few paragraphs of news prose written for the benchmark.
const newsText = `Iran's foreign minister said on Tuesday that talks with European envoys would resume in March, ` +
	`after a two-week pause that followed the collapse of the previous round in Geneva. "We are ready to ` +
	`negotiate, but not under pressure," he told reporters in Tehran.

The talks began in February 2013 and stalled repeatedly over the following years. Just ten days earlier, ` +
	`the International Atomic Energy Agency had reported that the country's stockpile of enriched uranium ` +
	`had grown by about a third since the end of last year. Diplomats said the October snapback deadline ` +
	`hung over every session.

In 1979, the revolution swept the Shah from power, and barely a year later the war with Iraq began. ` +
	`It lasted eight years and left hundreds of thousands dead. Relations with Washington have been frozen ` +
	`since then, apart from a brief thaw in the mid-1990s and the 2015 nuclear accord, which the United ` +
	`States left in May 2018.

Officials in Brussels said the European Union would review its sanctions every six months and could ` +
	`tighten them early next year if no progress was made. The parliament will debate the measures this week, ` +
	`and a vote is expected on 7th February. Oil exports fell by 40 percent last month, the central bank ` +
	`said, and the rial has lost half its value over the past two years.
`

func benchText() string { return strings.Repeat(newsText, 40) }

// BenchmarkTimex measures Tag alone on sentences already split.
func BenchmarkTimex(b *testing.B) {
	text := benchText()
	sents := segment.Split(text)
	tg := New()
	pub := time.Date(2025, 2, 7, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		tg.Tag(text, sents, pub)
	}
}

// BenchmarkSegmentAndTimex measures segment.Split and Tag together.
func BenchmarkSegmentAndTimex(b *testing.B) {
	text := benchText()
	tg := New()
	pub := time.Date(2025, 2, 7, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		tg.Tag(text, segment.Split(text), pub)
	}
}

// BenchmarkSegment measures segment.Split alone, for comparison.
func BenchmarkSegment(b *testing.B) {
	text := benchText()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		segment.Split(text)
	}
}
