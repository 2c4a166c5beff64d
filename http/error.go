package http

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"redline"
)

// Error codes of failures that belong to HTTP rather than to the record;
// the record's own are redline.EINVALID, ENOTFOUND, ECONFLICT and
// EINTERNAL.
const (
	EUNAUTHORIZED   = "unauthorized"    // no token, or the wrong one
	EFORBIDDEN      = "forbidden"       // a cross-site or wrong-host request
	ETOOLARGE       = "too_large"       // a request body over the limit
	EMETHOD         = "method"          // a method the route does not take
	EPENDING        = "pending"         // an analysis still being computed; retry
	ENOTIMPLEMENTED = "not_implemented" // a capability not wired into this build
)

// statusOf maps an error code to an HTTP status.
var statusOf = map[string]int{
	redline.EINVALID:  http.StatusBadRequest,
	redline.ENOTFOUND: http.StatusNotFound,
	redline.ECONFLICT: http.StatusConflict,
	redline.EINTERNAL: http.StatusInternalServerError,
	EUNAUTHORIZED:     http.StatusUnauthorized,
	EFORBIDDEN:        http.StatusForbidden,
	ETOOLARGE:         http.StatusRequestEntityTooLarge,
	EMETHOD:           http.StatusMethodNotAllowed,
	EPENDING:          http.StatusServiceUnavailable,
	ENOTIMPLEMENTED:   http.StatusNotImplemented,
}

// ErrorStatus returns the HTTP status for err: the status of its code, or
// 500 for a code this package does not know.
func ErrorStatus(err error) int {
	return codeStatus(redline.ErrorCode(err))
}

// errorBody is the JSON form of an error: {"error": {"code", "message"}}.
type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// publicError returns the code and message to show for err. Internal
// errors are logged and shown as a generic message, never with their
// detail; a body over the size limit becomes ETOOLARGE.
func (s *Server) publicError(r *http.Request, err error) (code, msg string) {
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		return ETOOLARGE, "request body too large"
	}
	code = redline.ErrorCode(err)
	if code == redline.EINTERNAL {
		s.Logger.Error("request failed", slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Any("err", err))
		return code, "internal error"
	}
	return code, redline.ErrorMessage(err)
}

// apiError writes err as JSON with its status.
func (s *Server) apiError(w http.ResponseWriter, r *http.Request, err error) {
	code, msg := s.publicError(r, err)
	var body errorBody
	body.Error.Code, body.Error.Message = code, msg
	if code == EPENDING {
		w.Header().Set("Retry-After", "5")
	}
	writeJSON(w, codeStatus(code), body)
}

// codeStatus returns the status of a code, 500 for an unknown one.
func codeStatus(code string) int {
	if s, ok := statusOf[code]; ok {
		return s
	}
	return http.StatusInternalServerError
}

// writeJSON writes v as indented JSON with the status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		b = []byte(`{"error": {"code": "internal", "message": "cannot encode the response"}}`)
		status = http.StatusInternalServerError
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}
