//go:build race
// +build race

package internal

const RaceEnabled = true
