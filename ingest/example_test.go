package ingest_test

import (
	"context"
	"fmt"
	"strings"
	"time"

	"redline"
	"redline/ingest"
)

func ExampleRead() {
	stdin := strings.NewReader(`{"id":"r1","date":"2013-02-07","text":"Talks collapsed."}
{"id":"r2","text":"No date of its own."}
{"id":"r3","text":
`)
	opts := ingest.Options{Date: time.Date(2025, 2, 7, 0, 0, 0, 0, time.UTC)}
	err := ingest.Read(context.Background(), ingest.Stdin, stdin, opts, func(doc *redline.Document, err error) error {
		if err != nil {
			fmt.Println("error:", err)
			return nil
		}
		fmt.Println(doc.Path, doc.Published, doc.Text)
		return nil
	})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// -#r1 2013-02-07 Talks collapsed.
	// -#r2 2025-02-07 No date of its own.
	// error: -:3: invalid JSON at column 18: unexpected end of JSON input
}
