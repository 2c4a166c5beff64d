// Package segment splits text into sentences and tokens.
//
// It is written for news prose: it keeps "U.S.", "Mr." and "Feb." whole and
// does not end a sentence after them unless the next word plainly starts
// one, keeps "2025-02-07", "1,000" and "7th" as single numbers, splits the
// possessive "'s" and the negation "n't" off their words (as the Penn
// Treebank does, so "Iran's" is "Iran" + "'s"), and treats a sentence-final
// mark followed by closing quotation marks as ending the sentence after the
// marks. A blank line always ends a sentence and starts a paragraph.
//
// Split makes one pass over the text and then visits only the few tokens
// that may end a sentence. It allocates twice per document, once for all
// its tokens and once for its sentences (a little more for a document of
// unusual length or density); every span is a byte range into the original
// text. Plain ASCII words and white space, most of English news, are taken
// a byte at a time through a table; runes are decoded only for the rest.
package segment
