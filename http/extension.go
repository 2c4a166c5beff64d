package http

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strconv"

	"redline"
)

// Extensions are capabilities that live in other packages (ach,
// reciprocity, escalation), wired in by the command (cmd/redline's
// serve_ext.go). Each field may be nil: its API routes then answer 501
// (ENOTIMPLEMENTED) and its page says the capability is not in this
// build. The types below are what the pages draw and the API returns, so
// that this package needs none of those packages: the command converts
// their results.
type Extensions struct {
	// ACH scores a file of competing hypotheses against the store.
	ACH func(ctx context.Context, req ACHRequest) (*ACHMatrix, error)
	// Reciprocity measures how two sides answer each other's actions.
	Reciprocity func(ctx context.Context, req DyadRequest) (*Dyad, error)
	// Simulate plays strategies of an iterated game against each other.
	Simulate func(ctx context.Context, req SimulationRequest) (*Simulation, error)
}

// ACHRequest is a hypotheses file to score: its name, for messages, and
// its bytes (YAML).
type ACHRequest struct {
	Name string `json:"name"`
	File []byte `json:"-"`
}

// ACHMatrix is a scored matrix of competing hypotheses: the hypotheses
// with their scores, the evidence with one rating per hypothesis (in the
// order of Hypotheses: CC, C, N, I, II, or NA), the leave-one-out
// sensitivity and the indicators still to watch.
type ACHMatrix struct {
	Question    string           `json:"question"`
	Hypotheses  []ACHHypothesis  `json:"hypotheses"`
	Evidence    []ACHEvidence    `json:"evidence"`
	Sensitivity []ACHSensitivity `json:"sensitivity"`
	Indicators  []ACHEvidence    `json:"indicators"`
	Warnings    []string         `json:"warnings"`
}

// ACHHypothesis is one hypothesis and its scores: PARC's weighted
// inconsistency (lower is better) and the posterior probability, with the
// rank of each (1 is the leader).
type ACHHypothesis struct {
	ID                    string  `json:"id"`
	Text                  string  `json:"text"`
	WeightedInconsistency float64 `json:"weighted_inconsistency"`
	Rank                  int     `json:"rank"`
	Posterior             float64 `json:"posterior"`
	PosteriorRank         int     `json:"posterior_rank"`
}

// ACHEvidence is one row of the matrix. Doc and Sentence, when Doc is
// set, locate the record it came from; Suggested marks ratings that the
// rules suggested and no analyst confirmed.
type ACHEvidence struct {
	ID            string   `json:"id"`
	Text          string   `json:"text"`
	Date          string   `json:"date,omitempty"`
	Credibility   string   `json:"credibility"`
	Relevance     string   `json:"relevance"`
	Ratings       []string `json:"ratings"`
	Diagnosticity float64  `json:"diagnosticity"`
	Suggested     bool     `json:"suggested"`
	Doc           string   `json:"doc,omitempty"`
	Sentence      int      `json:"sentence,omitempty"`
}

// ACHSensitivity says what leaving one item of evidence out does: which
// hypotheses lead then, and whether that changes the leader.
type ACHSensitivity struct {
	ID             string   `json:"id"`
	Leaders        []string `json:"leaders"`
	ChangesLeader  bool     `json:"changes_leader"`
	PosteriorShift float64  `json:"posterior_shift"`
}

// DyadRequest names the two sides of a dyad (actor IDs, usually states)
// and the period their events are summed over: "week" or "month".
type DyadRequest struct {
	A      string `json:"a"`
	B      string `json:"b"`
	Period string `json:"period"`
}

// Dyad is the reciprocity of two sides: per period, the Goldstein-weighted
// net flow of A's actions toward B and of B's toward A, and a verdict per
// direction in a sentence.
type Dyad struct {
	Names    [2]string    `json:"names"`
	Periods  []string     `json:"periods"`
	Flows    [2][]float64 `json:"flows"`
	Verdicts []string     `json:"verdicts"`
	Notes    []string     `json:"notes"`
}

// SimulationRequest asks for strategies of an iterated game to be played
// against each other: Rounds per match, Noise the chance that a move is
// flipped, Seed for the random source, so that a run can be repeated.
type SimulationRequest struct {
	Strategies []string `json:"strategies"`
	Rounds     int      `json:"rounds"`
	Noise      float64  `json:"noise"`
	Seed       int64    `json:"seed"`
}

// Simulation is the outcome: one line per strategy of its mean score by
// round (or generation), and the final table.
type Simulation struct {
	Title      string          `json:"title"`
	XLabel     string          `json:"x_label"`
	YLabel     string          `json:"y_label"`
	Strategies []string        `json:"strategies"` // every strategy that can be asked for
	Lines      []Line          `json:"lines"`
	Table      []SimulationRow `json:"table"`
	Notes      []string        `json:"notes"`
}

// Line is one named series of a line chart.
type Line struct {
	Name   string    `json:"name"`
	Points []float64 `json:"points"`
}

// SimulationRow is one strategy's result.
type SimulationRow struct {
	Strategy string  `json:"strategy"`
	Score    float64 `json:"score"`
	Rank     int     `json:"rank"`
}

// unavailable is the error of an extension that is not wired in.
func unavailable(what string) error {
	return &redline.Error{Code: ENOTIMPLEMENTED, Message: what + " is not available in this build of the server"}
}

func (s *Server) apiACH(r *http.Request) (any, error) {
	if s.Extensions.ACH == nil {
		return nil, unavailable("scoring competing hypotheses")
	}
	b, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, err
	}
	return s.Extensions.ACH(r.Context(), ACHRequest{Name: "request", File: b})
}

func (s *Server) apiReciprocity(r *http.Request) (any, error) {
	if s.Extensions.Reciprocity == nil {
		return nil, unavailable("reciprocity")
	}
	q := r.URL.Query()
	req := DyadRequest{A: q.Get("a"), B: q.Get("b"), Period: q.Get("period")}
	if req.A == "" || req.B == "" {
		return nil, redline.Errorf(redline.EINVALID, "reciprocity: want a=ID and b=ID")
	}
	return s.Extensions.Reciprocity(r.Context(), req)
}

// simulationRequest reads a simulation request from a query.
func simulationRequest(q url.Values) (SimulationRequest, error) {
	req := SimulationRequest{Strategies: q["strategy"], Rounds: 200, Noise: 0, Seed: 1}
	var err error
	if v := q.Get("rounds"); v != "" {
		if req.Rounds, err = strconv.Atoi(v); err != nil || req.Rounds < 1 || req.Rounds > 100000 {
			return req, redline.Errorf(redline.EINVALID, "rounds %q: want 1 to 100000", v)
		}
	}
	if v := q.Get("noise"); v != "" {
		if req.Noise, err = strconv.ParseFloat(v, 64); err != nil || req.Noise < 0 || req.Noise > 1 {
			return req, redline.Errorf(redline.EINVALID, "noise %q: want a probability from 0 to 1", v)
		}
	}
	if v := q.Get("seed"); v != "" {
		if req.Seed, err = strconv.ParseInt(v, 10, 64); err != nil {
			return req, redline.Errorf(redline.EINVALID, "seed %q: want a whole number", v)
		}
	}
	return req, nil
}

func (s *Server) apiSimulate(r *http.Request) (any, error) {
	if s.Extensions.Simulate == nil {
		return nil, unavailable("simulation")
	}
	req, err := simulationRequest(r.URL.Query())
	if err != nil {
		return nil, err
	}
	return s.Extensions.Simulate(r.Context(), req)
}
