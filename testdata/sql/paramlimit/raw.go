// Package paramlimit is paramlimit's labelled corpus for SQL text: each
// call line ends in label:bad (one statement binding values appended per
// element of unbounded input) or label:ok. Labelled before the rule ran.
package paramlimit

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
)

type User struct {
	ID    int64
	Name  string
	Email string
}

// Positives.

func InsertUsers(ctx context.Context, pool *pgxpool.Pool, users []User) error {
	var sb strings.Builder
	var args []any
	sb.WriteString("INSERT INTO users (id, name, email) VALUES ")
	for i, u := range users {
		if i > 0 {
			sb.WriteString(", ")
		}
		fmt.Fprintf(&sb, "($%d, $%d, $%d)", 3*i+1, 3*i+2, 3*i+3)
		args = append(args, u.ID, u.Name, u.Email)
	}
	_, err := pool.Exec(ctx, sb.String(), args...) // label:bad
	return err
}

func InsertStd(ctx context.Context, db *sql.DB, users []User) error {
	q := "INSERT INTO users (name, email) VALUES "
	args := make([]any, 0, 2*len(users))
	for i, u := range users {
		if i > 0 {
			q += ","
		}
		q += fmt.Sprintf("($%d,$%d)", 2*i+1, 2*i+2)
		args = append(args, u.Name, u.Email)
	}
	_, err := db.ExecContext(ctx, q, args...) // label:bad
	return err
}

func ByIDs(ctx context.Context, db *sql.DB, ids []int64) (*sql.Rows, error) {
	marks := make([]string, len(ids))
	var args []any
	for i, id := range ids {
		marks[i] = fmt.Sprintf("$%d", i+1)
		args = append(args, id)
	}
	return db.QueryContext(ctx, "SELECT id, name FROM users WHERE id IN ("+strings.Join(marks, ",")+")", args...) // label:bad
}

func SqlxInsert(db *sqlx.DB, users []User) error {
	var args []any
	q := "INSERT INTO users (id, name) VALUES "
	for i, u := range users {
		q += fmt.Sprintf("($%d,$%d),", 2*i+1, 2*i+2)
		args = append(args, u.ID, u.Name)
	}
	_, err := db.Exec(strings.TrimSuffix(q, ","), args...) // label:bad
	return err
}

func CopyOver(ctx context.Context, src *pgxpool.Pool, tx pgx.Tx) error {
	rows, err := src.Query(ctx, "SELECT id, name FROM staging")
	if err != nil {
		return err
	}
	var args []any
	var vals []string
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return err
		}
		vals = append(vals, fmt.Sprintf("($%d,$%d)", len(vals)*2+1, len(vals)*2+2))
		args = append(args, id, name)
	}
	rows.Close()
	_, err = tx.Exec(ctx, "INSERT INTO users (id, name) VALUES "+strings.Join(vals, ","), args...) // label:bad
	return err
}

func ImportCSV(ctx context.Context, conn *pgx.Conn, r io.Reader) error {
	sc := bufio.NewScanner(r)
	var args []any
	var vals []string
	for sc.Scan() {
		f := strings.Split(sc.Text(), ",")
		if len(f) != 4 {
			continue
		}
		n := len(args)
		vals = append(vals, fmt.Sprintf("($%d,$%d,$%d,$%d)", n+1, n+2, n+3, n+4))
		args = append(args, f[0], f[1], f[2], f[3])
	}
	_, err := conn.Exec(ctx, "INSERT INTO people VALUES "+strings.Join(vals, ","), args...) // label:bad
	return err
}

type Event struct {
	Key     string
	Payload []byte
}

func DrainEvents(ctx context.Context, pool *pgxpool.Pool, ch <-chan Event) error {
	var args []any
	var vals []string
	for ev := range ch {
		vals = append(vals, fmt.Sprintf("($%d,$%d)", len(args)+1, len(args)+2))
		args = append(args, ev.Key, ev.Payload)
	}
	_, err := pool.Exec(ctx, "INSERT INTO events VALUES "+strings.Join(vals, ","), args...) // label:bad
	return err
}

func FromSeq(ctx context.Context, db *sql.DB, users iter.Seq[User]) error {
	var args []any
	q := "INSERT INTO users (id) VALUES "
	for u := range users {
		q += fmt.Sprintf("($%d),", len(args)+1)
		args = append(args, u.ID)
	}
	_, err := db.ExecContext(ctx, strings.TrimSuffix(q, ","), args...) // label:bad
	return err
}

type Store struct{ pool *pgxpool.Pool }

func (s *Store) pending(ctx context.Context) []User { return nil }

func (s *Store) Flush(ctx context.Context) error {
	var args []any
	var vals []string
	for _, u := range s.pending(ctx) {
		vals = append(vals, fmt.Sprintf("($%d,$%d)", len(args)+1, len(args)+2))
		args = append(args, u.ID, u.Name)
	}
	_, err := s.pool.Exec(ctx, "INSERT INTO users (id, name) VALUES "+strings.Join(vals, ","), args...) // label:bad
	return err
}

func CountIn(ctx context.Context, pool *pgxpool.Pool, names []string) (int64, error) {
	var n int64
	var args []any
	var marks []string
	for i := 0; i < len(names); i++ {
		marks = append(marks, fmt.Sprintf("$%d", i+1))
		args = append(args, names[i])
	}
	err := pool.QueryRow(ctx, "SELECT count(*) FROM users WHERE name IN ("+strings.Join(marks, ",")+")", args...).Scan(&n) // label:bad
	return n, err
}

