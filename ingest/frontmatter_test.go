package ingest

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"redline"
)

func TestParseText_FrontMatter(t *testing.T) {
	type want struct {
		Title, Source, URL, Published, Text string
		Err                                 string
	}
	tests := []struct {
		name string
		in   string
		want want
	}{
		{"None", "Just text.", want{Published: "2025-02-07", Text: "Just text."}},
		{"All", "---\ntitle: Talks\ndate: 2013-02-07\nsource: Reuters\nurl: https://example.org/a?b=c:d\n---\nText",
			want{Title: "Talks", Source: "Reuters", URL: "https://example.org/a?b=c:d", Published: "2013-02-07", Text: "Text"}},
		{"DoubleQuoted", "---\ntitle: \"Talks: \\\"no\\\" deal\"\n---\nText", want{Title: `Talks: "no" deal`, Published: "2025-02-07", Text: "Text"}},
		{"SingleQuoted", "---\ntitle: 'It''s over'\n---\nText", want{Title: "It's over", Published: "2025-02-07", Text: "Text"}},
		{"QuotedDate", "---\ndate: '7 February 2013'\n---\nText", want{Published: "2013-02-07", Text: "Text"}},
		{"KeysIgnoreCase", "---\nTitle: T\nDATE: 2013-02-07\n---\nText", want{Title: "T", Published: "2013-02-07", Text: "Text"}},
		{"UnknownKeys", "---\nauthor: A\ntags:\n  - one\n  - two\nmeta:\n  k: v\ntitle: T\n---\nText",
			want{Title: "T", Published: "2025-02-07", Text: "Text"}},
		{"BlankAndComment", "---\n\n# a comment\ntitle: T\n---\nText", want{Title: "T", Published: "2025-02-07", Text: "Text"}},
		{"EmptyValue", "---\ntitle:\ndate:\n---\nText", want{Published: "2025-02-07", Text: "Text"}},
		{"FenceTrailingSpace", "--- \ntitle: T\n---\t\nText", want{Title: "T", Published: "2025-02-07", Text: "Text"}},
		{"EmptyFrontMatter", "---\n---\nText", want{Published: "2025-02-07", Text: "Text"}},
		{"BodyKeepsRules", "---\ntitle: T\n---\n\nOne\n---\nTwo\n", want{Title: "T", Published: "2025-02-07", Text: "One\n---\nTwo"}},
		{"KeepsIndentation", "\n\n    Indented\n", want{Published: "2025-02-07", Text: "    Indented"}},
		{"NotAFence", "----\ntitle: T\n", want{Published: "2025-02-07", Text: "----\ntitle: T"}},
		{"ErrNoClose", "---\ntitle: T\n", want{Err: `f.md:1: front matter: no closing "---"`}},
		{"ErrNoCloseBeforeText", "---\ntitle: T\nText", want{Err: `f.md:3: front matter: want "key: value", got "Text"`}},
		{"ErrOnlyFence", "---", want{Err: `f.md:1: front matter: no closing "---"`}},
		{"ErrNoKey", "---\ntitle: T\njust words\n---\nText", want{Err: `f.md:3: front matter: want "key: value", got "just words"`}},
		{"ErrEmptyKey", "---\n: v\n---\nText", want{Err: `f.md:2: front matter: want "key: value", got ": v"`}},
		{"ErrBadKey", "---\nthe title: v\n---\nText", want{Err: `f.md:2: front matter: want "key: value", got "the title: v"`}},
		{"ErrIndentedAfterKnown", "---\ntitle: T\n  more\n---\nText", want{Err: `f.md:3: front matter: want "key: value", got "more"`}},
		{"ErrDuplicate", "---\ntitle: A\ntitle: B\n---\nText", want{Err: `f.md:3: front matter: duplicate key "title"`}},
		{"ErrUnterminated", "---\ntitle: \"Talks\n---\nText", want{Err: `f.md:2: front matter: title: unterminated quoted value "Talks`}},
		{"ErrBadEscape", "---\ntitle: \"\\q\"\n---\nText", want{Err: `f.md:2: front matter: title: bad escape in quoted value "\q"`}},
		{"ErrBadDate", "---\ntitle: T\n\ndate: 2013-02-30\n---\nText", want{Err: `f.md:4: bad date "2013-02-30" (want 2006-01-02, RFC 3339, 2006-01-02T15:04:05, January 2, 2006, 2 January 2006 or Jan 2, 2006)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := parseText("f.md", []byte(tt.in), Options{Date: day})
			var got want
			if err != nil {
				got.Err = CheckError(t, err)
			} else {
				got = want{Title: d.Title, Source: d.Source, URL: d.URL, Published: d.Published.Value, Text: d.Text}
				if d.ID != redline.DocumentID(d.Text) || d.Path != "f.md" {
					t.Errorf("ID, Path = %q, %q; want DocumentID(Text), f.md", d.ID, d.Path)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("parseText(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // day, or "" for an error
	}{
		{"2025-02-07", "2025-02-07"},
		{"2025-02-07T23:30:00+05:00", "2025-02-07"},
		{"2025-02-07T23:30:00.123Z", "2025-02-07"},
		{"2025-02-07T23:30:00", "2025-02-07"},
		{"February 7, 2025", "2025-02-07"},
		{"february 07, 2025", "2025-02-07"},
		{"7 February 2025", "2025-02-07"},
		{"Feb 7, 2025", "2025-02-07"},
		{"2025-02-30", ""},
		{"07/02/2025", ""},
		{"2025", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := publication(tt.in, Options{})
			if tt.in == "" {
				if err != nil || !got.IsZero() {
					t.Errorf("publication(%q) = %v, %v; want zero, nil", tt.in, got, err)
				}
				return
			}
			if tt.want == "" {
				if err == nil {
					t.Errorf("publication(%q) = %v, want an error", tt.in, got)
				}
				return
			}
			if want := (redline.Date{Value: tt.want, Grain: redline.GrainDay}); err != nil || got != want {
				t.Errorf("publication(%q) = %v, %v; want %v", tt.in, got, err, want)
			}
		})
	}
}
