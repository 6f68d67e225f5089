package ledger

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
)

// SQL text built with Sprintf per row, run through QueryRowContext.
func (s *Store) InsertItemsSprintf(ctx context.Context, orderID int, items map[string]int) error {
	for code, qty := range items {
		var id int
		query := fmt.Sprintf("insert into order_items (product_code, quantity, order_id) values ('%s', %d, %d) returning id", code, qty, orderID)
		if err := s.db.QueryRowContext(ctx, query).Scan(&id); err != nil && err != sql.ErrNoRows { // label:bad
			return err
		}
	}
	return nil
}

// A dedicated connection used for a per-row loop.
func (s *Store) InsertOnConn(ctx context.Context, entries []Entry) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	for _, e := range entries {
		if _, err := conn.ExecContext(ctx, "INSERT INTO entries (account, amount) VALUES ($1, $2)", e.Account, e.Amount); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// A statement prepared on the DB, rebound to the transaction, executed per entry.
func (s *Store) InsertTxStmt(ctx context.Context, ins *sql.Stmt, entries []Entry) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	st := tx.StmtContext(ctx, ins)
	for _, e := range entries {
		if _, err := st.ExecContext(ctx, e.Account, e.Amount); err != nil { // label:bad
			return err
		}
	}
	return tx.Commit()
}

// A deferred cleanup registered per temporary table: DDL, at function exit.
func (s *Store) WithTempTables(ctx context.Context, names []string, fn func() error) error {
	for _, n := range names {
		if _, err := s.db.ExecContext(ctx, "CREATE TEMP TABLE "+n+" (id bigint)"); err != nil { // label:ok
			return err
		}
		defer s.db.ExecContext(ctx, "DROP TABLE IF EXISTS "+n) // label:ok
	}
	return fn()
}

// sync.Once inside a loop: the write runs a single time.
func (s *Store) MarkStarted(ctx context.Context, entries []Entry) int64 {
	var once sync.Once
	var total int64
	for _, e := range entries {
		once.Do(func() {
			s.db.ExecContext(ctx, "UPDATE imports SET started_at = now() WHERE id = 1") // label:ok
		})
		total += e.Amount
	}
	return total
}

// Transaction-local settings applied from a fixed map literal.
func ApplySettings(ctx context.Context, tx *sql.Tx) error {
	for k, v := range map[string]string{"statement_timeout": "5s", "lock_timeout": "1s"} {
		if _, err := tx.ExecContext(ctx, "SELECT set_config($1, $2, true)", k, v); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// One set-based DELETE per configured shard database.
type Shard struct {
	Name string
	DB   *sql.DB
}

func ExpireLogins(ctx context.Context, shards []Shard) error {
	for _, sh := range shards {
		if _, err := sh.DB.ExecContext(ctx, "DELETE FROM logins WHERE expires_at < now()"); err != nil { // label:ok
			return fmt.Errorf("%s: %w", sh.Name, err)
		}
	}
	return nil
}

// Statements prepared (not executed) for a fixed set of queries.
func PrepareAll(ctx context.Context, db *sql.DB) (map[string]*sql.Stmt, error) {
	out := map[string]*sql.Stmt{}
	for name, q := range map[string]string{
		"insert": "INSERT INTO entries (account, amount) VALUES ($1, $2)",
		"delete": "DELETE FROM entries WHERE id = $1",
	} {
		st, err := db.PrepareContext(ctx, q) // label:ok
		if err != nil {
			return nil, err
		}
		out[name] = st
	}
	return out, nil
}

// A method value taken once and called per element.
func (s *Store) CloseAll(ctx context.Context, accounts []string) error {
	closeOne := s.Close
	for _, a := range accounts {
		if err := closeOne(ctx, a); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Default account types from a package-level literal, inserted at startup.
var defaultAccountTypes = []string{"asset", "liability", "equity", "income", "expense"}

func (s *Store) SeedAccountTypes(ctx context.Context) error {
	for _, t := range defaultAccountTypes {
		if _, err := s.db.ExecContext(ctx, "INSERT INTO account_types (name) VALUES ($1) ON CONFLICT DO NOTHING", t); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// Consumer of a channel of batches: one multi-row INSERT per received batch.
func (s *Store) ConsumeBatches(ctx context.Context, batches <-chan []Entry) error {
	for batch := range batches {
		if err := s.InsertEntriesValues(ctx, batch); err != nil { // label:ok
			return err
		}
	}
	return nil
}
