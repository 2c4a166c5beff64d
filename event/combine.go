package event

import "redline/verb"

// Frames are action classes that take another action as their object, the
// way PETRARCH-2 composes nested verbs: "agreed to [meet]" is an intent to
// meet (036), "refused to [negotiate]" a rejection of talks (125),
// "threatened to [impose sanctions]" a threat of sanctions (1312). A frame
// is recognised by the general code of its lexicon entry.
type frame uint8

const (
	noFrame frame = iota
	intentFrame
	appealFrame
	demandFrame
	rejectFrame
	threatFrame
)

var frameCodes = map[string]frame{
	"030": intentFrame, "020": appealFrame, "100": demandFrame, "120": rejectFrame, "130": threatFrame,
}

func frameOf(a *verb.Action) frame { return frameCodes[a.CAMEO] }

// Each table maps the code of the framed action to the combined code. Keys
// are tried from the most specific (four digits) to the root; a missing
// key gives the frame's general code.
var (
	intentCodes = map[string]string{
		"04": "036", "045": "039", "05": "032", "057": "030", "037": "037", "06": "031", "061": "0311",
		"062": "0312", "063": "0313", "064": "0314", "07": "033", "071": "0331", "072": "0332", "073": "0333",
		"074": "0334", "08": "035", "081": "0351", "082": "0352", "083": "034", "0831": "0341", "0832": "0342",
		"0833": "0343", "0834": "0344", "084": "0353", "085": "0354", "086": "0355", "087": "0356",
	}
	threatCodes = map[string]string{
		"14": "133", "15": "138", "16": "131", "160": "1313", "161": "1313", "162": "1311", "163": "1312",
		"164": "134", "165": "135", "166": "136", "17": "132", "170": "137", "171": "137", "1721": "1321",
		"1722": "1322", "1723": "1323", "1724": "1324", "175": "137", "18": "1383", "19": "1384",
		"191": "1381", "192": "1382", "20": "1383", "204": "1385",
	}
	appealCodes = map[string]string{
		"04": "026", "045": "028", "037": "027", "05": "022", "051": "053", "057": "027", "06": "021", "061": "0211",
		"062": "0212", "063": "0213", "064": "0214", "07": "023", "071": "0231", "072": "0232", "073": "0233",
		"074": "0234", "08": "025", "081": "0251", "082": "0252", "083": "024", "0831": "0241",
		"0832": "0242", "0833": "0243", "0834": "0244", "084": "0253", "085": "0254", "086": "0255", "087": "0256",
	}
	demandCodes = map[string]string{
		"04": "106", "045": "108", "037": "107", "057": "107", "05": "102", "06": "101", "061": "1011",
		"062": "1012", "063": "1013", "064": "1014", "07": "103", "071": "1031", "072": "1032", "073": "1033",
		"074": "1034", "08": "105", "081": "1051", "082": "1052", "083": "104", "0831": "1041",
		"0832": "1042", "0833": "1043", "0834": "1044", "084": "1053", "085": "1054", "086": "1055", "087": "1056",
	}
	rejectCodes = map[string]string{
		"04": "125", "045": "126", "037": "127", "057": "127", "06": "121", "061": "1211", "062": "1212",
		"07": "122", "071": "1221", "072": "1222", "073": "1223", "074": "1224", "08": "124", "081": "1241",
		"082": "1242", "083": "123", "0831": "1231", "0832": "1232", "0833": "1233", "0834": "1234",
		"084": "1243", "085": "1244", "086": "1245", "087": "1246",
	}
)

// lookup returns the entry of table for code, most specific key first.
func lookup(table map[string]string, code, general string) string {
	for n := len(code); n >= 2; n-- {
		if c, ok := table[code[:n]]; ok {
			return c
		}
	}
	return general
}

// cooperative reports whether a code lies in the cooperative half of CAMEO
// (roots 01-08).
func cooperative(code string) bool { return len(code) >= 2 && code[:2] <= "08" }

// materialConflict reports whether a code is a conflictual deed (roots
// 14-20), which a future or conditional tense turns into a threat.
func materialConflict(code string) bool { return len(code) >= 2 && code[:2] >= "14" }

// combine returns the code of an action framed by f: an intent, appeal,
// demand, rejection or threat whose object is the action.
func combine(f frame, a *verb.Action) string {
	code := a.CAMEO
	switch f {
	case intentFrame:
		if !cooperative(code) {
			return lookup(threatCodes, code, "130")
		}
		if code[:2] <= "03" {
			return code // already an intent or a statement
		}
		return lookup(intentCodes, code, "030")
	case threatFrame:
		return lookup(threatCodes, code, "130")
	case appealFrame:
		return lookup(appealCodes, code, "020")
	case demandFrame:
		return lookup(demandCodes, code, "100")
	case rejectFrame:
		return refusal(a)
	}
	return code
}

// refusal returns the 12x code of refusing an action: the lexicon's
// negated code when it has one, else the reject table's.
func refusal(a *verb.Action) string {
	if a.Negated != "" {
		return a.Negated
	}
	return lookup(rejectCodes, a.CAMEO, "120")
}
