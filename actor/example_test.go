package actor_test

import (
	"fmt"
	"time"

	"redline/actor"
	"redline/dict"
	"redline/segment"
)

func Example() {
	g, err := actor.Load(dict.FS)
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "Iran's president told US envoys in Tehran that the Supreme Leader had not changed his mind."
	for _, date := range []string{"2013-09-01", "2025-02-07"} {
		day, _ := time.Parse(time.DateOnly, date)
		fmt.Println(date)
		for _, m := range g.Match(text, segment.Split(text), day) {
			fmt.Printf("  %-20q %-8s %s\n", m.Span.In(text), m.Kind, m.Actor.Name)
		}
	}
	// Output:
	// 2013-09-01
	//   "Iran's president"   role     Hassan Rouhani
	//   "US"                 name     United States
	//   "Tehran"             capital  Iran
	//   "the Supreme Leader" role     Ali Khamenei
	// 2025-02-07
	//   "Iran's president"   role     Masoud Pezeshkian
	//   "US"                 name     United States
	//   "Tehran"             capital  Iran
	//   "the Supreme Leader" role     Ali Khamenei
}
