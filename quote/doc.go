// Package quote finds statements: who said what, in direct quotes, mixed
// quotes and reported speech, and what the words commit the speaker to.
//
// It works on the sentences, tokens and actor mentions the earlier stages
// produced. Direct quotes are paired quotation marks (straight, curly or
// guillemets; an unclosed mark is closed at the end of its paragraph). A
// quote's speaker is the actor next to a reporting cue in the same sentence
// ("...," Khamenei said; he said: "..."; "...," said the minister); a
// quote with no cue takes the speaker of the quote before it in the same
// or previous paragraph, or the person a preceding sentence introduced
// ("This is what he said:"). Reported speech is a cue with an actor as its
// subject and the rest of the sentence as its content ("he dismissed
// negotiations as useless"; "according to the ministry, ...").
//
// Pronouns resolve to the most recent compatible mention: "he" and "she" to
// the last person of that gender (or of unknown gender), "they" and "it" to
// the last state or organisation.
//
// The content of each statement is then read for its topic (an action from
// the verb lexicon), its target, its stance toward the topic, how firmly
// the speaker commits, its conditions, and whether it threatens or
// promises; see assess.go. The speaker's own words are the speaker's: the
// author's claims around them are not attributed to anyone.
package quote
