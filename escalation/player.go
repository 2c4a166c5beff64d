package escalation

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Player is one side of one match. Move returns the action the player means
// to play in the next turn, given the two histories so far: own[i] and
// other[i] are what the two sides played in turn i, noise included, so
// len(own) is the number of turns already played. The player is never told
// how long the match lasts. Move is called once per turn, in order, so a
// player may keep state between calls and need only look at the last turn;
// a fresh player is made for every match. Players that draw random numbers use rng,
// the match's generator; deterministic players ignore it.
type Player interface {
	Move(own, other []Action, rng *rand.Rand) Action
}

// Strategy describes a way of playing and makes players that follow it.
type Strategy struct {
	// Name is the kebab-case name the registry knows the strategy by.
	Name string
	// Description says in one line how the strategy plays.
	Description string
	// Stochastic is true when players draw random numbers themselves, so
	// that two matches between the same strategies may differ even without
	// noise.
	Stochastic bool
	// New returns a player in its starting state for a match of game g
	// (generous tit-for-tat sets its generosity from the payoffs).
	New func(g Game) Player
}

// registry lists the built-in strategies in the order Names returns them.
var registry = []Strategy{
	memoryOneStrategy("cooperator", "always cooperates", func(Game) MemoryOne {
		return MemoryOne{Start: 1, P: [4]float64{1, 1, 1, 1}}
	}),
	memoryOneStrategy("defector", "always defects", func(Game) MemoryOne {
		return MemoryOne{Start: 0, P: [4]float64{0, 0, 0, 0}}
	}),
	memoryOneStrategy("tit-for-tat", "cooperates first, then plays what the other played last", func(Game) MemoryOne {
		return MemoryOne{Start: 1, P: [4]float64{1, 0, 1, 0}}
	}),
	{
		Name:        "generous-tit-for-tat",
		Description: "tit-for-tat that forgives a defection with probability min(1-(T-R)/(R-S), (R-P)/(T-P)), 1/3 in the default game",
		Stochastic:  true,
		New:         func(g Game) Player { m := generousTitForTat(g); return &m },
	},
	memoryOneStrategy("suspicious-tit-for-tat", "defects first, then plays what the other played last", func(Game) MemoryOne {
		return MemoryOne{Start: 0, P: [4]float64{1, 0, 1, 0}}
	}),
	{
		Name:        "tit-for-two-tats",
		Description: "cooperates unless the other defected in both of the last two turns",
		New:         func(Game) Player { return titForTwoTats{} },
	},
	{
		Name:        "hard-tit-for-tat",
		Description: "cooperates unless the other defected in any of the last three turns",
		New:         func(Game) Player { return hardTitForTat{} },
	},
	{
		Name:        "grudger",
		Description: "cooperates until the other defects once, then defects for ever",
		New:         func(Game) Player { return new(grudger) },
	},
	memoryOneStrategy("alternator", "cooperates first, then does the opposite of its own last move", func(Game) MemoryOne {
		return MemoryOne{Start: 1, P: [4]float64{0, 0, 1, 1}}
	}),
	memoryOneStrategy("win-stay-lose-shift", "cooperates first, repeats its move after R or T and switches after S or P (Pavlov)", func(Game) MemoryOne {
		return MemoryOne{Start: 1, P: [4]float64{1, 0, 0, 1}}
	}),
	{
		Name:        "gradual",
		Description: "answers the other's n-th defection with n defections, then two cooperations (the 2018 Gradual)",
		New:         func(Game) Player { return new(gradual) },
	},
	{
		Name:        "original-gradual",
		Description: "Beaufils' 1997 Gradual: the n-th punished defection gets n defections then two cooperations; defections during them are not counted",
		New:         func(Game) Player { return new(originalGradual) },
	},
	memoryOneStrategy("random", "cooperates with probability 1/2", func(Game) MemoryOne {
		return MemoryOne{Start: 0.5, P: [4]float64{0.5, 0.5, 0.5, 0.5}}
	}),
	DefaultGRIT.Strategy(),
	{
		Name:        "go-by-majority",
		Description: "cooperates while the other has cooperated at least as often as it has defected",
		New:         func(Game) Player { return new(goByMajority) },
	},
	{
		Name:        "prober",
		Description: "plays D, C, C; defects for ever if the other cooperated in turns 2 and 3, otherwise plays tit-for-tat",
		New:         func(Game) Player { return prober{} },
	},
	cyclerStrategy("cycler-ddc", Defect, Defect, Cooperate),
	cyclerStrategy("cycler-ccd", Cooperate, Cooperate, Defect),
}

// aliases maps short and library names to registry names.
var aliases = map[string]string{
	"allc":                "cooperator",
	"alld":                "defector",
	"tft":                 "tit-for-tat",
	"gtft":                "generous-tit-for-tat",
	"stft":                "suspicious-tit-for-tat",
	"tf2t":                "tit-for-two-tats",
	"tit-for-2-tats":      "tit-for-two-tats",
	"htft":                "hard-tit-for-tat",
	"wsls":                "win-stay-lose-shift",
	"pavlov":              "win-stay-lose-shift",
	"soft-go-by-majority": "go-by-majority",
}

// Lookup returns the strategy called name. Case, spaces and underscores do
// not matter ("Tit For Tat" finds tit-for-tat), and a few common
// abbreviations (tft, wsls, gtft, alld, ...) are known. GRIT with other
// settings than the default is named grit-PERIOD-LENGTH-STEPS, as
// GRIT.Strategy names it.
func Lookup(name string) (Strategy, bool) {
	key := strings.ToLower(strings.TrimSpace(name))
	key = strings.NewReplacer(" ", "-", "_", "-").Replace(key)
	if a, ok := aliases[key]; ok {
		key = a
	}
	for _, s := range registry {
		if s.Name == key {
			return s, true
		}
	}
	var g GRIT
	if _, err := fmt.Sscanf(key, "grit-%d-%d-%d", &g.Period, &g.Length, &g.Steps); err == nil && g.Validate() == nil {
		if fmt.Sprintf("grit-%d-%d-%d", g.Period, g.Length, g.Steps) == key {
			return g.Strategy(), true
		}
	}
	return Strategy{}, false
}

// Names returns the names of the built-in strategies.
func Names() []string {
	names := make([]string, len(registry))
	for i, s := range registry {
		names[i] = s.Name
	}
	return names
}

// Strategies returns the built-in strategies.
func Strategies() []Strategy {
	return append([]Strategy(nil), registry...)
}
