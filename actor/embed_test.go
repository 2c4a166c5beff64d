package actor

import (
	"testing"

	"redline"
	"redline/dict"
	"redline/segment"
)

// unMembers are the ISO 3166-1 alpha-3 codes of the 193 UN member states.
var unMembers = []string{
	"AFG", "ALB", "DZA", "AND", "AGO", "ATG", "ARG", "ARM", "AUS", "AUT", "AZE", "BHS", "BHR", "BGD", "BRB", "BLR",
	"BEL", "BLZ", "BEN", "BTN", "BOL", "BIH", "BWA", "BRA", "BRN", "BGR", "BFA", "BDI", "CPV", "KHM", "CMR", "CAN",
	"CAF", "TCD", "CHL", "CHN", "COL", "COM", "COG", "COD", "CRI", "CIV", "HRV", "CUB", "CYP", "CZE", "DNK", "DJI",
	"DMA", "DOM", "ECU", "EGY", "SLV", "GNQ", "ERI", "EST", "SWZ", "ETH", "FJI", "FIN", "FRA", "GAB", "GMB", "GEO",
	"DEU", "GHA", "GRC", "GRD", "GTM", "GIN", "GNB", "GUY", "HTI", "HND", "HUN", "ISL", "IND", "IDN", "IRN", "IRQ",
	"IRL", "ISR", "ITA", "JAM", "JPN", "JOR", "KAZ", "KEN", "KIR", "KWT", "KGZ", "LAO", "LVA", "LBN", "LSO", "LBR",
	"LBY", "LIE", "LTU", "LUX", "MDG", "MWI", "MYS", "MDV", "MLI", "MLT", "MHL", "MRT", "MUS", "MEX", "FSM", "MDA",
	"MCO", "MNG", "MNE", "MAR", "MOZ", "MMR", "NAM", "NRU", "NPL", "NLD", "NZL", "NIC", "NER", "NGA", "PRK", "MKD",
	"NOR", "OMN", "PAK", "PLW", "PAN", "PNG", "PRY", "PER", "PHL", "POL", "PRT", "QAT", "KOR", "ROU", "RUS", "RWA",
	"KNA", "LCA", "VCT", "WSM", "SMR", "STP", "SAU", "SEN", "SRB", "SYC", "SLE", "SGP", "SVK", "SVN", "SLB", "SOM",
	"ZAF", "SSD", "ESP", "LKA", "SDN", "SUR", "SWE", "CHE", "SYR", "TJK", "TZA", "THA", "TLS", "TGO", "TON", "TTO",
	"TUN", "TUR", "TKM", "TUV", "UGA", "UKR", "ARE", "GBR", "USA", "URY", "UZB", "VUT", "VEN", "VNM", "YEM", "ZMB",
	"ZWE",
}

func TestEmbedded(t *testing.T) {
	g, err := Load(dict.FS)
	if err != nil {
		t.Fatalf("Load(dict.FS):\n%v", err)
	}
	if len(unMembers) != 193 {
		t.Fatalf("the test lists %d UN members, want 193", len(unMembers))
	}
	for _, id := range append(unMembers, "VAT", "PSE", "TWN", "XKX", "SUN") {
		if a, ok := g.Actor(id); !ok || a.Kind != redline.KindState {
			t.Errorf("Actor(%q) = %+v, %v, want a state", id, a, ok)
		}
	}
	for _, id := range []string{"UNO", "UNSC", "IAEA", "NATO", "EU", "E3", "IRGC", "HAMAS", "HEZBOLLAH", "HOUTHIS", "KREMLIN"} {
		if _, ok := g.Actor(id); !ok {
			t.Errorf("Actor(%q) not found", id)
		}
	}
	if got := g.CountryOf("IRGC"); got != "IRN" {
		t.Errorf("CountryOf(IRGC) = %q, want IRN", got)
	}
	if got := g.Members("E3"); len(got) != 3 {
		t.Errorf("Members(E3) = %v, want FRA, DEU, GBR", got)
	}
}

func TestEmbeddedRoles(t *testing.T) {
	g, err := Load(dict.FS)
	if err != nil {
		t.Fatalf("Load(dict.FS):\n%v", err)
	}
	tests := []struct{ text, date, want string }{
		{"Iran's president", "2013-09-01", "hassan-rouhani"},
		{"Iran's president", "2013-08-02", "mahmoud-ahmadinejad"},
		{"Iran's president", "2025-02-07", "masoud-pezeshkian"},
		{"The Supreme Leader", "1989-06-03", "ruhollah-khomeini"},
		{"The Supreme Leader", "1989-06-04", "ali-khamenei"},
		{"the US secretary of state", "2013-02-01", "john-kerry"},
		{"the Russian foreign minister", "2025-02-07", "sergey-lavrov"},
		{"the Soviet foreign minister", "1986-01-01", "eduard-shevardnadze"},
		{"the British prime minister", "2016-07-13", "theresa-may"},
		{"the German chancellor", "2025-02-07", "olaf-scholz"},
		{"the Saudi crown prince", "2025-02-07", "mohammed-bin-salman"},
		{"Oman's foreign minister", "2025-02-07", "badr-albusaidi"},
		{"the UN Secretary-General", "2025-02-07", "antonio-guterres"},
		{"IAEA Director General Rafael Grossi", "2025-02-07", "rafael-grossi"},
		{"President Zelensky", "2025-02-07", "volodymyr-zelenskyy"},
		{"Kim Jong-un", "2025-02-07", "kim-jong-un"},
		{"the Israeli prime minister", "2022-01-01", "naftali-bennett"},
		{"Qatar's emir", "2010-01-01", "hamad-bin-khalifa-al-thani"},
	}
	for _, tt := range tests {
		ms := g.Match(tt.text, segment.Split(tt.text), day(tt.date))
		if len(ms) != 1 || ms[0].Actor.ID != tt.want || ms[0].Span.In(tt.text) != tt.text {
			t.Errorf("Match(%q, %s) = %+v, want one mention of %s covering the text", tt.text, tt.date, ms, tt.want)
		}
	}
}
