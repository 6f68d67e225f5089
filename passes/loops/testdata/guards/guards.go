// Package guards covers threshold flushes and branches that leave the loop.
package guards

import (
	"bytes"
	"context"
	"errors"
	"log"
	"time"
)

type user struct {
	Name string
	Tags []string
	Age  int
}

func write(args ...any) error { return nil }

const batchSize = 1000

func lenGuard(users []user) {
	var buf []user
	for _, u := range users {
		buf = append(buf, u)
		if len(buf) >= batchSize {
			write(buf) // want `not per-iteration`
			buf = buf[:0]
		}
	}
	write(buf) // want `not per-iteration`
}

func lenGuardReversed(users []user, max int) {
	var buf []user
	for _, u := range users {
		buf = append(buf, u)
		if max <= len(buf) {
			write(buf) // want `not per-iteration`
			buf = nil
		}
	}
}

func counterGuard(users []user) {
	n := 0
	for _, u := range users {
		write(u) // want `per-iteration of users \(per-element\)`
		n++
		if n == batchSize {
			write("commit") // want `not per-iteration`
			n = 0
		}
	}
}

// birthday increments a field: the field object is shared by every user,
// so a sign test on it elsewhere must stay a record filter.
func birthday(u *user) { u.Age++ }

func fieldFilterIsNoGuard(users []user) {
	for _, u := range users {
		if u.Age < 0 {
			continue
		}
		write(u) // want `per-iteration of users \(per-element\)`
	}
}

type flusher struct{ count, limit int }

func (f *flusher) add(u user) { f.count++ }

func fieldCounterGuard(f *flusher, users []user) {
	for _, u := range users {
		f.add(u)
		if f.count >= f.limit {
			write("flush") // want `not per-iteration`
			f.count = 0
		}
	}
}

func moduloGuard(users []user) {
	for i, u := range users {
		_ = u
		if i%1000 == 0 {
			write("checkpoint", i) // want `not per-iteration`
		}
	}
}

func capGuard(users []user) {
	buf := make([]user, 0, 64)
	for _, u := range users {
		buf = append(buf, u)
		if len(buf) == cap(buf) {
			write(buf) // want `not per-iteration`
			buf = buf[:0]
		}
	}
}

func initGuard(users []user) {
	var buf []user
	for _, u := range users {
		buf = append(buf, u)
		if full := len(buf) >= batchSize; full {
			write(buf) // want `not per-iteration`
		}
	}
}

func switchGuard(users []user) {
	var buf []user
	for _, u := range users {
		buf = append(buf, u)
		switch {
		case len(buf) >= batchSize:
			write(buf) // want `not per-iteration`
		default:
			write(u) // want `per-iteration of users \(per-element\)`
		}
	}
}

func earlyContinue(users []user) {
	var buf []user
	for _, u := range users {
		buf = append(buf, u)
		if len(buf) < batchSize {
			continue
		}
		write(buf) // want `not per-iteration`
		buf = buf[:0]
	}
}

func sizerGuard(users []user) {
	var b bytes.Buffer
	for _, u := range users {
		b.WriteString(u.Name)
		if b.Len() > 1<<20 {
			write(b.Bytes()) // want `not per-iteration`
			b.Reset()
		}
	}
}

func guardInClosure(users []user) {
	var buf []user
	for _, u := range users {
		buf = append(buf, u)
		if len(buf) >= batchSize {
			func() {
				write(buf) // want `not per-iteration`
			}()
		}
	}
}

func timerCase(ctx context.Context, in <-chan user, t *time.Ticker) {
	var buf []user
	for {
		select {
		case u := <-in:
			buf = append(buf, u)
		case <-t.C:
			write(buf) // want `not per-iteration`
			buf = nil
		case <-ctx.Done():
			write(buf) // want `not per-iteration`
			return
		}
	}
}

// Look-alikes: filters are no thresholds.

func filterEmpty(users []user) {
	for _, u := range users {
		if len(u.Name) == 0 {
			continue
		}
		write(u) // want `per-iteration of users \(per-element\)`
	}
}

func filterField(users []user) {
	for _, u := range users {
		if u.Age > 18 {
			write(u) // want `per-iteration of users \(per-element\)`
		}
	}
}

func filterNonEmpty(users []user) {
	for _, u := range users {
		if len(u.Tags) > 0 {
			write(u) // want `per-iteration of users \(per-element\)`
		}
	}
}

// Branches that leave the loop run once.

func errorBranch(users []user) error {
	for _, u := range users {
		if u.Name == "" {
			write("failed", u) // want `not per-iteration`
			return errors.New("empty name")
		}
		write(u) // want `per-iteration of users \(per-element\)`
	}
	return nil
}

func breakBranch(users []user) {
	for _, u := range users {
		if u.Age < 0 {
			write("stop") // want `not per-iteration`
			break
		}
	}
}

func fatalBranch(users []user) {
	for _, u := range users {
		if u.Age < 0 {
			write("fatal") // want `not per-iteration`
			log.Fatal("negative age")
		}
	}
}

func innerBreakIsPerElement(users []user, hosts []string) {
	for _, u := range users {
		for _, h := range hosts {
			if h == u.Name {
				write(u) // want `per-iteration of users \(per-element\)`
				break
			}
		}
	}
}

func retryBreakIsPerElement(users []user) {
	for _, u := range users {
		for attempt := 0; attempt < 3; attempt++ {
			if err := write(u); err == nil { // want `per-iteration of users \(per-element\)`
				write("audit", u) // want `per-iteration of users \(per-element\)`
				break
			}
		}
	}
}

func labeledBreak(groups [][]user) {
outer:
	for _, g := range groups {
		for _, u := range g {
			if u.Age < 0 {
				write("bad group") // want `not per-iteration`
				break outer
			}
			write(u) // want `per-iteration of g \(per-element\)`
		}
	}
}

func branchWithContinue(users []user) error {
	for _, u := range users {
		if u.Age < 0 {
			write(u) // want `per-iteration of users \(per-element\)`
			if u.Name == "" {
				continue
			}
			return errors.New("negative")
		}
	}
	return nil
}

func callbackReturn(users []user, each func(func(user) bool)) {
	each(func(u user) bool {
		write(u) // want `not per-iteration`
		return true
	})
}

func batcher(ctx context.Context, in <-chan user) {
	buf := make([]user, 0, 1000)
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case u, ok := <-in:
			if !ok {
				write(buf) // want `not per-iteration`
				return
			}
			buf = append(buf, u)
			if len(buf) == cap(buf) {
				write(buf) // want `not per-iteration`
				buf = buf[:0]
			}
		case <-t.C:
			if len(buf) > 0 {
				write(buf) // want `not per-iteration`
				buf = buf[:0]
			}
		case <-ctx.Done():
			return
		}
	}
}

func ageGuard(users []user, maxWait time.Duration) {
	var buf []user
	last := time.Now()
	deadline := last.Add(maxWait)
	for _, u := range users {
		buf = append(buf, u)
		if time.Since(last) >= maxWait {
			write(buf) // want `not per-iteration`
			last = time.Now()
		}
		if time.Now().After(deadline) {
			write(buf) // want `not per-iteration`
		}
	}
}

func timeFilterIsNoGuard(users []user, cutoff time.Time, created func(user) time.Time) {
	for _, u := range users {
		if created(u).After(cutoff) {
			write(u) // want `per-iteration of users \(per-element\)`
		}
	}
}
