// Package ledger belongs to the independent corpus: application shapes over
// database/sql and lib/pq, adapted from public repository patterns. Each
// write call line is labelled by what it does at runtime: label:bad when it
// writes one row (or one small set of rows) per element of a data-sized
// collection, label:ok otherwise (a single write, a batched or bulk write, a
// read, DDL, a loop over a small fixed set, a retry loop, a chunked loop).
// A write inside a helper runs once per call and is labelled ok; the call
// that sits in a loop carries the bad label.
package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/lib/pq"
)

type Entry struct {
	ID      int64
	Account string
	Amount  int64
	At      time.Time
}

type Store struct {
	db *sql.DB
}

// Seeding loop over a caller-supplied slice of names, one INSERT each.
func (s *Store) SeedUsers(ctx context.Context, names []string) error {
	for _, n := range names {
		if _, err := s.db.ExecContext(ctx, "INSERT INTO users (name) VALUES ($1)", n); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Rows loop that reads line items and updates each one in the same unit of work.
func (s *Store) Requantify(ctx context.Context, qty int) error {
	rows, err := s.db.QueryContext(ctx, "SELECT id FROM lineitem") // label:ok
	if err != nil {
		return err
	}
	defer rows.Close()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE lineitem SET qty = $1 WHERE id = $2", qty, id); err != nil { // label:bad
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return tx.Commit()
}

// Rows loop that duplicates each account with db.Query used for an INSERT.
func (s *Store) DuplicateAccounts() error {
	rows, err := s.db.Query("SELECT id, screen_name FROM accounts") // label:ok
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return err
		}
		r, err := s.db.Query("INSERT INTO accounts (screen_name) VALUES ($1)", "_dup_"+name) // label:bad
		if err != nil {
			return err
		}
		r.Close()
	}
	return rows.Err()
}

// Prepared INSERT in a transaction, executed once per entry.
func (s *Store) PostEntries(ctx context.Context, entries []Entry) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, "INSERT INTO entries (account, amount, at) VALUES ($1, $2, $3)")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, e := range entries {
		if _, err := stmt.ExecContext(ctx, e.Account, e.Amount, e.At); err != nil { // label:bad
			return err
		}
	}
	return tx.Commit()
}

// lib/pq COPY: stmt.Exec buffers each row into one COPY stream; the empty Exec flushes it.
func (s *Store) CopyEntries(entries []Entry) error {
	txn, err := s.db.Begin()
	if err != nil {
		return err
	}
	stmt, err := txn.Prepare(pq.CopyIn("entries", "account", "amount", "at"))
	if err != nil {
		return err
	}
	for _, e := range entries {
		if _, err := stmt.Exec(e.Account, e.Amount, e.At); err != nil { // label:ok
			txn.Rollback()
			return err
		}
	}
	if _, err := stmt.Exec(); err != nil { // label:ok
		txn.Rollback()
		return err
	}
	if err := stmt.Close(); err != nil {
		return err
	}
	return txn.Commit()
}

const insertUnnest = `
INSERT INTO entries (account, amount)
SELECT * FROM unnest($1::text[], $2::bigint[])`

// Bulk insert through unnest over pq arrays.
func (s *Store) InsertEntriesUnnest(ctx context.Context, entries []Entry) error {
	accounts := make([]string, len(entries))
	amounts := make([]int64, len(entries))
	for i, e := range entries {
		accounts[i], amounts[i] = e.Account, e.Amount
	}
	_, err := s.db.ExecContext(ctx, insertUnnest, pq.Array(accounts), pq.Array(amounts)) // label:ok
	return err
}

// Set-based update with = ANY($1) after collecting ids in a loop.
func (s *Store) FreezeAccounts(ctx context.Context, accts []string) error {
	var ids []string
	for _, a := range accts {
		if a != "" {
			ids = append(ids, a)
		}
	}
	_, err := s.db.ExecContext(ctx, "UPDATE accounts SET frozen = true WHERE name = ANY($1)", pq.Array(ids)) // label:ok
	return err
}

// Multi-row VALUES list built with a strings.Builder, one Exec.
func (s *Store) InsertEntriesValues(ctx context.Context, entries []Entry) error {
	if len(entries) == 0 {
		return nil
	}
	var b strings.Builder
	b.WriteString("INSERT INTO entries (account, amount) VALUES ")
	args := make([]any, 0, 2*len(entries))
	for i, e := range entries {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "($%d, $%d)", 2*i+1, 2*i+2)
		args = append(args, e.Account, e.Amount)
	}
	_, err := s.db.ExecContext(ctx, b.String(), args...) // label:ok
	return err
}

