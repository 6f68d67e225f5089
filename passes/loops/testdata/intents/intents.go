// Package intents covers each intent and the look-alikes of each.
package intents

import (
	"context"
	"errors"
	"io"
	"log"
	"slices"
	"time"
	"unicode/utf8"

	"loopstest/retry"
)

type user struct{ Name string }

func write(args ...any) error { return nil }

var errTransient = errors.New("transient")

// Once: the body always leaves.

func firstOnly(users []user) {
	for _, u := range users {
		write(u) // want `not per-iteration`
		return
	}
}

func firstThenBreak(ch chan user) {
	for u := range ch {
		write(u) // want `not per-iteration`
		break
	}
}

func onceBothBranches(users []user) error {
	for _, u := range users {
		if u.Name == "" {
			return errors.New("empty")
		}
		write(u) // want `not per-iteration`
		return nil
	}
	return nil
}

func onceLookAlikeContinue(users []user) {
	for _, u := range users {
		if u.Name == "" {
			continue
		}
		write(u) // want `per-iteration of users \(per-element\)`
		return
	}
}

func onceLookAlikeSwitchBreak(users []user) {
	for _, u := range users {
		switch u.Name {
		case "":
		}
		write(u) // want `per-iteration of users \(per-element\)`
		switch {
		default:
			break // leaves the switch, not the loop
		}
	}
}

// Retry: the loop leaves when an attempt succeeds.

func retryBreak(u user) error {
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		err = write(u) // want `not per-iteration`
		if err == nil {
			break
		}
		time.Sleep(time.Second)
	}
	return err
}

func retryReturn(u user, maxRetries int) error {
	for {
		if err := write(u); err == nil { // want `not per-iteration`
			return nil
		}
		time.Sleep(time.Second)
	}
}

func retryRangeInt(u user, maxRetries int) error {
	var err error
	for i := range maxRetries {
		_ = i
		err = write(u) // want `not per-iteration`
		if err == nil {
			break
		}
	}
	return err
}

func retryCond(u user) {
	err := write(u) // want `not per-iteration`
	for err != nil {
		err = write(u) // want `not per-iteration`
	}
}

func retryCondCounter(u user, n int) {
	var err error = errTransient
	for i := 0; err != nil && i < n; i++ {
		err = write(u) // want `not per-iteration`
	}
}

func retryContinue(u user, n int) error {
	for i := 0; i < n; i++ {
		if err := write(u); err != nil { // want `not per-iteration`
			time.Sleep(time.Second)
			continue
		}
		return nil
	}
	return errTransient
}

func retryElse(u user, n int) {
	for i := 0; i < n; i++ {
		if err := write(u); err != nil { // want `not per-iteration`
			log.Print(err)
		} else {
			break
		}
	}
}

func retryInsidePerElement(users []user) {
	for _, u := range users {
		for attempt := 0; attempt < 3; attempt++ {
			if err := write(u); err == nil { // want `per-iteration of users \(per-element\)`
				break
			}
		}
	}
}

func retryLookAlikeReturnOnError(users []user) error {
	for _, u := range users {
		if err := write(u); err != nil { // want `per-iteration of users \(per-element\)`
			return err
		}
	}
	return nil
}

func retryLookAlikeBoolNil(users []*user) {
	for _, u := range users {
		if u == nil {
			break
		}
		write(u) // want `per-iteration of users \(per-element\)`
	}
}

// Bounded: a few fixed items.

func ddl() {
	for _, stmt := range []string{"CREATE TABLE a (x int)", "ALTER TABLE a ADD y int"} {
		write(stmt) // want `not per-iteration`
	}
}

var migrations = []string{"CREATE TABLE b (x int)", "CREATE INDEX ON b (x)"}

func ddlVar() {
	for _, stmt := range migrations {
		write(stmt) // want `not per-iteration`
	}
}

var grown = []string{"a"}

func grow(s string) { grown = append(grown, s) }

func boundedLookAlikeReassigned() {
	for _, s := range grown {
		write(s) // want `per-iteration of grown \(per-element\)`
	}
}

func rangeThree() {
	for i := range 3 {
		write(i) // want `not per-iteration`
	}
}

func constThreeClause() {
	for i := 0; i < 4; i++ {
		write(i) // want `not per-iteration`
	}
}

func boundedLookAlikeBig() {
	for i := 0; i < 1000; i++ {
		write(i) // want `per-iteration of i < 1000 \(per-element\)`
	}
}

func boundedLookAlikeLongLiteral() {
	for _, v := range []int{1, 2, 3, 4, 5, 6, 7, 8, 9} {
		write(v) // want `per-iteration of \[\]int{…} \(per-element\)`
	}
}

func boundedTargets(primary, replica *user) {
	for _, db := range []*user{primary, replica} {
		write(db) // want `not per-iteration`
	}
}

func boundedThenPerElement(users []user) {
	for _, table := range []string{"a", "b"} {
		for _, u := range users {
			write(table, u) // want `per-iteration of users \(per-element\)`
		}
	}
}

// Chunked: each iteration is a batch.

func chunk(users []user) {
	for batch := range slices.Chunk(users, 500) {
		write(batch) // want `not per-iteration`
	}
}

func chunkThenEach(users []user) {
	for batch := range slices.Chunk(users, 500) {
		for _, u := range batch {
			write(u) // want `per-iteration of batch \(per-element\)`
		}
	}
}

