package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"redline"
)

// record is one line of a JSONL file. ID is a string or a number.
type record struct {
	ID     json.RawMessage `json:"id"`
	Title  string          `json:"title"`
	Date   string          `json:"date"`
	URL    string          `json:"url"`
	Source string          `json:"source"`
	Text   *string         `json:"text"`
}

// jsonl reads a JSONL input, one document per non-blank line. A bad line
// is reported and skipped; a NUL byte ends the input as binary.
func (r *reader) jsonl(in input) error {
	lines := &lineReader{br: bufio.NewReader(in.r), max: r.opts.MaxSize}
	empty := true
	for {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		line, err := lines.next()
		var long *longLineError
		switch {
		case err == io.EOF && empty:
			return r.fail(errorf(in.name, 0, "empty file"))
		case err == io.EOF:
			return nil
		case errors.As(err, &long):
			empty = false
			if err := r.fail(&Error{Path: in.name, Line: lines.n, Err: err}); err != nil {
				return err
			}
			continue
		case err != nil:
			return r.fail(&Error{Path: in.name, Line: lines.n, Err: err})
		}
		if lines.n == 1 {
			line = bytes.TrimPrefix(line, bom)
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		empty = false
		if bytes.IndexByte(line, 0) >= 0 {
			return r.fail(errorf(in.name, lines.n, "binary file (contains NUL bytes)"))
		}
		if err := r.emit(parseRecord(in.name, lines.n, line, r.opts)); err != nil {
			return err
		}
	}
}

// parseRecord reads the document on line n of the JSONL input name.
func parseRecord(name string, n int, line []byte, opts Options) (*redline.Document, error) {
	if i := invalidUTF8(line); i >= 0 {
		return nil, errorf(name, n, "invalid UTF-8 (byte %#x at column %d)", line[i], i+1)
	}
	line = bytes.TrimSpace(line)
	if line[0] != '{' {
		return nil, errorf(name, n, "want a JSON object, got %q", excerpt(string(line)))
	}
	var rec record
	if err := json.Unmarshal(line, &rec); err != nil {
		return nil, &Error{Path: name, Line: n, Err: jsonError(err)}
	}
	id, err := recordID(rec.ID)
	if err != nil {
		return nil, &Error{Path: name, Line: n, Err: err}
	}
	if rec.Text == nil {
		return nil, errorf(name, n, "no \"text\" field")
	}
	day, err := publication(rec.Date, opts)
	if err != nil {
		return nil, &Error{Path: name, Line: n, Err: err}
	}
	doc := &redline.Document{Path: recordPath(name, n, id), Title: rec.Title, Source: rec.Source, URL: rec.URL}
	return finish(name, n, doc, *rec.Text, day, `add a "date" field or pass --date`)
}

// recordPath returns the Path of the document on line n of the JSONL
// input name: "name#id" when the record has an id, else "name#Ln".
func recordPath(name string, n int, id string) string {
	if id != "" {
		return name + "#" + id
	}
	return name + "#L" + strconv.Itoa(n)
}

// recordID returns the id of a record, which may be absent, null, a
// string or a number.
func recordID(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, nil
	}
	var num json.Number
	if err := json.Unmarshal(raw, &num); err == nil {
		return num.String(), nil
	}
	return "", fmt.Errorf("\"id\" is %s, want a string or a number", excerpt(string(raw)))
}

// jsonError makes a JSON error say where on the line it is, or which
// field has the wrong type.
func jsonError(err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Errorf("invalid JSON at column %d: %v", se.Offset, err)
	case errors.As(err, &te) && te.Field != "" && te.Type != nil:
		return fmt.Errorf("field %q: want %s, got %s", te.Field, te.Type, te.Value)
	}
	return fmt.Errorf("invalid JSON: %v", err)
}

// lineReader reads lines of at most max bytes. A longer line is read
// through and dropped, never held whole in memory.
type lineReader struct {
	br  *bufio.Reader
	max int64
	n   int    // the number of the line last returned
	buf []byte // the line last returned; reused
}

// longLineError reports a line longer than the limit.
type longLineError struct{ size, max int64 }

func (e *longLineError) Error() string {
	return fmt.Sprintf("line is %d bytes, larger than the limit of %d bytes", e.size, e.max)
}

// next returns the next line without its line ending, io.EOF after the
// last line, or a *longLineError for a line longer than max. The line is
// valid until the next call.
func (lr *lineReader) next() ([]byte, error) {
	lr.buf = lr.buf[:0]
	var size int64
	for {
		chunk, err := lr.br.ReadSlice('\n')
		size += int64(len(chunk))
		if size <= lr.max+2 { // room for "\r\n"
			lr.buf = append(lr.buf, chunk...)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF && size == 0 {
			return nil, io.EOF
		}
		lr.n++
		if err != nil && err != io.EOF {
			return nil, err
		}
		line := trimEOL(lr.buf)
		if size > lr.max+2 { // lr.buf holds only the start of the line
			size -= int64(len(chunk) - len(trimEOL(chunk)))
			return nil, &longLineError{size: size, max: lr.max}
		}
		if int64(len(line)) > lr.max {
			return nil, &longLineError{size: int64(len(line)), max: lr.max}
		}
		return line, nil
	}
}

// trimEOL drops a final "\n" or "\r\n" from b.
func trimEOL(b []byte) []byte {
	b = bytes.TrimSuffix(b, []byte("\n"))
	return bytes.TrimSuffix(b, []byte("\r"))
}
