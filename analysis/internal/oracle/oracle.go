// Package oracle keeps the analyses as they were written before the
// analysis package learnt to run them over a store's digest: record by
// record, over full statements and events. The analysis tests run both on
// random records and require the same answers; nothing else imports it.
package oracle

import (
	"time"

	"redline"
)

// Reversal, Gap and the other result types are as the analysis package
// declares them, with the same JSON encoding.
type Reversal struct {
	Speaker redline.ActorRef  `json:"speaker"`
	Topic   string            `json:"topic"`
	Target  *redline.ActorRef `json:"target"`
	Before  redline.Statement `json:"before"`
	After   redline.Statement `json:"after"`
	Days    int               `json:"days"`
}

type Gap struct {
	Statement   redline.Statement `json:"statement"`
	Event       redline.Event     `json:"event"`
	Explanation string            `json:"explanation"`
}

// DefaultWindow is the reversal window of the analysis package.
const DefaultWindow = 90 * 24 * time.Hour