func Queued(ctx context.Context, pool *pgxpool.Pool, users []User) error {
	b := &pgx.Batch{}
	var args []any
	for _, u := range users {
		args = append(args, u.ID, u.Name)
	}
	b.Queue("INSERT INTO users (id, name) SELECT * FROM unnest(...)", args...) // label:bad
	return pool.SendBatch(ctx, b).Close()
}

func InTx(ctx context.Context, db *sql.DB, users []User) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var args []any
	for _, u := range users {
		args = append(args, u.ID, u.Name, u.Email)
	}
	if _, err := tx.ExecContext(ctx, "INSERT ...", args...); err != nil { // label:bad
		return err
	}
	return tx.Commit()
}

// Look-alikes.

func Chunked(ctx context.Context, pool *pgxpool.Pool, users []User) error {
	for start := 0; start < len(users); start += 1000 {
		end := min(start+1000, len(users))
		var args []any
		for _, u := range users[start:end] {
			args = append(args, u.ID, u.Name)
		}
		if _, err := pool.Exec(ctx, "INSERT ...", args...); err != nil { // label:ok
			return err
		}
	}
	return nil
}

func ChunkedSeq(ctx context.Context, pool *pgxpool.Pool, users []User) error {
	for chunk := range slices.Chunk(users, 1000) {
		var args []any
		for _, u := range chunk {
			args = append(args, u.ID, u.Name)
		}
		if _, err := pool.Exec(ctx, "INSERT ...", args...); err != nil { // label:ok
			return err
		}
	}
	return nil
}

func Any(ctx context.Context, pool *pgxpool.Pool, ids []int64) error {
	_, err := pool.Exec(ctx, "DELETE FROM users WHERE id = ANY($1)", ids) // label:ok
	return err
}

func Unnest(ctx context.Context, pool *pgxpool.Pool, users []User) error {
	ids := make([]int64, 0, len(users))
	names := make([]string, 0, len(users))
	for _, u := range users {
		ids = append(ids, u.ID)
		names = append(names, u.Name)
	}
	_, err := pool.Exec(ctx, "INSERT INTO users (id, name) SELECT * FROM unnest($1::bigint[], $2::text[])", ids, names) // label:ok
	return err
}

func LiteralArgs(ctx context.Context, pool *pgxpool.Pool, u User) error {
	_, err := pool.Exec(ctx, "INSERT ...", []any{u.ID, u.Name}...) // label:ok
	return err
}

func TenRows(ctx context.Context, pool *pgxpool.Pool) error {
	var args []any
	for i := 0; i < 10; i++ {
		args = append(args, i, fmt.Sprint(i))
	}
	_, err := pool.Exec(ctx, "INSERT ...", args...) // label:ok
	return err
}

func Capped(ctx context.Context, pool *pgxpool.Pool, users []User) error {
	var args []any
	for _, u := range users {
		if len(args) >= 60000 {
			return fmt.Errorf("too many users")
		}
		args = append(args, u.ID, u.Name)
	}
	_, err := pool.Exec(ctx, "INSERT ...", args...) // label:ok
	return err
}

func FlushFull(ctx context.Context, pool *pgxpool.Pool, ch <-chan User) error {
	var args []any
	for u := range ch {
		args = append(args, u.ID, u.Name)
		if len(args) >= 2000 {
			if _, err := pool.Exec(ctx, "INSERT ...", args...); err != nil { // label:ok
				return err
			}
			args = args[:0]
		}
	}
	_, err := pool.Exec(ctx, "INSERT ...", args...) // label:ok
	return err
}

func Helper(ctx context.Context, pool *pgxpool.Pool, q string, args ...any) error {
	_, err := pool.Exec(ctx, q, args...) // label:ok
	return err
}

func Closure(pool *pgxpool.Pool) func(context.Context, []any) error {
	return func(ctx context.Context, args []any) error {
		_, err := pool.Exec(ctx, "INSERT ...", args...) // label:ok
		return err
	}
}

func PerRow(ctx context.Context, pool *pgxpool.Pool, users []User) error {
	var args []any
	for _, u := range users {
		args = append(args[:0], u.ID, u.Name)
		if _, err := pool.Exec(ctx, "INSERT ...", args...); err != nil { // label:ok
			return err
		}
	}
	return nil
}

func Logged(users []User) {
	var args []any
	for _, u := range users {
		args = append(args, u.ID)
	}
	fmt.Println(args...) // label:ok
}

// Each row's values are spread: the column count is not in the code.
func Spread(ctx context.Context, pool *pgxpool.Pool, rows [][]any) error {
	var args []any
	for _, r := range rows {
		args = append(args, r...)
	}
	_, err := pool.Exec(ctx, "INSERT ...", args...) // label:bad
	return err
}

func Pairs(ctx context.Context, pool *pgxpool.Pool) error {
	var args []any
	for _, kv := range [][2]string{{"a", "1"}, {"b", "2"}, {"c", "3"}} {
		args = append(args, kv[0], kv[1])
	}
	_, err := pool.Exec(ctx, "INSERT ...", args...) // label:ok
	return err
}

func FirstPage(ctx context.Context, pool *pgxpool.Pool, users []User) error {
	var args []any
	for _, u := range users[:500] {
		args = append(args, u.ID, u.Name)
	}
	_, err := pool.Exec(ctx, "INSERT ...", args...) // label:ok
	return err
}

// Scan's variadic arguments are destinations, not bind parameters.
func ScanAny(rows *sql.Rows) ([]any, error) {
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var dest []any
	for range cols {
		dest = append(dest, new(any))
	}
	return dest, rows.Scan(dest...) // label:ok
}
