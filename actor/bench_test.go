package actor

import (
	"context"
	"strings"
	"testing"
	"time"

	"redline"
	"redline/dict"
	"redline/examples"
	"redline/ingest"
	"redline/segment"
)

// newsText is a few paragraphs of realistic wire copy, dense in actors.
const newsText = `In early February 2025 Iran's Supreme Leader publicly rejected negotiating with the United States, calling it neither wise, intelligent nor honourable. Ten days earlier, Ayatollah Ali Khamenei had hinted at openness, telling a gathering of officials in Tehran that there was "no harm" in dealing with the enemy.

Iranian officials said the remarks did not close the door entirely. Foreign Minister Abbas Araghchi told reporters that the Islamic Republic would not negotiate under pressure, while President Masoud Pezeshkian said his government would follow the guidance of the leader. The IRGC, meanwhile, staged exercises near the Strait of Hormuz.

In Washington, US President Donald Trump said he would prefer a deal to military action, but the White House kept its maximum-pressure campaign in place. Secretary of State Marco Rubio said the administration was in close contact with the E3 and with Israel. Israeli Prime Minister Benjamin Netanyahu, speaking in Jerusalem, warned that Tehran was closer than ever to a bomb.

The UN nuclear watchdog's director general, Rafael Grossi, told the Board of Governors in Vienna that Iran had expanded its stockpile of highly enriched uranium. Diplomats from Britain, France and Germany said they were ready to trigger the snapback of UN sanctions before October if no agreement was reached. Russia's foreign minister, Sergei Lavrov, said Moscow opposed any such step, and China's foreign ministry called for restraint.

Analysts recalled that in February 2013 the Supreme Leader dismissed talks with the US as useless, while secret US-Iran talks were under way in Oman. Those talks, brokered by Sultan Qaboos, led to the 2015 nuclear deal. Qatar's emir and the Saudi crown prince, Mohammed bin Salman, have since offered to mediate, and Omani officials hosted several rounds in Muscat.
`

func BenchmarkMatch(b *testing.B) {
	g, err := Load(dict.FS)
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat(newsText, 8)
	sents := segment.Split(text)
	date := time.Date(2025, 2, 7, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		g.Match(text, sents, date)
	}
	b.ReportMetric(float64(len(text)), "text-bytes/op")
}

// BenchmarkMatchCorpus matches the demo corpus, which BenchmarkExtract
// runs the whole pipeline over: wire copy less dense in actors than
// newsText, each document on its own date.
func BenchmarkMatchCorpus(b *testing.B) {
	g, err := Load(dict.FS)
	if err != nil {
		b.Fatal(err)
	}
	type doc struct {
		text  string
		sents []redline.Sentence
		date  time.Time
	}
	var docs []doc
	size := 0
	err = ingest.ReadFS(context.Background(), examples.Corpus, ".", ingest.Options{}, func(d *redline.Document, err error) error {
		if err != nil {
			return err
		}
		docs = append(docs, doc{d.Text, segment.Split(d.Text), d.Published.Start()})
		size += len(d.Text)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			g.Match(d.text, d.sents, d.date)
		}
	}
	b.ReportMetric(float64(size), "text-bytes/op")
}
