// Package unknowntext runs SQL text that cannot be resolved statically. By
// default an Exec is reported when its text is the same on every iteration
// and a bind argument comes from the loop's element: DDL takes no bind
// parameters, so that is a write per element.
package unknowntext

import (
	"bufio"
	"context"
	"database/sql"
	_ "embed"
	"io"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

type Sub struct {
	Email, Name string
	Kind        string
}

// Options hands the importer statements prepared elsewhere, from a .sql
// file of named queries.
type Options struct {
	UpsertStmt    *sql.Stmt
	BlocklistStmt *sql.Stmt
	Blocklist     bool
}

type Importer struct {
	db  *sql.DB
	opt Options
}

// A new transaction every 1000 rows, one Exec per subscriber.
func (im *Importer) Run(subs <-chan Sub) error {
	var (
		tx   *sql.Tx
		stmt *sql.Stmt
		err  error
		cur  = 0
	)
	for sub := range subs {
		if cur == 0 {
			if tx, err = im.db.Begin(); err != nil {
				return err
			}
			if im.opt.Blocklist {
				stmt = tx.Stmt(im.opt.BlocklistStmt)
			} else {
				stmt = tx.Stmt(im.opt.UpsertStmt)
			}
		}
		if _, err = stmt.Exec(sub.Email, sub.Name); err != nil { // want `^Exec of SQL text not known statically, executed once per element of subs; use one multi-row or set-based statement per chunk of rows$`
			tx.Rollback()
			return err
		}
		if cur++; cur == 1000 {
			if err := tx.Commit(); err != nil {
				return err
			}
			cur = 0
		}
	}
	return nil
}

//go:embed insert_event.sql
var insertEvent string

func embedded(ctx context.Context, db *sql.DB, subs []Sub) error {
	for _, s := range subs {
		if _, err := db.ExecContext(ctx, insertEvent, s.Email, s.Kind); err != nil { // want `^ExecContext of SQL text not known statically, executed once per element of subs; use`
			return err
		}
	}
	return nil
}

// The query is picked per engine once, then run once per line of the input.
func importLines(ctx context.Context, tx *sqlx.Tx, queries map[string]string, engine string, gid string, r io.Reader) error {
	query := queries[engine]
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			continue
		}
		if _, err := tx.ExecContext(ctx, query, gid, line); err != nil { // want `once per element of sc.Scan\(\)`
			return err
		}
	}
	return nil
}

// Prepared from a text picked at run time, executed per field of each line.
func importFields(ctx context.Context, tx *sql.Tx, insert string, lines []string) error {
	stmt, err := tx.PrepareContext(ctx, insert)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, line := range lines {
		for _, field := range strings.Split(line, ",") {
			if _, err := stmt.ExecContext(ctx, field); err != nil { // want `once per element of strings.Split\(line, ","\)`
				return err
			}
		}
	}
	return nil
}

// pgx runs a statement prepared elsewhere by its name.
func byName(ctx context.Context, conn *pgx.Conn, subs []Sub) {
	for _, s := range subs {
		conn.Exec(ctx, "insert_sub", s.Email, s.Name) // want `^Exec of SQL text not known statically, executed once per element of subs; use a pgx.Batch, or one multi-row or set-based statement per chunk of rows$`
	}
}

// Rows scanned into variables declared before the loop.
func copyRows(rows *sql.Rows, stmt *sqlx.Stmt) error {
	var id int64
	var name string
	for rows.Next() {
		if err := rows.Scan(&id, &name); err != nil {
			return err
		}
		stmt.MustExec(id, name) // want `once per element of rows.Next\(\)`
	}
	return rows.Err()
}

// Look-alikes.

// Reads with unknown text are not writes.
func reads(ctx context.Context, pool *pgxpool.Pool, db *sql.DB, q string, subs []Sub) {
	for _, s := range subs {
		var n int
		_ = pool.QueryRow(ctx, q, s.Email).Scan(&n)
		rows, err := db.Query(q, s.Name)
		if err == nil {
			rows.Close()
		}
	}
}

type Config struct{ tenant string }

func (c *Config) Tenant() string { return c.tenant }

// Arguments that are the same on every iteration, or computed in it from
// invariants only: the statement does the same thing each time.
func invariantArgs(db *sql.DB, q string, cfg *Config, start time.Time, subs []Sub) {
	for range subs {
		db.Exec(q, "active", 1)
		db.Exec(q, cfg.Tenant(), time.Now())
		at := start.Add(time.Hour)
		db.Exec(q, at)
	}
}

// DDL and other statements without bind arguments, from a list of texts.
func migrate(db *sql.DB, steps []string, tables []string, vacuum string) {
	for _, s := range steps {
		db.Exec(s)
	}
	for range tables {
		db.Exec(vacuum)
	}
}

// A text or a statement picked per iteration: a loop over statements.
func perTable(db *sql.DB, deletes map[string]string, stmts map[string]*sql.Stmt, all []*sql.Stmt, userID int64, subs []Sub, tables []string) {
	for _, t := range tables {
		db.Exec(deletes[t], userID)
	}
	for _, s := range subs {
		stmts[s.Kind].Exec(s.Email)
	}
	for _, stmt := range all {
		stmt.Exec(userID)
	}
}

// lib/pq's COPY, prepared on one of two branches: Exec per row buffers it.
func copyIn(txn *sql.Tx, subs []Sub, blocked bool) error {
	var stmt *sql.Stmt
	var err error
	if blocked {
		stmt, err = txn.Prepare(pq.CopyIn("blocklist", "email"))
	} else {
		stmt, err = txn.Prepare(pq.CopyIn("subscribers", "email"))
	}
	if err != nil {
		return err
	}
	for _, s := range subs {
		if _, err := stmt.Exec(s.Email); err != nil {
			return err
		}
	}
	_, err = stmt.Exec()
	return err
}

// Once, outside any loop.
func once(stmt *sql.Stmt, s Sub) error {
	_, err := stmt.Exec(s.Email, s.Name)
	return err
}

// One statement per chunk of rows.
func chunks(db *sql.DB, q string, emails []string) {
	for i := 0; i < len(emails); i += 500 {
		chunk := emails[i:min(i+500, len(emails))]
		db.Exec(q, pq.Array(chunk))
	}
}

type Store struct{ stmt *sql.Stmt }

// A wrapper whose statement is unknown is reported only with -unknown-sql:
// its arguments may not be what the statement binds.
func (s *Store) save(ctx context.Context, sub Sub) error {
	_, err := s.stmt.ExecContext(ctx, sub.Email)
	return err
}

func viaWrapper(ctx context.Context, s *Store, subs []Sub) {
	for _, sub := range subs {
		s.save(ctx, sub)
	}
}
