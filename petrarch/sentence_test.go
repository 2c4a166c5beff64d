package petrarch

import (
	"strings"
	"testing"
)

func TestDeleteCommaClauses(t *testing.T) {
	tests := []struct {
		name, in string
		rule     CommaRule
		want     string
	}{
		{"internal aside", "Arnor, the old kingdom of the north, attacked Gondor.", DefaultCommas, "Arnor , attacked Gondor ."},
		{"too short", "Arnor, however, attacked Gondor.", CommaRule{Min: 2, Max: 8}, "Arnor , however , attacked Gondor ."},
		{"terminal", "Arnor attacked Gondor, a senior official said on Saturday.", DefaultCommas, "Arnor attacked Gondor ."},
		{"list", "Mordor, the Shire, Fornost and Bree welcomed it.", DefaultCommas, "Mordor , the Shire , Fornost and Bree welcomed it ."},
		{"list to the end", "Osgiliath met Mordor, Rohan, Fornost and Bree after a rift.", DefaultCommas, "Osgiliath met Mordor , Rohan , Fornost and Bree after a rift ."},
		{"initial phrase", "In a long statement, Arnor attacked Gondor.", CommaRule{BMin: 3, BMax: 6}, "Arnor attacked Gondor ."},
		{"initial main clause", "Arnor is about to restore, it seems, ties.", CommaRule{BMin: 3, BMax: 6}, "Arnor is about to restore , it seems , ties ."},
		{"off", "Arnor, the old kingdom, attacked Gondor.", CommaRule{}, "Arnor , the old kingdom , attacked Gondor ."},
	}
	for _, tt := range tests {
		ws := deleteCommaClauses(splitWords(tt.in), tt.rule)
		var got []string
		for _, w := range ws {
			got = append(got, w.span.In(tt.in))
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%s: %q -> %q, want %q", tt.name, tt.in, g, tt.want)
		}
	}
}
