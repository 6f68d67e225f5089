// Package testsflag has per-object saves only in its tests: ormloop reports
// them when its tests flag is set.
package testsflag
