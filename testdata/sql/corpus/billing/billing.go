// Package billing runs periodic jobs over accounts and invoices.
package billing

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"

	"example.com/sqlcases/corpus/store"
	"example.com/sqlcases/sqlcpgx"
	"example.com/sqlcases/sqlcstd"
)

type Invoice struct {
	ID       int64     `db:"id"`
	Account  int64     `db:"account_id"`
	Amount   int64     `db:"amount"`
	Due      time.Time `db:"due"`
	Reminded bool      `db:"reminded"`
}

var insertLine = "INSERT INTO invoice_lines (invoice_id, sku, qty, price) VALUES (?, ?, ?, ?)"

type Line struct {
	SKU   string
	Qty   int
	Price int64
}

// AddLines writes each line of an invoice (MySQL-style placeholders).
func AddLines(ctx context.Context, db *sql.DB, invoice int64, lines []Line) error {
	for _, l := range lines {
		if _, err := db.ExecContext(ctx, insertLine, invoice, l.SKU, l.Qty, l.Price); err != nil { // label:write
			return fmt.Errorf("line %s: %w", l.SKU, err)
		}
	}
	return nil
}

// Remind marks overdue invoices one by one.
func Remind(ctx context.Context, db *sqlx.DB, now time.Time) error {
	var due []Invoice
	if err := db.SelectContext(ctx, &due, "SELECT id, account_id, amount, due, reminded FROM invoices WHERE due < $1 AND NOT reminded", now); err != nil { // label:ok
		return err
	}
	for _, inv := range due {
		db.MustExecContext(ctx, "UPDATE invoices SET reminded = true WHERE id = $1", inv.ID) // label:write
	}
	return nil
}

// Settle credits accounts in one transaction, two statements per account.
func Settle(ctx context.Context, db *sql.DB, accts *store.Accounts, credits map[int64]int64) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for id, delta := range credits {
		if err := accts.Credit(ctx, tx, id, delta); err != nil { // label:write
			return err
		}
	}
	return tx.Commit()
}

// Balances reads balances.
func Balances(ctx context.Context, accts *store.Accounts, ids []int64) (map[int64]int64, error) {
	out := make(map[int64]int64, len(ids))
	for _, id := range ids {
		b, err := accts.Balance(ctx, id) // label:ok
		if err != nil {
			return nil, err
		}
		out[id] = b
	}
	return out, nil
}

// Issue creates invoices through sqlc, one call per account.
func Issue(ctx context.Context, q *sqlcstd.Queries, amounts map[int64]int64) {
	for acct, amt := range amounts {
		if err := q.CreateInvoice(ctx, sqlcstd.CreateInvoiceParams{CustomerID: acct, Amount: amt}); err != nil { // label:write
			log.Printf("invoice for %d: %v", acct, err)
		}
	}
}

// Fetch reads invoices through sqlc.
func Fetch(ctx context.Context, q *sqlcstd.Queries, ids []int64) []sqlcstd.Invoice {
	var out []sqlcstd.Invoice
	for _, id := range ids {
		inv, err := q.GetInvoice(ctx, id) // label:ok
		if err == nil {
			out = append(out, inv)
		}
	}
	return out
}

// RemoveAuthors deletes through sqlc per id.
func RemoveAuthors(ctx context.Context, pool *pgxpool.Pool, ids []int64) error {
	q := sqlcpgx.New(pool)
	for _, id := range ids {
		if err := q.DeleteAuthor(ctx, id); err != nil { // label:write
			return err
		}
	}
	return nil
}

