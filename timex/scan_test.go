package timex

import (
	"encoding/binary"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestRuleWordsLowerCase checks that every word the rules pass to word and
// wordIn is in lower case: they are compared with the folded token text,
// so "UTC" would never match.
func TestRuleWordsLowerCase(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "word" && sel.Sel.Name != "wordIn" {
				return true
			}
			for _, arg := range call.Args {
				lit, ok := arg.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					continue
				}
				if w, _ := strconv.Unquote(lit.Value); w != strings.ToLower(w) {
					t.Errorf("%s: %s(%s): the word must be in lower case", fset.Position(lit.Pos()), sel.Sel.Name, lit.Value)
				}
			}
			return true
		})
	}
}

// TestHasUpper checks the eight-lane capital test against a plain one for
// every byte value in every lane, with the other lanes holding bytes that
// would carry into their neighbours if the lanes were not kept apart.
func TestHasUpper(t *testing.T) {
	for _, fill := range []byte{0x00, '@', 'a', 'z', '[', 0x7f, 0x80, 0xc4, 0xff} {
		for c := 0; c < 256; c++ {
			for lane := 0; lane < 8; lane++ {
				var b [8]byte
				for i := range b {
					b[i] = fill
				}
				b[lane] = byte(c)
				want := false
				for _, x := range b {
					want = want || 'A' <= x && x <= 'Z'
				}
				if got := hasUpper(binary.LittleEndian.Uint64(b[:])); got != want {
					t.Fatalf("hasUpper(%q) = %v, want %v", b, got, want)
				}
			}
		}
	}
}

// TestFoldASCII folds every prefix of a text, so that every tail length
// and every position of a capital within an eight-byte stretch is tried.
func TestFoldASCII(t *testing.T) {
	in := "Iran's FOREIGN Minister ÉLYSÉE said, on 7 Feb: \"WE ARE READY\" — \u212A İ ZZ@[`{AZaz"
	want := []byte(in)
	for i, c := range want {
		if 'A' <= c && c <= 'Z' {
			want[i] = c + 'a' - 'A'
		}
	}
	for n := range len(in) + 1 {
		if got := foldASCII([]byte("x"), in[:n]); string(got) != "x"+string(want[:n]) {
			t.Errorf("foldASCII(%q) = %q, want %q", in[:n], got[1:], want[:n])
		}
	}
}
