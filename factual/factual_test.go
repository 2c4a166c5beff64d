package factual

import (
	"strings"
	"testing"

	"redline"
	"redline/segment"
)

// mark reads a sentence with the event in brackets ("They [attacked].")
// and returns the plain text, its first sentence holding the event, and
// the event's span.
func mark(tb testing.TB, s string) (string, redline.Sentence, redline.Span) {
	tb.Helper()
	i, j := strings.IndexByte(s, '['), strings.IndexByte(s, ']')
	if i < 0 || j < i {
		tb.Fatalf("no [event] in %q", s)
	}
	text := s[:i] + s[i+1:j] + s[j+1:]
	sp := redline.Span{Start: i, End: j - 1}
	for _, sent := range segment.Split(text) {
		if sent.Span.Contains(sp) {
			return text, sent, sp
		}
	}
	tb.Fatalf("event of %q in no sentence", s)
	return "", redline.Sentence{}, sp
}

func TestAssess(t *testing.T) {
	const (
		C, PR, PS = Certain, Probable, Possible
	)
	tests := []struct {
		in     string
		cert   string
		neg    bool
		future bool
	}{
		// Plain assertions.
		{"Rebels [attacked] the convoy on Tuesday.", C, false, false},
		{"The ministry [announced] new sanctions.", C, false, false},
		{"The [attack] killed twelve soldiers.", C, false, false},
		// Modals in the event's own verb group.
		{"Rebels may [attack] the convoy.", PS, false, true},
		{"Rebels might well [attack] the convoy.", PS, false, true},
		{"The strike could [push] prices higher.", PS, false, false},
		{"The aircraft can [fly] 9,000 miles without refuelling.", PS, false, false},
		{"The talks would [collapse] without a deal.", PR, false, true},
		{"Troops should [arrive] by Friday.", PR, false, false},
		{"The army will [withdraw] next month.", C, false, true},
		{"The army will not [withdraw] next month.", C, true, true},
		{"The army won't [withdraw].", C, true, true},
		{"They'll [sign] the accord in Geneva.", C, false, true},
		{"The army must [withdraw] by Friday.", C, false, false},
		{"The ministers may have [met] in secret.", PS, false, true},
		// Negation in the verb group.
		{"The glitch was not [reported] at the time.", C, true, false},
		{"The minister did not [comment] on the situation.", C, true, false},
		{"He didn't [say] where the cuts would fall.", C, true, false},
		{"Officials have never [confirmed] the figure.", C, true, false},
		{"Inspectors no longer [visit] the site.", C, true, false},
		{"We cannot [afford] a collapse.", C, true, false},
		{"Not [including] special items, the firm lost money.", C, true, false},
		{"He told airlines not to [buy] European aircraft.", C, true, true},
		// Epistemic adverbs.
		{"The envoy reportedly [met] rebel leaders.", PR, false, false},
		{"The envoy possibly [met] rebel leaders.", PS, false, false},
		{"Rebels probably [fired] the first shot.", PR, false, false},
		// Governors of infinitives.
		{"The company expects to [cut] 4,000 jobs.", PR, false, true},
		{"It is expected to [close] the plant.", PR, false, true},
		{"The order is believed to [be] worth $15 billion.", PR, false, false},
		{"The new laptops are said to [be] four times faster.", PS, false, false},
		{"The device appears to [run] a mobile version of the system.", PS, false, false},
		{"Boeing is to be allowed to [bid] again.", PS, false, true},
		{"Chrysler wants to [eliminate] 789 dealers.", PR, false, true},
		{"They intend to [launch] the service in November.", PR, false, true},
		{"The chief executive attempted to [address] the reports.", PS, false, true},
		{"The White House is considering [using] the fund.", PS, false, true},
		{"The bill failed to [pass] the Senate.", C, true, false},
		{"The union refused to [meet] the demands.", C, true, false},
		{"The court declined to [hear] the appeal.", C, true, false},
		{"The firm would stop [selling] the device.", PR, true, true},
		{"The team will cease [looking] at new designs.", C, true, true},
		{"The company agreed to [purchase] twenty jets.", C, false, true},
		{"Apple plans to [sell] films on iTunes.", C, false, true},
		{"The airline has options to [exercise] by 2018.", PS, false, true},
		{"GM closed dealers in an effort to [evade] bankruptcy.", PS, false, true},
		{"It won a contract to [supply] tankers.", C, false, true},
		// A governor's negation does not pass down; its modality does.
		{"We do not need to [buy] aircraft from Europe.", C, false, true},
		{"Rebels may want to [attack] the convoy.", PR, false, true},
		// Governors of that-clauses.
		{"It is expected that the plane will [wear] the airline's colours.", PR, false, true},
		{"The minister denied that troops [attacked] the village.", C, true, false},
		{"Officials could not confirm that rebels [attacked] the convoy.", PS, false, false},
		{"He believes that prices [rose] sharply.", PR, false, false},
		// Reporting verbs are transparent.
		{"The spokesman said that rebels [attacked] the convoy.", C, false, false},
		{"The spokesman said that rebels could [attack] the convoy.", PS, false, false},
		{"Analysts said the company expects to [cut] jobs.", PR, false, true},
		// Direct objects: the verb's modality passes, not its governor's.
		{"This may have a large [impact] on the industry.", PS, false, true},
		{"Aeroflot has negotiated the [purchase] of 22 jets.", PS, false, true},
		{"The decision will prevent a [collapse] of the firm.", C, true, true},
		{"GM plans to cut 13,000 [jobs].", C, false, false},
		// Noun phrases.
		{"There was no [agreement] on the budget.", C, true, false},
		{"He spoke against the now-cancelled [deal].", C, true, false},
		{"Airlines complained about the delay in [delivery].", C, true, false},
		{"The [departure] of the plane has been delayed.", C, true, false},
		{"Airbus test [flight] delayed after accident", C, true, false},
		{"The talks ended without [agreement].", C, true, false},
		{"The announcement was not a big [surprise].", C, true, false},
		{"Investors welcomed the possible [merger].", PS, false, false},
		{"The [deliveries] are scheduled to be in time for the games.", PR, false, false},
		// Quantity hedges are not cues.
		{"The firm [cut] about 40 jobs.", C, false, false},
		{"Some 300 people [attended] the rally.", C, false, false},
		{"Prices [rose] up to 10% in March.", C, false, false},
		{"The plane can carry up to 840 people and [flew] on Monday.", C, false, false},
		// Cues that govern another event do not count.
		{"The envoy, who may resign, [met] the rebels.", C, false, false},
		{"The rebels [attacked] after talks failed to resume.", C, false, false},
		{"The company that would not pay was [sued].", C, false, false},
		{"Rebels [attacked] the town, and the army may respond.", C, false, false},
		{"He never said it, but rebels [attacked] the town.", C, false, false},
		// Copula negation.
		{"His intent [was] not to perpetuate bad decisions.", C, true, false},
		// Headlines.
		{"GM to [cut] 10,000 jobs at Opel", C, false, true},
	}
	for _, tt := range tests {
		text, sent, sp := mark(t, tt.in)
		got := Assess(text, sent, sp)
		if got.Certainty != tt.cert || (got.Polarity == Neg) != tt.neg || got.Future != tt.future {
			t.Errorf("Assess(%q) = %s/%s/future=%v (cue %q), want %s/neg=%v/future=%v",
				tt.in, got.Certainty, got.Polarity, got.Future, got.Cue, tt.cert, tt.neg, tt.future)
		}
	}
	if len(tests) < 60 {
		t.Errorf("only %d cases", len(tests))
	}
}

