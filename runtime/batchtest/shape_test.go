package batchtest

import "testing"

func TestNormalize(t *testing.T) {
	for _, c := range []struct {
		sql, want string
		write     bool
		tuples    int
	}{
		{"INSERT INTO items (id, name) VALUES ($1, $2)", "insert into items (id, name) values (?, ?)", true, 1},
		{"insert into items(id,name)\n\tvalues (7, 'it''s'),(8,E'a\\'b'), ($3, $$x$$);", "insert into items (id, name) values (?, ?)", true, 3},
		{"INSERT INTO items (id, name) VALUES (?, ?), (?1, :name), (@id, $tag$x$tag$)", "insert into items (id, name) values (?, ?)", true, 3},
		{"/* bulk */ INSERT INTO \"Items\" (id) VALUES (1) ON CONFLICT (id) DO NOTHING -- done", "insert into \"Items\" (id) values (?) on conflict (id) do nothing", true, 1},
		{"UPDATE items SET name = $1, n = n+1.5e3 WHERE id = $2", "update items set name = ?, n = n + ? where id = ?", true, 0},
		{"DELETE FROM items WHERE id IN (1, 2, 3)", "delete from items where id in (?)", true, 0},
		{"delete from items where id in ($1)", "delete from items where id in (?)", true, 0},
		{"SELECT count(*), x::text FROM items WHERE a<=b", "select count(*), x::text from items where a <= b", false, 0},
		{"WITH moved AS (DELETE FROM a RETURNING *) SELECT 1", "with moved as (delete from a returning *) select ?", true, 0},
		{"COPY items (id, name) FROM STDIN", "copy items (id, name) from stdin", true, 0},
		{"COPY items TO STDOUT", "copy items to stdout", false, 0},
		{"INSERT INTO s.\"T\"(a) SELECT f(x) FROM generate_series(1, 2) x", "insert into s.\"T\" (a) select f(x) from generate_series(?, ?) x", true, 0},
		{"INSERT INTO t (a) VALUES (1), (2) RETURNING id", "insert into t (a) values (?) returning id", true, 2},
		{"INSERT INTO t (a) VALUES (f(1, 2)), (f(3, 4)),", "insert into t (a) values (f(?, ?)),", true, 2},
		{"SELECT * FROM (VALUES (1), (2)) v WHERE a IN (1, b) AND c IN (SELECT 1) AND d IN ()", "select * from (values (?)) v where a in (?, b) and c in (select ?) and d in ()", false, 2},
		{"DELETE FROM t WHERE id IN ($1, $2, $3", "delete from t where id in (?, ?, ?", true, 0},
		{"", "", false, 0},
		{"'unterminated", "?", false, 0},
	} {
		got := normalize(c.sql)
		if got.text != c.want || got.write() != c.write || got.tuples != c.tuples {
			t.Errorf("normalize(%q) = %q write=%v tuples=%d, want %q write=%v tuples=%d", c.sql, got.text, got.write(), got.tuples, c.want, c.write, c.tuples)
		}
	}
}
