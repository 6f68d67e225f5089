package intents

import "time"

// Constant counts up to 16 are code-bounded, including an increasing loop
// capped by min(n, c); a count of 17 or more is data.

func rangeTen() {
	for i := range 10 {
		write(i) // want `not per-iteration`
	}
}

func constSixteenClause() {
	for i := 1; i <= 16; i++ {
		write(i) // want `not per-iteration`
	}
}

func countLookAlikeSeventeen() {
	for i := range 17 {
		write(i) // want `per-iteration of 17 \(per-element\)`
	}
}

func cappedByMin(n int) {
	for i := 0; i < min(n, 4); i++ {
		write(i) // want `not per-iteration`
	}
}

func rangeCappedByMin(n int) {
	for i := range min(n, 12) {
		write(i) // want `not per-iteration`
	}
}

func cappedLookAlikeBigCap(n int) {
	for i := 0; i < min(n, 1000); i++ {
		write(i) // want `per-iteration of i < min\(n, 1000\) \(per-element\)`
	}
}

func cappedLookAlikeMax(n int) {
	for i := 0; i < max(n, 4); i++ {
		write(i) // want `per-iteration of i < max\(n, 4\) \(per-element\)`
	}
}

type seed struct {
	Name string
	At   time.Time
}

// A short literal whose items call functions still has a fixed length.
func literalWithCalls(now time.Time) {
	for _, s := range []seed{{Name: "a", At: now.Add(-time.Hour)}, {Name: "b", At: now.Add(-2 * time.Hour)}} {
		write(s) // want `not per-iteration`
	}
}

func literalWithCallsLookAlikeLong(now time.Time) {
	for _, at := range []time.Time{now.Add(1), now.Add(2), now.Add(3), now.Add(4), now.Add(5), now.Add(6), now.Add(7), now.Add(8), now.Add(9)} {
		write(at) // want `per-iteration of \[\]time.Time{…} \(per-element\)`
	}
}

// Paced: a range over data that sleeps a constant time, or waits for a
// tick, on every iteration.

func pacedSleep(users []user) {
	for _, u := range users {
		write(u) // want `not per-iteration`
		time.Sleep(100 * time.Millisecond)
	}
}

func pacedTicker(ch <-chan user, t *time.Ticker) {
	for u := range ch {
		<-t.C
		write(u) // want `not per-iteration`
	}
}

func pacedLookAlikeVariableDelay(users []user, delay time.Duration) {
	for _, u := range users {
		write(u) // want `per-iteration of users \(per-element\)`
		time.Sleep(delay)
	}
}

func pacedLookAlikeSometimes(users []user) {
	for i, u := range users {
		write(u) // want `per-iteration of users \(per-element\)`
		if i%100 == 99 {
			time.Sleep(time.Second)
		}
	}
}

func pacedLookAlikeCounting(n int) {
	for i := range n {
		write(i) // want `per-iteration of n \(per-element\)`
		time.Sleep(time.Second)
	}
}

// An id window: a variable step whose far end the body computes.
func idWindows(lo, hi, step int64) {
	for from := lo; from <= hi; from += step {
		write(from, from+step) // want `not per-iteration`
	}
}

func windowLookAlikeEveryStep(users []user, step int) {
	for i := 0; i < len(users); i += step {
		write(users[i]) // want `per-iteration of users \(per-element\)`
	}
}
