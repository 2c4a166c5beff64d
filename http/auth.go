package http

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"strings"

	"redline"
)

// sessionCookie carries a browser's proof that it knows the token.
const sessionCookie = "redline_session"

// mac returns the hex HMAC-SHA256 of msg under key.
func mac(key []byte, msg string) string {
	h := hmac.New(sha256.New, key)
	h.Write([]byte(msg))
	return hex.EncodeToString(h.Sum(nil))
}

// equal compares two secrets in constant time.
func equal(a, b string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// session is the value of the session cookie for the server's token: a
// keyed hash, so the cookie never holds the token itself.
func (s *Server) session() string { return mac([]byte(s.Token), "session") }

// formToken is the hidden field every form that writes carries. A page on
// another site cannot read it, so it cannot forge the form.
func (s *Server) formToken() string { return mac(s.secret, "form") }

// hasToken reports whether r proves it knows the token: by an
// "Authorization: Bearer" header or the session cookie.
func (s *Server) hasToken(r *http.Request) bool {
	if s.Token == "" {
		return true
	}
	if auth, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok && equal(strings.TrimSpace(auth), s.Token) {
		return true
	}
	if c, err := r.Cookie(sessionCookie); err == nil && equal(c.Value, s.session()) {
		return true
	}
	return false
}

// readAllowed reports whether r may read: always on a loopback address,
// otherwise only with the token.
func (s *Server) readAllowed(r *http.Request) bool {
	return s.loopback || s.hasToken(r)
}

// checkWrite returns nil when r may change the store: it carries the
// token (when one is set) by header or session, or the token typed into
// the form; and a form, which a browser could have been made to send,
// carries the form token.
func (s *Server) checkWrite(r *http.Request, form bool) error {
	if form && !equal(r.PostFormValue("form_token"), s.formToken()) {
		return &redline.Error{Code: EFORBIDDEN, Message: "the form has expired or came from another site; reload the page and try again"}
	}
	if s.hasToken(r) || (form && equal(r.PostFormValue("token"), s.Token)) {
		return nil
	}
	return &redline.Error{Code: EUNAUTHORIZED, Message: "this server needs its token to store documents"}
}

// setSession gives the browser the session cookie.
func (s *Server) setSession(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: s.session(), Path: "/",
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
}
