package timex

import "testing"

func TestAppendPad(t *testing.T) {
	tests := []struct {
		n, width int
		want     string
	}{
		{7, 2, "07"}, {12, 2, "12"}, {2025, 4, "2025"}, {199, 3, "199"}, {19, 2, "19"},
		{985, 4, "0985"}, {12345, 4, "2345"}, {-3, 2, "00"}, {0, 4, "0000"},
	}
	for _, tt := range tests {
		if got := string(appendPad([]byte("x"), tt.n, tt.width)); got != "x"+tt.want {
			t.Errorf("appendPad(x, %d, %d) = %q, want %q", tt.n, tt.width, got, "x"+tt.want)
		}
	}
}
