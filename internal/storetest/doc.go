// Package storetest is the conformance suite for implementations of
// redline.Store. Each store's tests call Run with a function that opens a
// new, empty store, so that every store answers the same questions the same
// way: what it saves comes back field for field, saving a document twice
// changes nothing, filters match and pages as documented, records order by
// the first day of their date whatever its grain, full-text search stems
// words, and a store survives concurrent writers and readers.
//
// The suite saves the extractions of Fixtures, three small documents whose
// records are named in the tests by document and index ("d3/s2" is
// statement 2 of document d3). Stores that look up the country of a speaker
// or actor must use CountryOf.
package storetest
