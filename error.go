package redline

import (
	"errors"
	"fmt"
)

// Error codes for failures a user can act on. They map to exit codes in the
// command and to statuses in the HTTP server, each in one place.
const (
	EINVALID  = "invalid"   // bad input: a malformed file, flag or query
	ENOTFOUND = "not_found" // a named record does not exist
	ECONFLICT = "conflict"  // the request contradicts what is stored
	EINTERNAL = "internal"  // a bug or an environment failure
)

// Error is a failure to show to the user as it is. Internal detail belongs
// in wrapped errors and logs, not in Message.
type Error struct {
	Code    string
	Message string
}

// Error returns the message, prefixed with the code.
func (e *Error) Error() string {
	return fmt.Sprintf("redline error: code=%s message=%s", e.Code, e.Message)
}

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the message of the first *Error in err's chain, or a
// generic message for any other error.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
