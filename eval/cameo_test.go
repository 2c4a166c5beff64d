package eval

import (
	"os"
	"testing"
)

func TestDecodeCP1252(t *testing.T) {
	in := []byte("Moscow\x82\xc4\xf4s will, \x82\xc4\xfaall\x82\xc4\xf9 caf\xe9 \x93x\x94")
	if got, want := decodeCP1252(in), "Moscow’s will, “all” café “x”"; got != want {
		t.Errorf("decodeCP1252 = %q, want %q", got, want)
	}
}

// TestCAMEOCodebook runs the coder over the codebook's example sentences
// and checks the scores stay above their floors.
func TestCAMEOCodebook(t *testing.T) {
	path := sharedFile(t, "icews/cameo-codes.csv")
	sc, err := CAMEO(path, mustPipeline(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + scoresText(sc))
	if testing.Verbose() && os.Getenv("EVAL_ERRORS") != "" {
		sc.FprintErrors(os.Stderr)
	}
	if sc.Records < 270 {
		t.Errorf("CAMEO read %d examples, want at least 270", sc.Records)
	}
	checkFloor(t, "root accuracy", sc.Accuracy, cameoFloors.accuracy)
}

var cameoFloors = struct{ accuracy float64 }{0.76}
