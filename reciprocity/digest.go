package reciprocity

import "redline"

// FromDigest returns the events of a digest that NewSeries would count
// for spec: those that happened, between the two sides of the dyad, in
// either direction. Each carries what NewSeries reads (date, actor and
// target IDs, mode, CAMEO code and Goldstein weight), not the rest of the
// record.
//
// A digest keeps each event's CAMEO code but not its weight, so weigh
// gives the weight of a code, as the verb dictionary that coded the
// events does. The refs of the events whose code weigh does not know are
// returned apart, for the caller to read in full (Store.EventsAt); they
// are not in evs.
//
// Every actor's side, every mode and every code is looked up once, so a
// digest of a million events takes a few milliseconds.
func FromDigest(d *redline.Digest, spec Spec, weigh func(code string) (float64, bool)) (evs []redline.Event, unknown []int64, err error) {
	if err := spec.check(); err != nil {
		return nil, nil, err
	}
	sides := newSideCache(spec.CountryOf)
	const none, a, b = 0, 1, 2
	side := make([]int8, len(d.Actors)) // Actors[0], no actor, stays none
	for i := 1; i < len(d.Actors); i++ {
		switch sides.of(d.Actors[i].ID) {
		case spec.Dyad.A:
			side[i] = a
		case spec.Dyad.B:
			side[i] = b
		}
	}
	type weight struct {
		w       float64
		ok, set bool
	}
	weights := make([]weight, len(d.Words))
	happened := make([]int8, len(d.Words)) // 0 not looked up, 1 yes, -1 no
	for _, e := range d.Events {
		from, to := side[e.Actor], side[e.Target]
		if from == none || to == none || from == to {
			continue
		}
		if happened[e.Mode] == 0 {
			happened[e.Mode] = -1
			if Happened(redline.Mode(d.Words[e.Mode])) {
				happened[e.Mode] = 1
			}
		}
		if happened[e.Mode] < 0 {
			continue
		}
		wt := &weights[e.CAMEO]
		if !wt.set {
			wt.w, wt.ok = weigh(d.Words[e.CAMEO])
			wt.set = true
		}
		if !wt.ok {
			unknown = append(unknown, e.Ref)
			continue
		}
		target := d.Actors[e.Target]
		evs = append(evs, redline.Event{Actor: d.Actors[e.Actor], Target: &target, CAMEO: d.Words[e.CAMEO],
			Date: d.Dates[e.Date], Mode: redline.Mode(d.Words[e.Mode]), Goldstein: wt.w})
	}
	return evs, unknown, nil
}