func strided(users []user, size int) {
	for start := 0; start < len(users); start += size {
		end := min(start+size, len(users))
		write(users[start:end]) // want `not per-iteration`
	}
}

// One write per stride of 100 elements is one per 100, whatever it writes.
func stridedSummary(users []user) {
	for start := 0; start < len(users); start += 100 {
		write(users[start]) // want `not per-iteration`
	}
}

func stridedLookAlikeStepOne(users []user) {
	for i := 0; i < len(users); i += 1 {
		write(users[i:]) // want `per-iteration of users \(per-element\)`
	}
}

func stridedLookAlikeNoSlice(users []user) {
	for i := 0; i < len(users); i += 2 {
		write(users[i]) // want `per-iteration of users \(per-element\)`
	}
}

func resliced(users []user, size int) {
	for len(users) > 0 {
		n := min(size, len(users))
		write(users[:n]) // want `not per-iteration`
		users = users[n:]
	}
}

func sliceOfSlices(batches [][]user) {
	for _, b := range batches {
		write(b) // want `not per-iteration`
	}
}

func mapOfSlices(byTable map[string][]user) {
	for table, rows := range byTable {
		write(table, rows) // want `not per-iteration`
	}
}

func chanOfSlices(ch chan []user) {
	for batch := range ch {
		write(batch) // want `not per-iteration`
	}
}

func chunkLookAlikeBytes(msgs [][]byte) {
	for _, m := range msgs {
		write(m) // want `per-iteration of msgs \(per-element\)`
	}
}

func chunkLookAlikeRows(rows [][]any) {
	for _, r := range rows {
		write(r...) // want `per-iteration of rows \(per-element\)`
	}
}

func chunkLookAlikeIndexed(pairs [][2]string) {
	for _, p := range pairs {
		write(p[0], p[1]) // want `per-iteration of pairs \(per-element\)`
	}
}

// Periodic: each iteration is a tick.

func ticker(t *time.Ticker) {
	for range t.C {
		write("flush") // want `not per-iteration`
	}
}

func tickerSelect(ctx context.Context, t *time.Ticker) {
	for {
		select {
		case <-t.C:
			write("flush") // want `not per-iteration`
		case <-ctx.Done():
			return
		}
	}
}

func polling() {
	for {
		time.Sleep(time.Minute)
		write("expire") // want `not per-iteration`
	}
}

func retryHelperRange(u user) {
	for range retry.Attempts(5) {
		write(u) // want `not per-iteration`
	}
}

func retryHelperNext(u user, r *retry.Retrier) {
	for r.Next() {
		write(u) // want `not per-iteration`
	}
}

func retryLookAlikeWhileOK(r io.Reader, buf []byte) {
	var err error
	for n := 0; err == nil; {
		n, err = r.Read(buf)
		write(buf[:n]) // want `per-iteration of err == nil \(per-element\)`
	}
}

func retrySleepsAfterIsNotPeriodic(users []user, temporary func(error) bool) {
	for _, u := range users {
		for {
			err := write(u) // want `per-iteration of write\(u\) \(per-element\)`
			if !temporary(err) {
				break
			}
			time.Sleep(time.Second)
		}
	}
}

func tick() {
	for now := range time.Tick(time.Second) {
		write(now) // want `not per-iteration`
	}
}

func consumerWithCancel(ctx context.Context, in <-chan user, t *time.Ticker) {
	for {
		select {
		case <-ctx.Done():
			return
		case u := <-in:
			write(u) // want `per-iteration of in \(per-element\)`
		}
	}
}

func onceLookAlikeLabeledContinue(groups [][]user) {
outer:
	for _, g := range groups {
		for _, u := range g {
			if u.Name == "" {
				continue outer
			}
			write(u) // want `per-iteration of g \(per-element\)`
		}
		write(g) // want `not per-iteration`
	}
}

func onceTypeSwitch(items []any) {
	for _, it := range items {
		write(it) // want `not per-iteration`
		switch it.(type) {
		case string:
			return
		default:
			panic("unexpected")
		}
	}
}

func onceLookAlikeGoto(users []user) {
	i := 0
again:
	for _, u := range users[i:] {
		write(u) // want `per-iteration of users\[i:\] \(per-element\)`
		i++
		goto again
	}
}

func decodeRunes(s string) {
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		write(r) // want `per-iteration of len\(s\) > 0 \(per-element\)`
		s = s[size:]
	}
}

func variableStride(s []byte) {
	var width int
	for i := 0; i < len(s); i += width {
		r, w := utf8.DecodeRune(s[i:])
		width = w
		write(r) // want `per-iteration of s \(per-element\)`
	}
}

func ddlLocal() {
	stmts := []string{"CREATE TABLE c (x int)", "CREATE INDEX ON c (x)"}
	for _, s := range stmts {
		write(s) // want `not per-iteration`
	}
}

func boundedLookAlikeLocalAppended(extra []string) {
	stmts := []string{"a"}
	stmts = append(stmts, extra...)
	for _, s := range stmts {
		write(s) // want `per-iteration of stmts \(per-element\)`
	}
}

func retryBackoffSelectIsNotPeriodic(ctx context.Context, users []user, temporary func(error) bool) {
	for _, u := range users {
		for {
			err := write(u) // want `per-iteration of users \(per-element\)`
			if err == nil {
				break
			}
			select {
			case <-time.After(time.Second):
			case <-ctx.Done():
				return
			}
		}
	}
}
