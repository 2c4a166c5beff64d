package redline

// TimeType is the TimeML type of a time expression.
type TimeType string

// Time expression types.
const (
	TimeDate     TimeType = "date"     // a calendar point or period: "7 February", "2013"
	TimeTime     TimeType = "time"     // a time of day: "10:30 am"
	TimeDuration TimeType = "duration" // a length: "three years" (value "P3Y")
	TimeSet      TimeType = "set"      // a recurrence: "every week"
)

// TimeExpr is a time expression found in text and normalised. Value is a
// TimeML value: a calendar value ("2025-02-07"), a duration ("P3Y") or a
// reference ("PRESENT_REF", "PAST_REF", "FUTURE_REF"). Mod is a TimeML
// modifier such as START, MID, END or APPROX. Anchor says what a relative
// expression was computed from.
type TimeExpr struct {
	Text   string   `json:"text"`
	Span   Span     `json:"span"`
	Value  string   `json:"value"`
	Grain  Grain    `json:"grain"`
	Type   TimeType `json:"type"`
	Mod    string   `json:"mod,omitempty"`
	Anchor Anchor   `json:"anchor"`
}

// Deadline is a future date attached to an action: "the October snapback
// deadline" in a February 2025 article is 2025-10 with the action
// "snapback".
type Deadline struct {
	Doc      string    `json:"doc,omitempty"`
	Sentence int       `json:"sentence"`
	Action   string    `json:"action"`
	Date     Date      `json:"date"`
	Actor    *ActorRef `json:"actor,omitempty"`
	Text     string    `json:"text"`
	Span     Span      `json:"span"`
}
