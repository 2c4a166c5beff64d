package actor

import (
	"strings"

	"redline"
)

// IsPerson reports whether a mention names a person rather than a state,
// organisation or group. A role phrase that no one held on the reference
// day names the state, and is not a person.
func IsPerson(m redline.Mention) bool { return m.Person }

// SameActor reports whether two mentions name the same actor.
func SameActor(a, b redline.Mention) bool { return a.Actor.ID == b.Actor.ID }

// SameSide reports whether two mentions name actors on the same side: the
// same state (a person, their ministry and their state), or the same
// international organisation.
func SameSide(a, b redline.Mention) bool { return a.Country != "" && a.Country == b.Country }

// Agrees reports whether a third-person pronoun could refer to the actor a
// mention names, by person, gender and number: "he" needs a person not
// known to be a woman, "she" one not known to be a man, "it" a singular
// state, organisation or group, and "they" a plural or a collective (news
// writes "Iran said they would..."). It does not choose among candidates;
// coreference does that.
func Agrees(m redline.Mention, pronoun string) bool {
	switch strings.ToLower(pronoun) {
	case "he", "him", "his", "himself":
		return m.Person && m.Gender != "f"
	case "she", "her", "hers", "herself":
		return m.Person && m.Gender != "m"
	case "it", "its", "itself":
		return !m.Person && !m.Plural
	case "they", "them", "their", "theirs", "themselves":
		return m.Plural || !m.Person
	}
	return false
}