// RemoveAuthorsBulk deletes in one query per page.
func RemoveAuthorsBulk(ctx context.Context, q *sqlcpgx.Queries, pages [][]int64) error {
	for _, ids := range pages {
		if err := q.DeleteAuthors(ctx, ids); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// Ledger appends entries; statement text kept in a map of named queries.
var queries = map[string]string{
	"ledger": "INSERT INTO ledger (account_id, amount) VALUES ($1, $2)",
}

func Ledger(ctx context.Context, pool *pgxpool.Pool, entries map[int64]int64) {
	for acct, amt := range entries {
		pool.Exec(ctx, queries["ledger"], acct, amt) // label:write
	}
}

// Snapshot copies every account balance with one INSERT ... SELECT per day.
func Snapshot(ctx context.Context, pool *pgxpool.Pool, days []time.Time) error {
	for _, d := range days {
		if _, err := pool.Exec(ctx, "INSERT INTO balance_snapshots (account_id, balance, day) SELECT id, balance, $1 FROM accounts", d); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// ClosePeriod runs the same maintenance statements, once each.
func ClosePeriod(ctx context.Context, db *sql.DB) error {
	for _, stmt := range []string{
		"REFRESH MATERIALIZED VIEW monthly_revenue",
		"ANALYZE invoices",
		"VACUUM invoices",
	} {
		if _, err := db.ExecContext(ctx, stmt); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// Discounts applies one discount per invoice with a single-query batch.
func Discounts(ctx context.Context, pool *pgxpool.Pool, invoices []Invoice) error {
	for _, inv := range invoices {
		batch := &pgx.Batch{}
		batch.Queue("UPDATE invoices SET amount = amount * 0.9 WHERE id = $1", inv.ID)
		if err := pool.SendBatch(ctx, batch).Close(); err != nil { // label:write
			return err
		}
	}
	return nil
}

// LateFees inserts a fee for each overdue invoice, returning the new id.
func LateFees(ctx context.Context, pool *pgxpool.Pool, overdue []Invoice) ([]int64, error) {
	ids := make([]int64, 0, len(overdue))
	for _, inv := range overdue {
		var id int64
		err := pool.QueryRow(ctx, `INSERT INTO fees (invoice_id, amount) VALUES ($1, $2) RETURNING id`, inv.ID, inv.Amount/20).Scan(&id) // label:write
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// Audit appends one audit row per changed invoice through a local helper.
func Audit(ctx context.Context, db *sql.DB, changed []Invoice) {
	for _, inv := range changed {
		audit(ctx, db, "invoice", inv.ID) // label:write
	}
}

func audit(ctx context.Context, db *sql.DB, kind string, id int64) {
	if _, err := db.ExecContext(ctx, "INSERT INTO audit (kind, ref, at) VALUES ($1, $2, now())", kind, id); err != nil { // label:ok
		log.Print(err)
	}
}

// Chunks writes multi-row INSERTs of 500 rows.
func Chunks(ctx context.Context, pool *pgxpool.Pool, lines []Line, invoice int64) error {
	for start := 0; start < len(lines); start += 500 {
		end := min(start+500, len(lines))
		args := []any{}
		q := "INSERT INTO invoice_lines (invoice_id, sku, qty, price) VALUES "
		for i, l := range lines[start:end] {
			if i > 0 {
				q += ", "
			}
			n := len(args)
			q += fmt.Sprintf("($%d, $%d, $%d, $%d)", n+1, n+2, n+3, n+4)
			args = append(args, invoice, l.SKU, l.Qty, l.Price)
		}
		if _, err := pool.Exec(ctx, q, args...); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// Lock takes an advisory lock per account before work.
func Lock(ctx context.Context, tx pgx.Tx, accounts []int64) error {
	for _, a := range accounts {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", a); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// Expire deletes expired holds, one statement per hold.
func Expire(ctx context.Context, conn *pgx.Conn, holds []int64) error {
	for i := len(holds) - 1; i >= 0; i-- {
		if _, err := conn.Exec(ctx, "DELETE FROM holds WHERE id = $1", holds[i]); err != nil { // label:write
			return err
		}
	}
	return nil
}

// Notify sends one NOTIFY per account (not a row write).
func Notify(ctx context.Context, pool *pgxpool.Pool, accounts []int64) {
	for _, a := range accounts {
		pool.Exec(ctx, "SELECT pg_notify('billing', $1::text)", a) // label:ok
	}
}

// Rename runs a prepared rename per account through sqlx.
func Rename(ctx context.Context, db *sqlx.DB, names map[int64]string) error {
	stmt, err := db.PreparexContext(ctx, "UPDATE accounts SET name = $2 WHERE id = $1")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for id, n := range names {
		if _, err := stmt.ExecContext(ctx, id, n); err != nil { // label:write
			return err
		}
	}
	return nil
}

// Schedule stores each job as a closure to run later.
func Schedule(pool *pgxpool.Pool, ids []int64) []func(context.Context) error {
	jobs := make([]func(context.Context) error, 0, len(ids))
	for _, id := range ids {
		jobs = append(jobs, func(ctx context.Context) error {
			_, err := pool.Exec(ctx, "UPDATE jobs SET state = 'done' WHERE id = $1", id) // label:ok
			return err
		})
	}
	return jobs
}

// Apply runs each scheduled job immediately.
func Apply(ctx context.Context, pool *pgxpool.Pool, ids []int64) {
	for _, id := range ids {
		func() {
			pool.Exec(ctx, "UPDATE jobs SET state = 'running' WHERE id = $1", id) // label:write
		}()
	}
}

// FirstFree claims the first free slot and stops.
func FirstFree(ctx context.Context, pool *pgxpool.Pool, slots []int64) (int64, error) {
	for _, s := range slots {
		tag, err := pool.Exec(ctx, "UPDATE slots SET taken = true WHERE id = $1 AND NOT taken", s) // label:write
		if err != nil {
			return 0, err
		}
		if tag.RowsAffected() == 1 {
			return s, nil
		}
	}
	return 0, fmt.Errorf("no free slot")
}

// Seed inserts a fixed list of reference rows.
func Seed(ctx context.Context, pool *pgxpool.Pool) error {
	for _, cur := range []string{"EUR", "USD", "GBP"} {
		if _, err := pool.Exec(ctx, "INSERT INTO currencies (code) VALUES ($1) ON CONFLICT DO NOTHING", cur); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// MarkOverdue flags overdue invoices every hour: one set-based UPDATE per tick.
func MarkOverdue(ctx context.Context, db *sql.DB) {
	for range time.Tick(time.Hour) {
		if _, err := db.ExecContext(ctx, "UPDATE invoices SET overdue = true WHERE due < $1 AND NOT overdue", time.Now()); err != nil { // label:ok
			log.Print(err)
		}
	}
}

// Reconcile re-reads payments and applies each to its invoice.
func Reconcile(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT invoice_id, amount FROM payments WHERE applied = false") // label:ok
	if err != nil {
		return err
	}
	defer rows.Close()
	var invoice, amount int64
	for rows.Next() {
		if err := rows.Scan(&invoice, &amount); err != nil {
			return err
		}
		if _, err := db.ExecContext(ctx, "UPDATE invoices SET paid = paid + $2 WHERE id = $1", invoice, amount); err != nil { // label:write
			return err
		}
	}
	return rows.Err()
}
