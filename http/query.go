package http

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"redline"
)

// Paging limits: a page holds DefaultLimit items unless asked, never more
// than MaxLimit; analyses page through at most MaxDepth of their latest
// entries.
const (
	DefaultLimit = 50
	MaxLimit     = 500
	MaxDepth     = 10000
)

// page is a request's place in a list.
type page struct {
	Limit, Offset int
}

// Page is one page of a list: its items, how many there are in all when
// that is known, and the URL of the next page, if any.
type Page[T any] struct {
	Items  []T    `json:"items"`
	Total  *int   `json:"total,omitempty"`
	Limit  int    `json:"limit"`
	Offset int    `json:"offset"`
	Next   string `json:"next,omitempty"`
}

// parsePage reads limit and offset.
func parsePage(q url.Values) (page, error) {
	p := page{Limit: DefaultLimit}
	var err error
	if v := q.Get("limit"); v != "" {
		if p.Limit, err = strconv.Atoi(v); err != nil || p.Limit < 1 {
			return p, redline.Errorf(redline.EINVALID, "limit %q: want a whole number from 1 to %d", v, MaxLimit)
		}
		p.Limit = min(p.Limit, MaxLimit)
	}
	if v := q.Get("offset"); v != "" {
		if p.Offset, err = strconv.Atoi(v); err != nil || p.Offset < 0 {
			return p, redline.Errorf(redline.EINVALID, "offset %q: want a whole number, 0 or more", v)
		}
	}
	return p, nil
}

// makePage cuts a page out of items, which start at the page's offset and
// may hold one item more than the limit, which says there is a next page.
// total is -1 when unknown.
func makePage[T any](r *http.Request, p page, items []T, total int) Page[T] {
	out := Page[T]{Items: items, Limit: p.Limit, Offset: p.Offset}
	if out.Items == nil {
		out.Items = []T{}
	}
	more := len(items) > p.Limit
	if more {
		out.Items = items[:p.Limit]
	}
	if total >= 0 {
		out.Total = &total
		more = p.Offset+len(out.Items) < total
	}
	if more {
		q := r.URL.Query()
		q.Set("offset", strconv.Itoa(p.Offset+p.Limit))
		q.Set("limit", strconv.Itoa(p.Limit))
		out.Next = r.URL.Path + "?" + q.Encode()
	}
	return out
}

// slicePage returns the page of a list held whole.
func slicePage[T any](r *http.Request, p page, all []T) Page[T] {
	lo := min(p.Offset, len(all))
	hi := min(p.Offset+p.Limit, len(all))
	return makePage(r, p, all[lo:hi], len(all))
}

// dateRange reads from and to, TimeML calendar values ("2013",
// "2013-02", "2013-02-07"): records whose date begins within the first
// day of from and the last day of to.
func dateRange(q url.Values) (from, to time.Time, err error) {
	if v := strings.TrimSpace(q.Get("from")); v != "" {
		d, perr := redline.ParseDate(v)
		if perr != nil {
			return from, to, redline.Errorf(redline.EINVALID, "from %q: want a date such as 2013, 2013-02 or 2013-02-07", v)
		}
		from, _, _ = d.Interval()
	}
	if v := strings.TrimSpace(q.Get("to")); v != "" {
		d, perr := redline.ParseDate(v)
		if perr != nil {
			return from, to, redline.Errorf(redline.EINVALID, "to %q: want a date such as 2013, 2013-02 or 2013-02-07", v)
		}
		_, to, _ = d.Interval()
	}
	if !from.IsZero() && !to.IsZero() && !from.Before(to) {
		return from, to, redline.Errorf(redline.EINVALID, "from %s is not before to %s", q.Get("from"), q.Get("to"))
	}
	return from, to, nil
}

// statementFilter reads the filters of a statement query.
func statementFilter(q url.Values) (redline.StatementFilter, error) {
	f := redline.StatementFilter{
		Doc: q.Get("doc"), Speaker: q.Get("actor"), Country: q.Get("country"),
		Topic: q.Get("topic"), Target: q.Get("target"), Search: strings.TrimSpace(q.Get("q")),
	}
	var err error
	f.From, f.To, err = dateRange(q)
	return f, err
}

// eventFilter reads the filters of an event query.
func eventFilter(q url.Values) (redline.EventFilter, error) {
	f := redline.EventFilter{
		Doc: q.Get("doc"), Actor: q.Get("actor"), Country: q.Get("country"),
		Target: q.Get("target"), PLOVER: q.Get("plover"), Mode: redline.Mode(q.Get("mode")),
	}
	switch f.Mode {
	case "", redline.ModePublic, redline.ModeCovert, redline.ModeAlleged, redline.ModeNegated, redline.ModeFuture, redline.ModeHypothetical:
	default:
		return f, redline.Errorf(redline.EINVALID, "mode %q: want public, covert, alleged, negated, future or hypothetical", f.Mode)
	}
	var err error
	f.From, f.To, err = dateRange(q)
	return f, err
}
