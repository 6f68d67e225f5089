// Package funcs covers function literals: which run per iteration and which
// are only stored.
package funcs

import (
	"context"
	"slices"
	"sync"

	"golang.org/x/sync/errgroup"
)

type user struct{ Name string }

func write(args ...any) error { return nil }

func where() {}

func calledInPlace(users []user) {
	for _, u := range users {
		func() {
			write(u) // want `per-iteration of users \(per-element\)`
		}()
	}
}

func deferred(users []user) {
	for _, u := range users {
		defer func() {
			write(u) // want `per-iteration of users \(per-element\)`
		}()
	}
}

func deferInsideCalledLiteral(users []user) {
	for _, u := range users {
		func() {
			defer write(u) // want `per-iteration of users \(per-element\)`
		}()
	}
}

func launched(users []user) {
	var wg sync.WaitGroup
	for _, u := range users {
		wg.Add(1)
		go func() {
			defer wg.Done()
			write(u) // want `per-iteration in a goroutine of users \(per-element\)`
		}()
	}
	wg.Wait()
}

func errgroupGo(ctx context.Context, users []user) error {
	g, ctx := errgroup.WithContext(ctx)
	for _, u := range users {
		g.Go(func() error {
			return write(ctx, u) // want `per-iteration in a goroutine of users \(per-element\)`
		})
	}
	return g.Wait()
}

func errgroupTryGo(users []user) {
	var g errgroup.Group
	for _, u := range users {
		g.TryGo(func() error {
			return write(u) // want `per-iteration in a goroutine of users \(per-element\)`
		})
	}
}

func waitGroupGo(users []user) {
	var wg sync.WaitGroup
	for _, u := range users {
		wg.Go(func() {
			write(u) // want `per-iteration in a goroutine of users \(per-element\)`
		})
	}
	wg.Wait()
}

func closureBefore(users []user) {
	save := func(u user) {
		write(u) // want `per-iteration of users \(per-element\)`
	}
	for _, u := range users {
		save(u)
	}
}

func closureInside(users []user) {
	for _, u := range users {
		save := func() {
			write(u) // want `per-iteration of users \(per-element\)`
		}
		save()
	}
}

func closureVar(users []user) {
	var save = func(u user) {
		write(u) // want `per-iteration of users \(per-element\)`
	}
	for _, u := range users {
		save(u)
	}
}

func closureLaunched(users []user) {
	var g errgroup.Group
	for _, u := range users {
		job := func() error { return write(u) } // want `per-iteration in a goroutine of users \(per-element\)`
		g.Go(job)
	}
	_ = g.Wait()
}

func closureNotCalled(users []user) {
	save := func(u user) {
		write(u) // want `not per-iteration`
	}
	for range users {
	}
	_ = save
}

func closureCalledOutside(users []user) {
	save := func() {
		write(users) // want `not per-iteration`
	}
	for range users {
	}
	save()
}

func closureReassigned(users []user) {
	save := func(u user) {
		write(u) // want `not per-iteration`
	}
	save = func(u user) {}
	for _, u := range users {
		save(u)
	}
}

func storedInSlice(users []user) []func() {
	var jobs []func()
	for _, u := range users {
		jobs = append(jobs, func() {
			write(u) // want `not per-iteration`
		})
	}
	return jobs
}

type handler struct{ onDone func() }

func storedInField(users []user, h *handler) {
	for _, u := range users {
		h.onDone = func() {
			write(u) // want `not per-iteration`
		}
	}
}

func passedToUnknown(users []user, register func(func())) {
	for _, u := range users {
		register(func() {
			write(u) // want `not per-iteration`
		})
	}
}

func loopInLiteral(users []user) {
	run := func() {
		for _, u := range users {
			write(u) // want `per-iteration of users \(per-element\)`
		}
	}
	run()
}

func goroutineConsumer(ch chan user) {
	go func() {
		for u := range ch {
			write(u) // want `per-iteration of ch \(per-element\)`
		}
	}()
}

func nestedThroughLiteral(groups [][]user) {
	for _, g := range groups {
		func() {
			for _, u := range g {
				write(u) // want `per-iteration of g \(per-element\)`
			}
			where() // want `enclosing groups \(per-element\), parent none`
		}()
	}
}

func parentOfInner(groups map[string][]user) {
	for _, g := range groups {
		for i := 0; i < 3; i++ {
			where()  // want `enclosing i < 3 \(bounded\), parent groups`
			write(g) // want `not per-iteration`
		}
	}
}

func returnInLiteralIsNotExit(users []user) {
	for _, u := range users {
		func() {
			if u.Name == "" {
				write("skip", u) // want `per-iteration of users \(per-element\)`
				return
			}
		}()
	}
}

func genericLoop[T any](xs []T) {
	for _, x := range xs {
		write(x) // want `per-iteration of xs \(per-element\)`
	}
}

func deepNest(a [][][]int) {
	for _, b := range a {
		for _, c := range b {
			for _, d := range c {
				func() {
					go func() {
						write(d) // want `per-iteration in a goroutine of c \(per-element\)`
					}()
				}()
			}
		}
	}
}

func closureLaunchedWaitGroup(users []user) {
	var wg sync.WaitGroup
	for _, u := range users {
		job := func() { write(u) } // want `per-iteration in a goroutine of users \(per-element\)`
		wg.Go(job)
	}
	wg.Wait()
}

func closureInTwoLoops(users []user, ids []int) {
	save := func(v any) {
		write(v) // want `per-iteration of users \(per-element\)`
	}
	for _, id := range []int{1, 2} {
		save(id)
	}
	for _, u := range users {
		save(u)
	}
}

func closureOnlyInChunkLoop(users []user) {
	save := func(v []user) {
		write(v) // want `not per-iteration`
	}
	for batch := range slices.Chunk(users, 100) {
		save(batch)
	}
}

func closureDefinedOutsideCalledInGoroutine(users []user) {
	save := func(u user) {
		write(u) // want `per-iteration in a goroutine of users \(per-element\)`
	}
	for _, u := range users {
		go save(u)
	}
}

func closureAddressTaken(users []user) {
	save := func(u user) {
		write(u) // want `not per-iteration`
	}
	p := &save
	for _, u := range users {
		(*p)(u)
	}
}

func parenthesizedCall(users []user) {
	for _, u := range users {
		(func() {
			write(u) // want `per-iteration of users \(per-element\)`
		})()
	}
}

func whereInCallback(users []user) {
	for _, u := range users {
		_ = u
		where() // want `enclosing users \(per-element\), parent none`
	}
	where() // want `enclosing none`
}

func goCallPerElement(users []user) {
	for _, u := range users {
		go write(u) // want `per-iteration in a goroutine of users \(per-element\)`
	}
}

// A worker pool: the goroutines are launched per worker, and each loops
// over the channel; the loop over the channel is the per-element one.
func workerPool(ch chan user, n int) {
	for i := 0; i < n; i++ {
		go func() {
			for u := range ch {
				write(u) // want `per-iteration of ch \(per-element\)`
			}
		}()
	}
}

// One goroutine per part that loops over the part's users: the loop inside
// the goroutine is the per-element one.
func goroutinePerPartLoops(ctx context.Context, parts [][]user) error {
	g, ctx := errgroup.WithContext(ctx)
	for _, part := range parts {
		g.Go(func() error {
			for _, u := range part {
				write(ctx, u) // want `per-iteration of part \(per-element\)`
			}
			return nil
		})
	}
	return g.Wait()
}

// A goroutine launched once, outside any loop, that writes once.
func launchedOnce(u user) {
	go func() {
		write(u) // want `not per-iteration`
	}()
}
