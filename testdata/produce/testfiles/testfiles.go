// Package testfiles has a one-record produce loop only in its tests.
package testfiles
