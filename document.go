package redline

import (
	"crypto/sha256"
	"encoding/hex"
)

// Document is one article, speech or transcript as read from its source.
// ID is a hash of the text, so the same text read twice, from any path, is
// the same document.
type Document struct {
	ID        string `json:"id"`
	Path      string `json:"path,omitempty"`
	Source    string `json:"source,omitempty"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
	Published Date   `json:"published"`
	Text      string `json:"-"`
}

// DocumentID returns the content hash that identifies a document with the
// given text: the first 16 bytes of its SHA-256, in hex.
func DocumentID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:16])
}

// DocumentFilter selects stored documents. Zero fields match everything.
type DocumentFilter struct {
	ID     string
	Limit  int
	Offset int
}
