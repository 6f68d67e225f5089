// Package forms covers every loop form the pass must find.
package forms

import (
	"bufio"
	"context"
	"database/sql"
	"iter"
	"maps"
	"os"
	"sync"

	"github.com/twmb/franz-go/pkg/kgo"
)

type user struct{ Name string }

func write(args ...any) error { return nil }

func rangeSlice(users []user) {
	for _, u := range users {
		write(u) // want `per-iteration of users \(per-element\)`
	}
}

func rangeArray(ids [100]int) {
	for _, id := range ids {
		write(id) // want `per-iteration of ids \(per-element\)`
	}
}

func rangePtrArray(ids *[100]int) {
	for i := range ids {
		write(ids[i]) // want `per-iteration of ids \(per-element\)`
	}
}

func rangeMap(m map[string]user) {
	for k, u := range m {
		write(k, u) // want `per-iteration of m \(per-element\)`
	}
}

func rangeChan(ch chan user) {
	for u := range ch {
		write(u) // want `per-iteration of ch \(per-element\)`
	}
}

func rangeString(s string) {
	for _, r := range s {
		write(r) // want `per-iteration of s \(per-element\)`
	}
}

func rangeInt(n int) {
	for i := range n {
		write(i) // want `per-iteration of n \(per-element\)`
	}
}

func rangeFunc(seq iter.Seq[user]) {
	for u := range seq {
		write(u) // want `per-iteration of seq \(per-element\)`
	}
}

func rangeFunc2(m map[string]user) {
	for k, u := range maps.All(m) {
		write(k, u) // want `per-iteration of maps.All\(m\) \(per-element\)`
	}
}

func threeClause(users []user) {
	for i := 0; i < len(users); i++ {
		write(users[i]) // want `per-iteration of users \(per-element\)`
	}
}

func rowsNext(rows *sql.Rows) error {
	for rows.Next() {
		var u user
		if err := rows.Scan(&u.Name); err != nil {
			return err
		}
		write(u) // want `per-iteration of rows.Next\(\) \(per-element\)`
	}
	return rows.Err()
}

func scannerScan() {
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		write(sc.Text()) // want `per-iteration of sc.Scan\(\) \(per-element\)`
	}
}

func notDone(it *kgo.FetchesRecordIter) {
	for !it.Done() {
		write(it.Next()) // want `per-iteration of !it.Done\(\) \(per-element\)`
	}
}

func endless(next func() (user, bool)) {
	for {
		u, ok := next()
		if !ok {
			break
		}
		write(u) // want `per-iteration of next\(\) \(per-element\)`
	}
}

func endlessBare(next func() (user, bool)) {
	for {
		if u, ok := next(); ok {
			write(u) // want `per-iteration of for {} \(per-element\)`
			continue
		}
		break
	}
}

func forSelect(ctx context.Context, in <-chan user) {
	for {
		select {
		case u := <-in:
			write(u) // want `per-iteration of in \(per-element\)`
		case <-ctx.Done():
			return
		}
	}
}

func eachRecord(fetches kgo.Fetches) {
	fetches.EachRecord(func(r *kgo.Record) {
		write(r) // want `per-iteration of fetches.EachRecord \(per-element\)`
	})
}

func eachRecordPtr(fetches *kgo.Fetches) {
	fetches.EachRecord(func(r *kgo.Record) {
		write(r) // want `per-iteration of fetches.EachRecord \(per-element\)`
	})
}

func eachError(fetches kgo.Fetches) {
	fetches.EachError(func(topic string, p int32, err error) {
		write(topic, p, err) // want `per-iteration of fetches.EachError \(per-element\)`
	})
}

func eachPartition(fetches kgo.Fetches) {
	fetches.EachPartition(func(p kgo.FetchTopicPartition) {
		write(p.Records) // want `not per-iteration`
		p.EachRecord(func(r *kgo.Record) {
			write(r) // want `per-iteration of p.EachRecord \(per-element\)`
		})
	})
}

func eachTopic(fetches kgo.Fetches) {
	fetches.EachTopic(func(t kgo.FetchTopic) {
		write(t.Topic) // want `not per-iteration`
		t.EachPartition(func(p kgo.FetchPartition) {
			write(p.Partition) // want `not per-iteration`
			p.EachRecord(func(r *kgo.Record) {
				write(r) // want `per-iteration of p.EachRecord \(per-element\)`
			})
		})
		t.EachRecord(func(r *kgo.Record) {
			write(r) // want `per-iteration of t.EachRecord \(per-element\)`
		})
	})
}

func eachRecordClosure(fetches kgo.Fetches) {
	handle := func(r *kgo.Record) {
		write(r) // want `per-iteration of fetches.EachRecord \(per-element\)`
	}
	fetches.EachRecord(handle)
}

func callbackReturnIsContinue(fetches kgo.Fetches) {
	fetches.EachRecord(func(r *kgo.Record) {
		if r.Value == nil {
			return
		}
		write(r) // want `per-iteration of fetches.EachRecord \(per-element\)`
	})
}

func syncMapRange(m *sync.Map) {
	m.Range(func(k, v any) bool {
		write(k, v) // want `per-iteration of m.Range \(per-element\)`
		return true
	})
}

// A method named like a callback iterator on another type is no loop.
type fakeFetches struct{}

func (fakeFetches) EachRecord(fn func(*kgo.Record)) {}

func lookAlikeCallback(f fakeFetches) {
	f.EachRecord(func(r *kgo.Record) {
		write(r) // want `not per-iteration`
	})
}

func nested(groups map[string][]user) {
	for g, users := range groups {
		for _, u := range users {
			write(g, u) // want `per-iteration of users \(per-element\)`
		}
	}
}

func outsideLoop(u user) {
	write(u) // want `not per-iteration`
	for range 3 {
	}
}

func pollLoop(ctx context.Context, cl *kgo.Client) {
	for {
		fetches := cl.PollFetches(ctx)
		if fetches.IsClientClosed() {
			return
		}
		write(fetches.Records()) // want `not per-iteration`
		fetches.EachRecord(func(r *kgo.Record) {
			write(r) // want `per-iteration of fetches.EachRecord \(per-element\)`
		})
		iter := fetches.RecordIter()
		for !iter.Done() {
			write(iter.Next()) // want `per-iteration of !iter.Done\(\) \(per-element\)`
		}
	}
}

// The poll need not open the body.
func pollAfterCheck(ctx context.Context, cl *kgo.Client) {
	for {
		if ctx.Err() != nil {
			return
		}
		fetches := cl.PollFetches(ctx)
		write(fetches.Records()) // want `not per-iteration`
	}
}

func where() {}

func callbackParent(all []kgo.Fetches) {
	for _, fetches := range all {
		fetches.EachRecord(func(r *kgo.Record) {
			where() // want `enclosing fetches.EachRecord \(per-element\), parent all`
		})
		where() // want `enclosing all \(chunked\), parent none`
	}
}
