// Package shapes writes through unusual syntax: method values and
// expressions, generic aliases, immediately called closures, goroutines,
// labelled loops with goto, range over int and over zero-argument iterators.
// "maybe" marks a per-row write that is not recognised yet: reporting it
// would be right, staying silent is allowed.
package shapes

import (
	"context"
	"sync"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/twmb/franz-go/pkg/kgo"

	"example.com/robust/generic"
)

type Alias[T any] = generic.Repo[T]

type embedded struct {
	*pgxpool.Pool
}

const insert = "INSERT INTO " + "shapes" + " (v) " + "VALUES ($1)"

func MethodValue(ctx context.Context, pool *pgxpool.Pool, vs []int) {
	exec := pool.Exec
	for _, v := range vs {
		exec(ctx, insert, v) // maybe: sqlloop
	}
}

func MethodExpr(ctx context.Context, pool *pgxpool.Pool, vs []int) {
	for _, v := range vs {
		(*pgxpool.Pool).Exec(pool, ctx, insert, v) // maybe: sqlloop
	}
}

func Embedded(ctx context.Context, e embedded, vs []int) {
	for _, v := range vs {
		e.Exec(ctx, insert, v) // finding: sqlloop
	}
}

func GenericAlias(ctx context.Context, r *Alias[string], vs []string) {
	for _, v := range vs {
		r.Save(ctx, v) // finding: sqlloop
	}
}

func Closure(ctx context.Context, pool *pgxpool.Pool, vs []int) {
	for _, v := range vs {
		func() {
			pool.Exec(ctx, insert, v) // finding: sqlloop
		}()
	}
}

func Goroutines(ctx context.Context, pool *pgxpool.Pool, vs []int) {
	var wg sync.WaitGroup
	for _, v := range vs {
		wg.Go(func() { pool.Exec(ctx, insert, v) }) // finding: sqlloop
	}
	wg.Wait()
}

func Labelled(ctx context.Context, pool *pgxpool.Pool, vs [][]int) {
outer:
	for _, row := range vs {
		for _, v := range row {
			if v < 0 {
				continue outer
			}
			if v == 0 {
				goto done
			}
			pool.Exec(ctx, insert, v) // finding: sqlloop
		}
	}
done:
}

func RangeInt(ctx context.Context, pool *pgxpool.Pool, n int) {
	for i := range n {
		pool.Exec(ctx, insert, i) // finding: sqlloop
	}
}

func times(n int) func(func() bool) {
	return func(yield func() bool) {
		for range n {
			if !yield() {
				return
			}
		}
	}
}

func RangeFunc0(ctx context.Context, pool *pgxpool.Pool, n int) {
	for range times(n) {
		pool.Exec(ctx, insert, n) // maybe: sqlloop
	}
}

func Defer(ctx context.Context, pool *pgxpool.Pool, vs []int) {
	for _, v := range vs {
		defer pool.Exec(ctx, insert, v) // finding: sqlloop
	}
}

func Options(ctx context.Context, extra []kgo.Opt, topics []string) (*kgo.Client, error) {
	var opts []kgo.Opt
	for _, t := range topics {
		opts = append(opts, kgo.DefaultProduceTopic(t))
	}
	opts = append(opts, extra...)
	return kgo.NewClient(opts...)
}

func init() {
	for range 3 {
	}
}
