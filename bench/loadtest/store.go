package main

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"redline"
	"redline/sqlite"
)

// generator names the records makeDoc makes; bump it when they change, so
// that a store made by an older one is not reused.
const generator = 2

var (
	states = []string{"IRN", "USA", "ISR", "RUS", "UKR", "PRK", "CHN", "GBR", "FRA", "DEU"}
	topics = []string{"negotiate", "attack", "sanction", "withdraw", "meet"}
	stance = []redline.Stance{redline.StanceFavor, redline.StanceAgainst, redline.StanceNeutral}
	commit = []redline.Commitment{redline.CommitAbsolute, redline.CommitFirm, redline.CommitFirm, redline.CommitHedged, redline.CommitNone}
	modes  = []redline.Mode{redline.ModePublic, redline.ModePublic, redline.ModePublic, redline.ModeCovert, redline.ModeAlleged, redline.ModeNegated}
	// words fill the statements' text, drawn with Zipf's law as words of
	// news text are, so that full-text queries match many records or few:
	// the domain's words first, the most frequent, then made-up words to
	// make up the vocabulary.
	words = strings.Fields(`talks sanctions nuclear enrichment missiles ceasefire pressure dialogue
		embassy treaty inspectors uranium blockade drones border envoy summit deadline ultimatum
		reprisal retaliation restraint sovereignty hostile honourable dignity resistance diplomacy
		channel secret mediator oman geneva vienna snapback council resolution veto tariffs oil grain
		port strait convoy warship airspace militia proxy deterrence escalation deescalation truce
		prisoners exchange humanitarian corridor reactor centrifuges stockpile verification`)
)

const vocabulary = 5000

func init() {
	for i := len(words); i < vocabulary; i++ {
		words = append(words, fmt.Sprintf("w%04d", i))
	}
}

// zipf draws word indexes: the k-th most frequent word about 1/k^1.1 as
// often as the first.
func zipf(rng *rand.Rand) *rand.Zipf { return rand.NewZipf(rng, 1.1, 1, vocabulary-1) }

func countryOf(id string) string {
	if len(id) < 3 {
		return id
	}
	return id[:3]
}

// storePath names the cached store of n statements and n events.
func storePath(dir string, n int) string {
	return filepath.Join(dir, fmt.Sprintf("load-g%d-%d.db", generator, n))
}

// ensureStore returns the path of a store of n synthetic statements and n
// events, making it when it is not there yet: 50 of each per document,
// across 60 speakers, 10 states, five topics and 25 years.
func ensureStore(dir string, n int) (string, error) {
	path := storePath(dir, n)
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	start := time.Now()
	tmp := fmt.Sprintf("%s.%d.tmp", path, os.Getpid())
	db := sqlite.NewDB("file:" + tmp + "?_pragma=cache_size(-262144)")
	db.CountryOf = countryOf
	if err := db.Open(); err != nil {
		return "", err
	}
	rng := rand.New(rand.NewSource(1))
	z := zipf(rng)
	const perDoc, perTx = 50, 500
	var batch []*redline.Extraction
	docs := n / perDoc
	for d := 0; d < docs; d++ {
		batch = append(batch, makeDoc(rng, z, d, perDoc))
		if len(batch) == perTx || d == docs-1 {
			if _, err := db.SaveExtractions(context.Background(), batch); err != nil {
				db.Close()
				return "", err
			}
			batch = batch[:0]
			fmt.Fprintf(os.Stderr, "\rgenerating: %d of %d documents", d+1, docs)
		}
	}
	fmt.Fprintf(os.Stderr, "\rgenerated %d documents in %v\n", docs, time.Since(start).Round(time.Second))
	if err := db.Close(); err != nil {
		return "", err
	}
	return path, os.Rename(tmp, path)
}

// makeDoc makes document d with perDoc statements and perDoc events.
func makeDoc(rng *rand.Rand, z *rand.Zipf, d, perDoc int) *redline.Extraction {
	id := fmt.Sprintf("doc%07d", d)
	base := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	text := "Synthetic document " + id + "."
	x := &redline.Extraction{Doc: redline.Document{ID: id, Title: "Synthetic " + id, Source: "load test",
		Published: redline.Day(base.AddDate(0, 0, rng.Intn(25*365))), Text: text}}
	for i := 0; i < perDoc; i++ {
		day := redline.Day(base.AddDate(0, 0, rng.Intn(25*365)))
		a := states[rng.Intn(len(states))]
		t := states[rng.Intn(len(states))]
		speaker := redline.ActorRef{ID: a + "-official-" + strconv.Itoa(rng.Intn(6)), Name: a + " official"}
		target := &redline.ActorRef{ID: t + "-state", Name: t}
		var sb strings.Builder
		for range 8 + rng.Intn(10) {
			sb.WriteString(words[z.Uint64()])
			sb.WriteByte(' ')
		}
		x.Statements = append(x.Statements, redline.Statement{Doc: id, Sentence: i, Speaker: speaker, Said: day,
			Kind: redline.QuoteIndirect, Text: strings.TrimSpace(sb.String()), Span: redline.Span{Start: 0, End: len(text)},
			Topic: topics[rng.Intn(len(topics))], Target: target, Stance: stance[rng.Intn(3)], Score: rng.Float64()*2 - 1,
			Commitment: commit[rng.Intn(len(commit))], Conditions: []string{}})
		x.Events = append(x.Events, redline.Event{Doc: id, Sentence: i, Actor: redline.ActorRef{ID: a + "-state", Name: a},
			Target: target, Verb: topics[rng.Intn(len(topics))], CAMEO: "190", PLOVER: "ASSAULT", Date: day,
			Mode: modes[rng.Intn(len(modes))], Quad: redline.QuadMaterialConflict, Text: "synthetic event", Span: redline.Span{Start: 0, End: len(text)}})
	}
	return x
}
