package corpus

import (
	"context"
	"strings"

	"github.com/twmb/franz-go/pkg/kgo"
)

type Bridge struct {
	in, out *kgo.Client
}

// Uppercase consumes, transforms and produces one record at a time.
func (b *Bridge) Uppercase(ctx context.Context) error {
	for {
		fetches := b.in.PollFetches(ctx)
		if fetches.IsClientClosed() {
			return nil
		}
		var err error
		fetches.EachRecord(func(r *kgo.Record) {
			if err != nil {
				return
			}
			out := &kgo.Record{Topic: "upper", Key: r.Key, Value: []byte(strings.ToUpper(string(r.Value)))}
			err = b.out.ProduceSync(ctx, out).FirstErr() // label:bad
		})
		if err != nil {
			return err
		}
		if err := b.in.CommitUncommittedOffsets(ctx); err != nil {
			return err
		}
	}
}

// UppercaseBatched produces a poll's records with one ProduceSync.
func (b *Bridge) UppercaseBatched(ctx context.Context) error {
	for {
		fetches := b.in.PollFetches(ctx)
		if fetches.IsClientClosed() {
			return nil
		}
		var outs []*kgo.Record
		fetches.EachRecord(func(r *kgo.Record) {
			outs = append(outs, &kgo.Record{Topic: "upper", Key: r.Key, Value: []byte(strings.ToUpper(string(r.Value)))})
		})
		if err := b.out.ProduceSync(ctx, outs...).FirstErr(); err != nil { // label:ok
			return err
		}
		if err := b.in.CommitUncommittedOffsets(ctx); err != nil {
			return err
		}
	}
}

// Lowercase produces asynchronously and flushes once per poll.
func (b *Bridge) Lowercase(ctx context.Context) error {
	for {
		fetches := b.in.PollFetches(ctx)
		if fetches.IsClientClosed() {
			return nil
		}
		fetches.EachRecord(func(r *kgo.Record) {
			b.out.Produce(ctx, &kgo.Record{Topic: "lower", Value: []byte(strings.ToLower(string(r.Value)))}, nil) // label:ok
		})
		if err := b.out.Flush(ctx); err != nil {
			return err
		}
	}
}

// Checkpoint writes one progress record per poll.
func (b *Bridge) Checkpoint(ctx context.Context) {
	for {
		fetches := b.in.PollRecords(ctx, 1000)
		if fetches.IsClientClosed() {
			return
		}
		b.out.ProduceSync(ctx, &kgo.Record{Topic: "bridge-progress", Value: []byte{byte(fetches.NumRecords())}}) // label:ok
	}
}

// Dedupe walks each partition's records with an iterator.
func (b *Bridge) Dedupe(ctx context.Context, seen map[string]bool) error {
	fetches := b.in.PollFetches(ctx)
	it := fetches.RecordIter()
	for !it.Done() {
		r := it.Next()
		if seen[string(r.Key)] {
			continue
		}
		seen[string(r.Key)] = true
		if err := b.out.ProduceSync(ctx, &kgo.Record{Topic: "deduped", Key: r.Key, Value: r.Value}).FirstErr(); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Transactional copies each record inside a group transaction.
func Transactional(ctx context.Context, sess *kgo.GroupTransactSession) error {
	fetches := sess.PollFetches(ctx)
	var err error
	fetches.EachRecord(func(r *kgo.Record) {
		if err == nil {
			err = sess.ProduceSync(ctx, &kgo.Record{Topic: "copied", Key: r.Key, Value: r.Value}).FirstErr() // label:bad
		}
	})
	if err != nil {
		return err
	}
	_, err = sess.End(ctx, kgo.TryCommit)
	return err
}
