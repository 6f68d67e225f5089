// Package broken does not type-check; the pass must not panic on it.
package broken

func write(args ...any) error { return nil }

func f(users []undefinedType) {
	for _, u := range users {
		write(u)
	}
	for i := 0; i < missing; i += step {
		write(xs[i:j])
	}
	for _, b := range undefinedFunc() {
		if len(b) >= limit {
			write(b)
		}
	}
	undefined.EachRecord(func(r *nothing) { write(r) })
	var g errgroup.Group
	for range bad {
		g.Go(func() error { return write() })
	}
	for err != nil {
		err = write()
	}
	for x := range 3 + "a" {
		write(x)
	}
	save := func() { write() }
	save = nil
	for {
		select {
		case <-t.C:
			write()
		}
	}
}
