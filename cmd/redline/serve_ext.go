package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"redline"
	"redline/ach"
	"redline/escalation"
	redhttp "redline/http"
	"redline/reciprocity"
	"redline/sqlite"
)

// serveExtensions wires competing hypotheses, reciprocity and the
// simulator into the server, each as the command of the same name runs
// it, converting their results to what the server's pages draw.
func serveExtensions(db *sqlite.DB, c *common, countryOf func(string) string) redhttp.Extensions {
	return redhttp.Extensions{
		ACH: func(ctx context.Context, req redhttp.ACHRequest) (*redhttp.ACHMatrix, error) {
			if len(req.File) > maxACHFile {
				return nil, redline.Errorf(redline.EINVALID, "%s: larger than %d MiB", req.Name, maxACHFile>>20)
			}
			f, err := ach.Parse(req.Name, req.File)
			if err != nil {
				return nil, invalid(err)
			}
			m, err := ach.Build(ctx, f, db, countryOf)
			if err != nil {
				return nil, err
			}
			return achView(ach.Score(m)), nil
		},
		Reciprocity: func(ctx context.Context, req redhttp.DyadRequest) (*redhttp.Dyad, error) {
			if req.Period == "" {
				req.Period = "month"
			}
			spec, err := dyadSpec("reciprocity", req.A+","+req.B, req.Period, "", "")
			if err != nil {
				return nil, invalid(err)
			}
			for _, id := range []string{spec.Dyad.A, spec.Dyad.B} {
				if side := countryOf(id); side != "" && side != id {
					return nil, redline.Errorf(redline.EINVALID, "%s belongs to %s; a dyad is between sides (use %s)", id, side, side)
				}
			}
			spec.CountryOf = countryOf
			s, err := dyadSeries(ctx, db, c, spec)
			if err != nil {
				return nil, err
			}
			if s.AB.Totals().Events+s.BA.Totals().Events == 0 {
				return nil, redline.Errorf(redline.EINVALID, "no events between %s and %s in either direction%s", spec.Dyad.A, spec.Dyad.B, leftOut(s))
			}
			out := &redhttp.Dyad{Names: [2]string{s.AB.From, s.AB.To}, Periods: s.Labels, Flows: [2][]float64{s.AB.Net, s.BA.Net}}
			rep, err := reciprocity.Analyze(s, reciprocity.Options{})
			if err != nil {
				out.Notes = append(out.Notes, fmt.Sprintf("No verdict: %v%s", err, remedy(err, spec.Period)))
				return out, nil
			}
			for _, v := range rep.Verdicts {
				out.Verdicts = append(out.Verdicts, v.Text)
			}
			out.Notes = append(out.Notes, rep.Notes...)
			return out, nil
		},
		Simulate: simulateTournament,
	}
}

// simulateTournament plays a round robin of the strategies and the
// replicator dynamics over its payoffs: the table ranks the strategies,
// the lines are their shares of the population step by step.
func simulateTournament(ctx context.Context, req redhttp.SimulationRequest) (*redhttp.Simulation, error) {
	out := &redhttp.Simulation{Title: "Shares of the population under the replicator dynamics", XLabel: "step", YLabel: "share"}
	for _, s := range escalation.Strategies() {
		out.Strategies = append(out.Strategies, s.Name)
	}
	names := req.Strategies
	if len(names) == 0 {
		names = []string{"tit-for-tat", "grudger", "defector", "cooperator"}
	}
	players, err := parsePlayers(strings.Join(names, ","))
	if err != nil {
		return nil, redline.Errorf(redline.EINVALID, "strategies: %v", err)
	}
	if len(players) < 2 {
		return nil, redline.Errorf(redline.EINVALID, "strategies: want at least two")
	}
	if len(players) > 16 {
		return nil, redline.Errorf(redline.EINVALID, "strategies: at most 16 on this page")
	}
	rules := escalation.Rules{Game: escalation.DefaultGame, Turns: min(req.Rounds, 1000), Noise: req.Noise}
	if err := rules.Validate(); err != nil {
		return nil, redline.Errorf(redline.EINVALID, "simulate: %v", err)
	}
	t := escalation.Tournament{Players: players, Rules: rules, Repetitions: escalation.DefaultRepetitions, Seed: uint64(req.Seed)}
	res, err := t.Play(ctx)
	if err != nil {
		return nil, simError(err)
	}
	const steps = 100
	shares, err := (&escalation.Ecosystem{Results: res, Seed: uint64(req.Seed)}).Reproduce(steps)
	if err != nil {
		return nil, simError(err)
	}
	for i, name := range res.Names {
		l := redhttp.Line{Name: name}
		for _, step := range shares {
			l.Points = append(l.Points, step[i])
		}
		out.Lines = append(out.Lines, l)
	}
	for k, i := range res.Ranking {
		out.Table = append(out.Table, redhttp.SimulationRow{Strategy: res.Names[i], Score: res.Median(i), Rank: k + 1})
	}
	out.Notes = append(out.Notes, fmt.Sprintf("Round robin of %d repetitions, %s; the score is the median over repetitions of the score per turn against the others.",
		escalation.DefaultRepetitions, describe(rules, uint64(req.Seed))))
	return out, nil
}

// achView converts a scored matrix to the server's form of it.
func achView(r *ach.Result) *redhttp.ACHMatrix {
	out := &redhttp.ACHMatrix{Question: r.Question, Warnings: r.Warnings}
	for _, h := range r.Hypotheses {
		out.Hypotheses = append(out.Hypotheses, redhttp.ACHHypothesis{ID: h.ID, Text: h.Text, WeightedInconsistency: h.WeightedInconsistency,
			Rank: h.Rank, Posterior: h.Posterior, PosteriorRank: h.PosteriorRank})
	}
	row := func(it ach.ItemScore) redhttp.ACHEvidence {
		e := redhttp.ACHEvidence{ID: it.ID, Text: it.Text, Date: it.Date, Credibility: string(it.Credibility), Relevance: string(it.Relevance),
			Diagnosticity: it.Diagnosticity, Suggested: it.Suggested}
		for _, h := range r.Hypotheses {
			rating := "NA"
			if v, ok := it.Ratings[h.ID]; ok {
				rating = string(v)
			}
			e.Ratings = append(e.Ratings, rating)
		}
		if it.Record != nil {
			e.Doc, e.Sentence = it.Record.Doc, it.Record.Sentence
		}
		return e
	}
	for _, it := range r.Evidence {
		out.Evidence = append(out.Evidence, row(it))
	}
	for _, it := range r.Indicators {
		out.Indicators = append(out.Indicators, row(it))
	}
	for _, s := range r.Sensitivity {
		out.Sensitivity = append(out.Sensitivity, redhttp.ACHSensitivity{ID: s.ID, Leaders: s.PARCLeaders,
			ChangesLeader: s.ChangesPARC || s.ChangesPosterior, PosteriorShift: s.PosteriorShift})
	}
	return out
}

// invalid turns a usage error or a data file's problems into EINVALID,
// which the server shows as it is; other errors pass unchanged.
func invalid(err error) error {
	var ue *usageError
	var pl redline.ProblemList
	switch {
	case errors.As(err, &ue):
		return redline.Errorf(redline.EINVALID, "%s", ue.msg)
	case errors.As(err, &pl):
		return redline.Errorf(redline.EINVALID, "%s", pl.Error())
	}
	return err
}
