// Package dbsql holds database/sql and lib/pq write shapes.
package dbsql

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"log"
	"strings"

	"github.com/lib/pq"
)

type Order struct {
	ID     int64
	Status string
	Total  int64
}

const insertOrder = "INSERT INTO orders (id, status, total) VALUES ($1, $2, $3)"

var updateStatus = "UPDATE orders SET status = $2 WHERE id = $1"

var orderCols = strings.Join([]string{"id", "status", "total"}, ", ")

// Positives.

func saveOrders(db *sql.DB, orders []Order) error {
	for _, o := range orders {
		if _, err := db.Exec(insertOrder, o.ID, o.Status, o.Total); err != nil { // want `INSERT INTO orders executed once per element of orders, with autocommit; use COPY \(pq.CopyIn\) or a multi-row INSERT \(runtime/pgbatch.InsertChunks\)$`
			return err
		}
	}
	return nil
}

func setStatuses(ctx context.Context, db *sql.DB, orders []Order) error {
	for _, o := range orders {
		if _, err := db.ExecContext(ctx, updateStatus, o.ID, o.Status); err != nil { // want `UPDATE orders executed once per element of orders`
			return err
		}
	}
	return nil
}

func inTx(ctx context.Context, db *sql.DB, orders []Order) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, o := range orders {
		if _, err := tx.ExecContext(ctx, insertOrder, o.ID, o.Status, o.Total); err != nil { // want `INSERT INTO orders executed once per element of orders, in a transaction`
			return err
		}
	}
	return tx.Commit()
}

func onConn(ctx context.Context, db *sql.DB, ids []int64) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	for _, id := range ids {
		conn.ExecContext(ctx, "DELETE FROM carts WHERE order_id = $1", id) // want `DELETE FROM carts executed once per element of ids`
	}
	return nil
}

func preparedInsert(db *sql.DB, orders []Order) error {
	stmt, err := db.Prepare(insertOrder)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, o := range orders {
		if _, err := stmt.Exec(o.ID, o.Status, o.Total); err != nil { // want `INSERT INTO orders executed once per element of orders, with autocommit`
			return err
		}
	}
	return nil
}

func preparedInTx(ctx context.Context, db *sql.DB, stmt *sql.Stmt, orders []Order) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	ins, err := tx.PrepareContext(ctx, "INSERT INTO order_lines (order_id, total) VALUES ($1, $2)")
	if err != nil {
		return err
	}
	for _, o := range orders {
		if _, err := ins.ExecContext(ctx, o.ID, o.Total); err != nil { // want `INSERT INTO order_lines executed once per element of orders, in a transaction`
			return err
		}
	}
	return tx.Commit()
}

type Store struct {
	db       *sql.DB
	insStmt  *sql.Stmt
	markPaid *sql.Stmt
}

func NewStore(db *sql.DB) (*Store, error) {
	ins, err := db.Prepare(insertOrder)
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, insStmt: ins}
	s.markPaid, err = db.Prepare("UPDATE orders SET status = 'paid' WHERE id = $1")
	if err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Store) Import(ctx context.Context, orders []Order) error {
	for _, o := range orders {
		if _, err := s.insStmt.ExecContext(ctx, o.ID, o.Status, o.Total); err != nil { // want `INSERT INTO orders executed once per element of orders`
			return err
		}
	}
	return nil
}

func (s *Store) MarkPaid(ctx context.Context, ids []int64) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	st := tx.StmtContext(ctx, s.markPaid)
	for _, id := range ids {
		if _, err := st.ExecContext(ctx, id); err != nil { // want `UPDATE orders executed once per element of ids, in a transaction`
			return err
		}
	}
	return tx.Commit()
}