func TestAssessOutside(t *testing.T) {
	text := "Rebels may attack."
	sents := segment.Split(text)
	got := Assess(text, sents[0], redline.Span{Start: 100, End: 104})
	if got != (Factuality{Certainty: Certain, Polarity: Pos}) {
		t.Errorf("Assess outside the sentence = %+v, want certain/pos", got)
	}
}

func FuzzAssess(f *testing.F) {
	f.Add("Rebels may not attack the convoy, officials said.", 7, 20)
	f.Add("The now-cancelled deal was not to be.", 0, 3)
	f.Add("“Won’t”", 1, 2)
	f.Fuzz(func(t *testing.T, text string, a, b int) {
		for _, s := range segment.Split(text) {
			f := Assess(text, s, redline.Span{Start: a, End: b})
			if f.Certainty == "" || f.Polarity == "" {
				t.Fatalf("Assess(%q, %d, %d) = %+v", text, a, b, f)
			}
		}
	})
}

func BenchmarkAssess(b *testing.B) {
	text := strings.Repeat("The company said on Tuesday that it may not be able to cut about 4,000 jobs "+
		"in France, and analysts expect the plan to be delayed until the talks fail to resume. ", 20)
	sents := segment.Split(text)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range sents {
			for _, tok := range s.Tokens {
				if tok.Kind == redline.TokenWord {
					Assess(text, s, tok.Span)
				}
			}
		}
	}
}
