// Package shapes holds the false-alarm shapes of issue 14 that sqlloop
// leaves alone (a set-based statement in a window, drain or partition loop,
// a loop driven by ticks or triggers, a paced loop, a small constant cap, a
// short literal list whose items call functions, a loop that always leaves
// after its first write, a small constant count) and the look-alikes it
// still reports.
package shapes

import (
	"context"
	"database/sql"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

func idWindows(ctx context.Context, pool *pgxpool.Pool, minID, maxID int64) {
	for lo := minID; lo <= maxID; lo += 1000 {
		pool.Exec(ctx, "DELETE FROM events WHERE id >= $1 AND id < $2", lo, lo+1000)
	}
}

func idWindowsVar(ctx context.Context, pool *pgxpool.Pool, minID, maxID, step int64) {
	for lo := minID; lo <= maxID; lo += step {
		pool.Exec(ctx, "DELETE FROM events WHERE id >= $1 AND id < $2", lo, lo+step)
	}
}

func drain(ctx context.Context, db *sql.DB, cutoff time.Time) error {
	for {
		res, err := db.ExecContext(ctx, "DELETE FROM events WHERE ctid IN (SELECT ctid FROM events WHERE at < $1 LIMIT $2)", cutoff, 1000)
		if err != nil {
			return err
		}
		n, _ := res.RowsAffected()
		if n < 1000 {
			return nil
		}
	}
}

func perPartition(ctx context.Context, pool *pgxpool.Pool, parts []string, day time.Time) {
	for _, p := range parts {
		pool.Exec(ctx, "INSERT INTO archive (id, body) SELECT id, body FROM events WHERE partition = $1 AND day = $2", p, day)
	}
}

func trigger(ctx context.Context, pool *pgxpool.Pool, kick <-chan struct{}) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-kick:
			pool.Exec(ctx, "DELETE FROM sessions WHERE expires_at < $1", time.Now())
		}
	}
}

func paced(ctx context.Context, pool *pgxpool.Pool, ids []int64) {
	for _, id := range ids {
		pool.Exec(ctx, "UPDATE items SET touched = now() WHERE id = $1", id)
		time.Sleep(100 * time.Millisecond)
	}
}

func capped(ctx context.Context, pool *pgxpool.Pool, n int) {
	for i := 0; i < min(n, 4); i++ {
		pool.Exec(ctx, "INSERT INTO partitions (n) VALUES ($1)", i)
	}
}

type seed struct {
	Name string
	At   time.Time
}

func literalCalls(ctx context.Context, pool *pgxpool.Pool, now time.Time) {
	for _, s := range []seed{{Name: "a", At: now.Add(-time.Hour)}, {Name: "b", At: now.Add(-2 * time.Hour)}} {
		pool.Exec(ctx, "INSERT INTO seeds (name, at) VALUES ($1, $2)", s.Name, s.At)
	}
}

func firstOnly(ctx context.Context, pool *pgxpool.Pool, ids []int64) {
	for _, id := range ids {
		pool.Exec(ctx, "INSERT INTO first (id) VALUES ($1)", id)
		break
	}
}

func constRange(ctx context.Context, pool *pgxpool.Pool) {
	for i := range 10 {
		pool.Exec(ctx, "INSERT INTO nums (n) VALUES ($1)", i)
	}
}

// Look-alikes: a variable step with no window, a count of data size, a
// delay that may be zero.

func everyStep(ctx context.Context, pool *pgxpool.Pool, ids []int64, step int) {
	for i := 0; i < len(ids); i += step {
		pool.Exec(ctx, "DELETE FROM events WHERE id = $1", ids[i]) // want `DELETE FROM events executed once per element of ids`
	}
}

func load(ctx context.Context, pool *pgxpool.Pool) {
	for i := range 1000 {
		pool.Exec(ctx, "INSERT INTO nums (n) VALUES ($1)", i) // want `INSERT INTO nums executed once per element of 1000`
	}
}

func delayed(ctx context.Context, pool *pgxpool.Pool, ids []int64, delay time.Duration) {
	for _, id := range ids {
		pool.Exec(ctx, "UPDATE items SET touched = now() WHERE id = $1", id) // want `UPDATE items executed once per element of ids`
		time.Sleep(delay)
	}
}

// A map filled by increments in one loop and written per key in the next:
// its keys come from the data, not from its empty literal. The look-alike
// ranges over a literal map that nothing stores into.
func perKeyCounts(ctx context.Context, pool *pgxpool.Pool, accounts []string) {
	counts := map[string]int64{}
	for _, a := range accounts {
		counts[a]++
	}
	for a, n := range counts {
		pool.Exec(ctx, "UPDATE counters SET n = n + $2 WHERE account = $1", a, n) // want `UPDATE counters executed once per element of counts`
	}
}

func fixedCounts(ctx context.Context, pool *pgxpool.Pool) {
	limits := map[string]int64{"free": 10, "pro": 100}
	for plan, n := range limits {
		pool.Exec(ctx, "UPDATE plans SET quota = $2 WHERE name = $1", plan, n)
	}
}