func returningID(db *sql.DB, names []string) ([]int64, error) {
	ids := make([]int64, 0, len(names))
	for _, n := range names {
		var id int64
		if err := db.QueryRow("INSERT INTO customers (name) VALUES ($1) RETURNING id", n).Scan(&id); err != nil { // want `INSERT INTO customers executed once per element of names`
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

func joinedColumns(db *sql.DB, orders []Order) {
	q := "INSERT INTO orders (" + orderCols + ") VALUES ($1, $2, $3)"
	for _, o := range orders {
		db.Exec(q, o.ID, o.Status, o.Total) // want `INSERT INTO orders executed once per element of orders`
	}
}

func sprintfSchema(db *sql.DB, schema string, orders []Order) {
	for _, o := range orders {
		db.Exec(fmt.Sprintf(`UPDATE %q.orders SET total = $1 WHERE id = $2`, schema), o.Total, o.ID) // want `UPDATE executed once per element of orders`
	}
}

const mergeTotal = `MERGE INTO order_totals t
USING (VALUES ($1::bigint, $2::bigint)) AS s(id, total) ON t.id = s.id
WHEN MATCHED THEN UPDATE SET total = s.total
WHEN NOT MATCHED THEN INSERT VALUES (s.id, s.total)`

func merge(ctx context.Context, db *sql.DB, orders []Order) {
	for _, o := range orders {
		db.ExecContext(ctx, mergeTotal, o.ID, o.Total) // want `MERGE INTO order_totals executed once per element of orders`
	}
}

// Unexported wrappers, and wrappers of wrappers, declared after their use.

func importAll(db *sql.DB, orders []Order) {
	for _, o := range orders {
		if err := archive(db, o); err != nil { // want `dbsql.archive \(INSERT INTO orders_archive\) executed once per element of orders`
			log.Print(err)
		}
		record(db, o) // want `dbsql.record \(INSERT INTO orders_archive\) executed once per element of orders`
		touch(db, o)  // want `dbsql.touch \(UPDATE orders\) executed once per element of orders`
	}
}

func record(db *sql.DB, o Order) {
	if err := archive(db, o); err != nil {
		log.Print(err)
	}
}

func archive(db *sql.DB, o Order) error {
	if o.ID == 0 {
		return fmt.Errorf("order without id")
	}
	_, err := db.Exec("INSERT INTO orders_archive (id, status, total) VALUES ($1, $2, $3)", o.ID, o.Status, o.Total)
	return err
}

func touch(db *sql.DB, o Order) {
	if o.Status == "" {
		db.Exec("UPDATE orders SET touched_at = now() WHERE id = $1", o.ID)
	} else {
		db.Exec("UPDATE orders SET touched_at = now(), status = $2 WHERE id = $1", o.ID, o.Status)
	}
}

// Look-alikes.

func copyIn(db *sql.DB, orders []Order) error {
	txn, err := db.Begin()
	if err != nil {
		return err
	}
	stmt, err := txn.Prepare(pq.CopyIn("orders", "id", "status", "total"))
	if err != nil {
		return err
	}
	for _, o := range orders {
		if _, err := stmt.Exec(o.ID, o.Status, o.Total); err != nil {
			return err
		}
	}
	if _, err := stmt.Exec(); err != nil {
		return err
	}
	if err := stmt.Close(); err != nil {
		return err
	}
	return txn.Commit()
}

type copier struct {
	stmt *sql.Stmt
}

func newCopier(tx *sql.Tx) (*copier, error) {
	st, err := tx.Prepare(`COPY events (kind, body) FROM STDIN`)
	if err != nil {
		return nil, err
	}
	return &copier{stmt: st}, nil
}

func (c *copier) load(events [][2]string) error {
	for _, e := range events {
		if _, err := c.stmt.Exec(e[0], e[1]); err != nil {
			return err
		}
	}
	_, err := c.stmt.Exec()
	return err
}

func readAll(db *sql.DB, ids []int64) (map[int64]string, error) {
	out := map[int64]string{}
	for _, id := range ids {
		var s string
		if err := db.QueryRow("SELECT status FROM orders WHERE id = $1", id).Scan(&s); err != nil {
			return nil, err
		}
		out[id] = s
	}
	return out, nil
}

func migrations(db *sql.DB) error {
	for _, m := range []string{
		`CREATE TABLE orders (id bigint PRIMARY KEY, status text, total bigint)`,
		`CREATE INDEX orders_status ON orders (status)`,
		`GRANT SELECT ON orders TO reporting`,
		`COMMENT ON TABLE orders IS 'customer orders'`,
	} {
		if _, err := db.Exec(m); err != nil {
			return err
		}
	}
	return nil
}

func chunkedValues(db *sql.DB, orders []Order) error {
	const size = 1000
	for start := 0; start < len(orders); start += size {
		end := min(start+size, len(orders))
		var ph []string
		var args []any
		for i, o := range orders[start:end] {
			ph = append(ph, fmt.Sprintf("($%d, $%d, $%d)", i*3+1, i*3+2, i*3+3))
			args = append(args, o.ID, o.Status, o.Total)
		}
		if _, err := db.Exec("INSERT INTO orders (id, status, total) VALUES "+strings.Join(ph, ","), args...); err != nil {
			return err
		}
	}
	return nil
}

// One summary row per stride of 100 orders is one statement per 100 orders:
// the same stride produceloop leaves alone (loops decides for both).
func summaryPerStride(db *sql.DB, orders []Order) {
	for start := 0; start < len(orders); start += 100 {
		db.Exec("INSERT INTO order_marks (id) VALUES ($1)", orders[start].ID)
	}
}

func vacuumEach(db *sql.DB, tables []string) {
	for _, t := range tables {
		db.Exec("VACUUM ANALYZE " + pq.QuoteIdentifier(t))
	}
}

func lockAndSet(db *sql.DB, keys []string) {
	for _, k := range keys {
		db.Exec("SET LOCAL statement_timeout = '5s'")
		db.Exec("SELECT pg_advisory_lock(hashtext($1))", k)
	}
}

// saveAll loops inside: it is not a one-row wrapper, and calling it once is fine.
func saveAll(db *sql.DB, orders []Order) error {
	for _, o := range orders {
		if _, err := db.Exec(insertOrder, o.ID, o.Status, o.Total); err != nil { // want `INSERT INTO orders executed once per element of orders`
			return err
		}
	}
	return nil
}

func callsSaveAllPerBatch(db *sql.DB, batches [][]Order) {
	for _, b := range batches {
		saveAll(db, b)
	}
}

// maybeArchive writes only on one branch: not a write on every call.
func maybeArchive(db *sql.DB, o Order) {
	if o.Status == "closed" {
		db.Exec("INSERT INTO orders_archive (id) VALUES ($1)", o.ID)
	}
}

func archiveClosed(db *sql.DB, orders []Order) {
	for _, o := range orders {
		maybeArchive(db, o)
	}
}

func deferredCleanup(db *sql.DB, ids []int64) []func() {
	var undo []func()
	for _, id := range ids {
		undo = append(undo, func() { db.Exec("DELETE FROM locks WHERE id = $1", id) })
	}
	return undo
}

func beginCommit(db *sql.DB, n int) {
	for i := 0; i < n; i++ {
		db.Exec("BEGIN")
		db.Exec("COMMIT")
	}
}

// A helper that runs whatever statement its caller passes: each call site's
// text decides.
type DB struct{ db *sql.DB }

func (d *DB) exec(ctx context.Context, query string, args ...any) error {
	if _, err := d.db.ExecContext(ctx, query, args...); err != nil {
		return fmt.Errorf("exec %q: %w", query, err)
	}
	return nil
}

func (d *DB) execLogged(ctx context.Context, query string, args ...any) error {
	log.Print(query)
	return d.exec(ctx, query, args...)
}

func helperLoop(ctx context.Context, d *DB, orders []Order) {
	for _, o := range orders {
		d.exec(ctx, insertOrder, o.ID, o.Status, o.Total)                // want `\(\*dbsql.DB\).exec \(INSERT INTO orders\) executed once per element of orders`
		d.execLogged(ctx, "DELETE FROM carts WHERE order_id = $1", o.ID) // want `\(\*dbsql.DB\).execLogged \(DELETE FROM carts\) executed once per element of orders`
		d.exec(ctx, "CREATE TABLE IF NOT EXISTS carts (order_id bigint)")
		d.exec(ctx, "SELECT pg_notify('orders', $1)", o.Status)
	}
}

// Queue keeps its statement text in a field set by the constructor.
type Queue struct {
	db        *sql.DB
	insertSQL string
}

func NewQueue(db *sql.DB) *Queue {
	return &Queue{db: db, insertSQL: "INSERT INTO jobs (payload) VALUES ($1)"}
}

func (q *Queue) PushAll(payloads [][]byte) error {
	for _, p := range payloads {
		if _, err := q.db.Exec(q.insertSQL, p); err != nil { // want `INSERT INTO jobs executed once per element of payloads`
			return err
		}
	}
	return nil
}

// A scanner's current line is a method call: it varies per iteration.
func loadLines(db *sql.DB, sc *bufio.Scanner) error {
	for sc.Scan() {
		if _, err := db.Exec("INSERT INTO lines (body) VALUES ($1)", sc.Text()); err != nil { // want `INSERT INTO lines executed once per element of sc.Scan\(\)`
			return err
		}
	}
	return sc.Err()
}
