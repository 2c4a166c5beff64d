// Package ach weighs competing hypotheses against evidence, after Heuer's
// Analysis of Competing Hypotheses, and draws part of the evidence from the
// store of statements and events.
//
// # The file
//
// An ACH file is YAML. It states a question, two or more hypotheses, and
// the evidence:
//
//	question: Is the rejection of talks a bluff?
//	hypotheses:
//	  - {id: bluff, text: "A strategic bluff; talks go on through back channels", prior: 0.5}
//	  - {id: refusal, text: "A genuine refusal", prior: 0.5}
//	evidence:
//	  - id: e1
//	    text: "Secret talks in Oman while the leader publicly rejected talks (2013)"
//	    source: "AP, 2013-11-24"
//	    date: 2013-03
//	    credibility: high      # low | medium | high; medium when left out
//	    relevance: high
//	    ratings: {bluff: C, refusal: II}
//	  - id: e2
//	    query: {actor: IRN, topic: negotiate, mode: covert, target: USA, from: 2013, to: 2025}
//	    rules: {bluff: C, refusal: II}
//	    confirmed: [e2.e.5f232894a1b2.1203]
//	    overrides:
//	      e2.e.0c1d2e3f4a5b.88: {bluff: N}
//
// Priors are optional: give one for every hypothesis or for none (then all
// are equal); they are normalised. An analyst's entry rates every
// hypothesis (CC, C, N, I, II, or NA when it does not apply). An entry
// with watch: true describes evidence not seen yet: it is listed as an
// indicator to watch and counts in no score.
//
// A query entry stands for every stored record its Query matches. Each
// record becomes an item whose id is the entry's id, the record's kind
// (s or e), the first twelve characters of its document's ID and its byte
// offset in that document, joined by dots; re-reading the same documents
// gives the same ids. Each item is rated by the entry's rules and marked
// suggested until the analyst lists its id under confirmed (the rules'
// ratings are right) or overrides (these ratings instead; hypotheses the
// override leaves out keep the rule's rating). Overriding every hypothesis
// with NA sets a mistaken record aside. A query that matches nothing is an
// indicator to watch. Reviews naming an id that no matched record has are
// reported as warnings, never dropped in silence.
//
// # Scores
//
// PARC ACH scores, as in the ACH 1.1 technical description: each rating
// has a consistency value, II = -2, I = -1 and 0 for the rest; each level
// a weight, low 1/√2, medium 1, high √2. A hypothesis's inconsistency is
// Σ |value| over the items and its weighted inconsistency Σ credibility ×
// relevance × value. The hypothesis closest to zero leads.
//
// The posterior reads each rating as a likelihood P(item | hypothesis):
// CC 0.95, C 0.80, N 0.50, I 0.20, II 0.05, and NA 1, which leaves the
// hypothesis as it was. Items are taken as independent (naive Bayes) and
// each likelihood is raised to the item's weight w = credibility weight ×
// relevance weight, from 1/2 (low, low) to 2 (high, high): a medium,
// medium item counts once, a high, high item as if seen twice and a low,
// low item as half an observation. The posterior is prior × Π L^w,
// normalised so that it sums to 1. Because NA leaves a hypothesis alone
// while every rating multiplies the others by less than 1, NA beside N or
// C reads as mild support; rate N, not NA, when an item is merely
// uninformative.
//
// An item's diagnosticity is the largest shift it makes in the log odds
// between two hypotheses under that rule: w × (max ln L − min ln L) over
// its cells. Items rated alike for every hypothesis, C/C/C or N/N/N, score
// 0. Indicators (watched entries and queries that matched nothing) are
// ranked by the diagnosticity their ratings or rules would have.
//
// Leave-one-out sensitivity scores the matrix without each item in turn
// and says whether the leader changes, under PARC and under the
// posterior.
package ach
