// Package locate finds the district, and so the district inspector, that
// serves a place: a point a resident shared (Index.District,
// Index.NearestPrecinct) or an address they typed (Index.Address), or a
// street they chose from buttons (Index.Lookup).
//
// An Index is built once from a core.City and answers from memory:
//
//   - Points. Each polygon of each district's boundary is indexed by its
//     bounding box in an R-tree (tidwall/rtree); the boxes around a point
//     are then tested with orb/planar, which excludes holes and counts
//     borders in. Precinct locations are in a second R-tree, searched
//     nearest first with a great-circle bound.
//
//   - Addresses. Street names and aliases, in every language, are reduced
//     to a key: transliterated to a coarse Latin skeleton (translit.go),
//     without type words such as "ул.", "көшесі" or "avenue" (kinds.go),
//     run together so that hyphens and spaces do not matter
//     (normalize.go). Keys that differ only by the Russian genitive ending
//     share a stem ("Ерубаева", "Ерубаев"); stems are found by a map, and
//     stems within a typo or two by a symmetric-delete index (fuzzy.go). A
//     query loses its flat, office, entrance and floor (units.go), is
//     taken apart into a street and a house number (query.go) and goes
//     through the same steps.
//
// Matching is lossy by design: two spellings that fold onto one skeleton
// cannot be told apart, so the worst a fold can do is offer the resident
// two streets to choose from.
package locate