// Chunked multi-row insert: one statement per chunk of 500.
func (s *Store) InsertEntriesChunked(ctx context.Context, entries []Entry) error {
	const chunk = 500
	for start := 0; start < len(entries); start += chunk {
		end := min(start+chunk, len(entries))
		part := entries[start:end]
		accounts := make([]string, len(part))
		amounts := make([]int64, len(part))
		for i, e := range part {
			accounts[i], amounts[i] = e.Account, e.Amount
		}
		if _, err := s.db.ExecContext(ctx, insertUnnest, pq.Array(accounts), pq.Array(amounts)); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// Purge in LIMITed batches until nothing is left (MySQL-style batch delete).
func (s *Store) PurgeOld(before time.Time) (int64, error) {
	var total int64
	for {
		res, err := s.db.Exec("DELETE FROM entries WHERE at < ? LIMIT 1000", before) // label:ok
		if err != nil {
			return total, err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return total, err
		}
		if n == 0 {
			return total, nil
		}
		total += n
	}
}

// Prepared DELETE ... LIMIT statement re-run until a time budget runs out.
func BatchRemove(stmt *sql.Stmt, limit time.Duration, args ...any) int64 {
	start := time.Now()
	var deleted int64
	for {
		res, err := stmt.Exec(args...) // label:ok
		if err != nil {
			break
		}
		n, err := res.RowsAffected()
		if err != nil || n <= 0 {
			break
		}
		deleted += n
		if time.Since(start) > limit {
			break
		}
	}
	return deleted
}

// Migrations: a fixed list of DDL statements run in order.
var schema = []string{
	`CREATE TABLE IF NOT EXISTS accounts (name text PRIMARY KEY, frozen bool NOT NULL DEFAULT false)`,
	`CREATE TABLE IF NOT EXISTS entries (id bigserial PRIMARY KEY, account text, amount bigint, at timestamptz)`,
	`CREATE INDEX IF NOT EXISTS entries_at ON entries (at)`,
}

func (s *Store) Migrate(ctx context.Context) error {
	for _, q := range schema {
		if _, err := s.db.ExecContext(ctx, q); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// Seed rows from a fixed, tiny list of reference values.
func (s *Store) SeedCurrencies(ctx context.Context) error {
	for _, c := range [...]string{"EUR", "USD", "GBP"} {
		if _, err := s.db.ExecContext(ctx, "INSERT INTO currencies (code) VALUES ($1) ON CONFLICT DO NOTHING", c); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// Per-user cleanup across a fixed set of tables.
func (s *Store) ForgetUser(ctx context.Context, uid int64) error {
	for _, table := range []string{"logins", "tokens", "devices"} {
		if _, err := s.db.ExecContext(ctx, "DELETE FROM "+table+" WHERE user_id = $1", uid); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// Retry loop around a single insert.
func (s *Store) InsertWithRetry(ctx context.Context, e Entry) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		_, err = s.db.ExecContext(ctx, "INSERT INTO entries (account, amount) VALUES ($1, $2)", e.Account, e.Amount) // label:ok
		if err == nil {
			return nil
		}
		time.Sleep(time.Duration(attempt+1) * 100 * time.Millisecond)
	}
	return err
}

// Loop that writes at most once: the first eligible candidate wins, then break.
func (s *Store) PickWinner(ctx context.Context, candidates []Entry) error {
	for _, c := range candidates {
		if c.Amount > 1000 {
			_, err := s.db.ExecContext(ctx, "UPDATE entries SET winner = true WHERE id = $1", c.ID) // label:ok
			return err
		}
	}
	return errors.New("no winner")
}

// N+1 reads in a loop: no write at all.
func (s *Store) Balances(ctx context.Context, accounts []string) (map[string]int64, error) {
	out := map[string]int64{}
	for _, a := range accounts {
		var bal int64
		if err := s.db.QueryRowContext(ctx, "SELECT COALESCE(SUM(amount),0) FROM entries WHERE account = $1", a).Scan(&bal); err != nil { // label:ok
			return nil, err
		}
		out[a] = bal
	}
	return out, nil
}

// Insert ... RETURNING id via QueryRow for each entry.
func (s *Store) InsertReturningIDs(ctx context.Context, entries []Entry) ([]int64, error) {
	ids := make([]int64, 0, len(entries))
	for _, e := range entries {
		var id int64
		err := s.db.QueryRowContext(ctx, "INSERT INTO entries (account, amount) VALUES ($1, $2) RETURNING id", e.Account, e.Amount).Scan(&id) // label:bad
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

const bumpCounter = `
INSERT INTO counters (account, n) VALUES ($1, $2)
ON CONFLICT (account) DO UPDATE SET n = counters.n + EXCLUDED.n`

// Aggregate per key in memory, then one UPSERT per distinct key.
func (s *Store) BumpCounters(ctx context.Context, entries []Entry) error {
	counts := map[string]int64{}
	for _, e := range entries {
		counts[e.Account]++
	}
	for acct, n := range counts {
		if _, err := s.db.ExecContext(ctx, bumpCounter, acct, n); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Monthly partitions created in a loop: DDL, not row writes.
func (s *Store) EnsurePartitions(ctx context.Context, months []time.Time) error {
	for _, m := range months {
		name := "entries_" + m.Format("2006_01")
		q := fmt.Sprintf("CREATE TABLE IF NOT EXISTS %s PARTITION OF entries FOR VALUES FROM ('%s') TO ('%s')",
			name, m.Format("2006-01-02"), m.AddDate(0, 1, 0).Format("2006-01-02"))
		if _, err := s.db.ExecContext(ctx, q); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// Advisory locks taken per key in a fixed order: no row is written.
func LockKeys(ctx context.Context, tx *sql.Tx, keys []int64) error {
	for _, k := range keys {
		if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock($1)", k); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// Conditional update per element: only dirty rows, but still one UPDATE each.
func (s *Store) SaveDirty(ctx context.Context, entries []Entry, dirty map[int64]bool) error {
	for _, e := range entries {
		if !dirty[e.ID] {
			continue
		}
		if _, err := s.db.ExecContext(ctx, "UPDATE entries SET amount = $1 WHERE id = $2", e.Amount, e.ID); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Deletion by index with a classic three-clause loop.
func (s *Store) DeleteByIndex(ids []int64) error {
	for i := 0; i < len(ids); i++ {
		if _, err := s.db.Exec("DELETE FROM entries WHERE id = $1", ids[i]); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Single write outside any loop.
func (s *Store) Close(ctx context.Context, account string) error {
	_, err := s.db.ExecContext(ctx, "UPDATE accounts SET closed_at = now() WHERE name = $1", account) // label:ok
	return err
}
