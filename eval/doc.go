// Package eval measures redline's stages against the field's own test
// sets. For time expressions it reads the TempEval-3 TimeML files (inline
// TIMEX3 inside TEXT, the document creation time in DCT) and the MEANTIME
// stand-off XML (tokens, TIMEX3 with token anchors), runs timex.Tagger on
// the plain text, and scores the result the way TempEval-3 does:
//
//   - strict span match: same start and end;
//   - relaxed span match: any overlap (each gold and system expression is
//     matched at most once, exact matches first);
//   - value and type: attribute F1 on relaxed matches, with correct values
//     counted over system expressions for precision and over gold
//     expressions for recall; value and type accuracy over the relaxed
//     matches.
//
// Values are compared as written, except that a decade or century in
// redline's notation ("199X", "19XX") equals TimeML's short form ("199",
// "19"). Only TIMEX3 in the text count, never the creation time.
package eval
