package redline

// Digest is every stored statement and event in compact form: the fields
// the analyses filter, group, order and compare records by, with each
// distinct actor, date and word kept once and named by its index. A
// million records read this way cost a few bytes each instead of a dozen
// decoded strings, and an analysis fetches the full records of what it
// reports by Ref (Store.StatementsAt, Store.EventsAt).
//
// Statements and Events are in the order Store.Statements and Store.Events
// return them.
type Digest struct {
	Docs   []string   // document IDs
	Actors []ActorRef // Actors[0] stands for no actor (a nil target)
	Dates  []Date     // values and grains; anchors are not kept
	Words  []string   // topics, verbs, stances, commitments, modes, codes

	Statements []StatementDigest
	Events     []EventDigest
}

// StatementDigest is a statement in a Digest. Doc indexes Digest.Docs;
// Speaker and Target index Digest.Actors (Target 0 is no target); Said
// indexes Digest.Dates; Topic, Stance and Commitment index Digest.Words.
// Conditional is true when the statement has conditions.
type StatementDigest struct {
	Ref         int64
	Doc         int32
	Sentence    int32
	Speaker     int32
	Target      int32
	Said        int32
	Topic       int32
	Stance      int32
	Commitment  int32
	Threat      bool
	Promise     bool
	Conditional bool
}

// EventDigest is an event in a Digest, indexed as StatementDigest is:
// Actor and Target into Digest.Actors, Date into Digest.Dates, and Verb,
// CAMEO, PLOVER and Mode into Digest.Words.
type EventDigest struct {
	Ref      int64
	Doc      int32
	Sentence int32
	Actor    int32
	Target   int32
	Date     int32
	Verb     int32
	CAMEO    int32
	PLOVER   int32
	Mode     int32
	Quad     int32
}
