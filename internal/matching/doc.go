// Package matching finds the offers that fit a client with several needs at
// once, explains why in German, and puts together a care plan. It is plain
// Go over what the store returns: the store retrieves candidates with
// CandidateFilter in one query, this package ranks them.
//
// # Hard constraints
//
// An offer is never shown when it is not ACTIVE; when the client's age lies
// outside the offer's age range; when the offer lists legal circuits and the
// client named others (an offer that lists none is open to all, and a client
// who names none is not checked, with the warning ELIGIBILITY_UNCHECKED);
// when the client wants only free offers and it is not FREE; when it lies
// farther than the client's maxDistanceKm (digital offers never do); when it
// is exclusively for target groups the client is not in (an offer is
// exclusive when it lists target groups and not ALL; a client who names no
// target group is not checked, with the warning EXCLUSIVE_TARGET_GROUP); and
// when it addresses none of the client's needs. The store applies the same
// filters; they are checked again here so that ranking never depends on a
// backend's reading of them. Exclusion says which constraint an offer fails.
//
// # Score
//
// Every remaining offer gets a score in [0,1], a weighted mean of six
// criteria, each in [0,1]:
//
//	needs        0.40  share of the client's needs the offer covers
//	language     0.20  1 when the offer is held in one of the client's
//	                   languages; 0 otherwise (warning GERMAN_ONLY
//	                   "nur auf Deutsch", or LANGUAGE_MISMATCH); a German
//	                   course taught in German only scores 0.5 and gets no
//	                   warning, because German is what it teaches
//	distance     0.15  1 − distance / radius, at least 0, where radius is
//	                   maxDistanceKm or 15 km; digital offers score 1, an
//	                   offer without coordinates 0.5
//	childcare    0.10  1 when the offer has childcare or is itself childcare
//	                   or a Passagegruppe; 0 otherwise (warning NO_CHILDCARE)
//	free places  0.10  1 with free places, 0.5 when unknown, 0 when full
//	                   (warning NO_FREE_PLACES)
//	target group 0.05  1 when the offer is made for one of the client's
//	                   target groups, 0.5 otherwise
//
// A criterion the profile says nothing about does not count: language when
// the client names no language, distance when the client gives neither
// location nor district, childcare when the client does not need it. The
// score is the sum of weight × value over the criteria that count, divided
// by the sum of their weights, so an offer that is perfect in every respect
// that counts scores 1. Scores are rounded to four decimals; equal scores
// are ordered by offer id, so the ranking is deterministic.
//
// A German course (integration or language course) with its own childcare
// also covers the need FAMILY_CHILDCARE of a client who needs childcare: it
// is the care during the course the client asked for.
//
// # Reasons
//
// Each match carries reasons and warnings, each a stable code and a German
// text: NEEDS "deckt Sprache und Arbeit ab", LANGUAGE "spricht Arabisch",
// DISTANCE "1,2 km entfernt", DIGITAL "digital", CHILDCARE
// "Kinderbetreuung vorhanden", FREE_PLACES "3 freie Plätze", TARGET_GROUP
// "für Frauen", FREE "kostenlos"; warnings GERMAN_ONLY, LANGUAGE_MISMATCH,
// NO_CHILDCARE "keine Kinderbetreuung", NO_FREE_PLACES "keine freien Plätze",
// EXCLUSIVE_TARGET_GROUP "nur für Frauen", ELIGIBILITY_UNCHECKED "nur für
// Rechtskreis SGB II", COST "kostenpflichtig" or "ermäßigter Beitrag".
//
// # Care plan
//
// Plan solves a small weighted set cover greedily. Each offer costs
// 1 + 2 × (1 − score) + 1 × spread, where spread is the distance to the
// nearest offer already in the plan as a share of the search radius (at
// most 1), so the plan keeps to one part of town. Plan repeatedly takes the
// offer with the most not yet covered needs per cost, ties going to the
// better-ranked offer, and stops when every need is covered or no offer
// adds one. An offer covering two needs thus beats two single offers unless
// it is much worse. Afterwards offers whose needs the rest of the plan
// covers too are dropped. When the client needs childcare and the plan's
// German course has none (and no childcare offer in the plan lies within
// 2 km of it), Plan looks for a childcare offer or Passagegruppe within 2 km
// of the course, preferring one with free places, then the nearest, and adds
// it right after the course with the reason NEAR_COURSE "Kinderbetreuung
// 300 m vom Kurs „…“ entfernt"; if there is none, the course gets the
// warning NO_CHILDCARE_NEARBY. The needs no offer covers are reported as
// uncovered, and UnmetNeeds turns them into records for strategic steering.
package matching
