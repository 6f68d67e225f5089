package sinks

import "testing"

func TestClassifySQL(t *testing.T) {
	for _, tc := range []struct {
		sql    string
		op     string
		target string
		perRow bool
	}{
		{"INSERT INTO users (id, name) VALUES ($1, $2)", "INSERT", "users", true},
		{"  -- a comment\n/* block */ insert into public.users(id) values (?)", "INSERT", "public.users", true},
		{`INSERT INTO "Users" ("ID") VALUES ($1)`, "INSERT", "Users", true},
		{"INSERT INTO t (a) VALUES ($1) RETURNING id", "INSERT", "t", true},
		{"INSERT INTO t (a) VALUES ($1), ($2)", "INSERT", "t", false},
		{"INSERT INTO t (a, b) VALUES ($1, 'x,(y)')", "INSERT", "t", true},
		{"INSERT INTO t (a, b) VALUES ($1, '$2')", "INSERT", "t", true},
		{"INSERT INTO t (a) VALUES ($1) ON CONFLICT (a) DO NOTHING", "UPSERT", "t", true},
		{"INSERT INTO t (a) VALUES (?) ON DUPLICATE KEY UPDATE a = VALUES(a)", "UPSERT", "t", true},
		{"REPLACE INTO t (a) VALUES (?)", "UPSERT", "t", true},
		{"INSERT INTO t SELECT * FROM s WHERE id = $1", "INSERT", "t", false},
		{"INSERT INTO t (a) SELECT $1 WHERE NOT EXISTS (SELECT 1 FROM t WHERE a = $1)", "INSERT", "t", true},
		{"INSERT INTO t (a) SELECT unnest($1::int[])", "INSERT", "t", false},
		{"INSERT INTO t DEFAULT VALUES", "INSERT", "t", false},
		{"DELETE FROM sessions WHERE expires_at < now()", "DELETE", "sessions", false},
		{"INSERT INTO t (a) VALUES (:a)", "INSERT", "t", true},
		{"INSERT INTO t (a) VALUES (@a)", "INSERT", "t", true},
		{"UPDATE t SET a = b::text WHERE id = 1", "UPDATE", "t", false},
		{"INSERT INTO t (a) VALUES " + hole, "INSERT", "t", false},
		{"INSERT INTO t (a, b) VALUES (" + hole + ")", "INSERT", "t", true},
		{"INSERT INTO t (a, b) VALUES (" + hole + ", '" + hole + "')", "INSERT", "t", true},
		{"INSERT INTO t (a, b) VALUES ($1, $2)" + hole, "INSERT", "t", false},
		{"INSERT INTO " + hole + " (a) VALUES ($1)", "INSERT", "", true},
		{"UPDATE users SET name = $1 WHERE id = $2", "UPDATE", "users", true},
		{"UPDATE ONLY users SET name = $1 WHERE id = $2", "UPDATE", "users", true},
		{"UPDATE users SET seen = true WHERE id = ANY($1)", "UPDATE", "users", false},
		{"UPDATE t SET v = x.v FROM (VALUES (1, 'a'), (2, 'b')) AS x(id, v) WHERE t.id = x.id", "UPDATE", "t", false},
		{"UPDATE t SET v = u.v FROM unnest($1::int[], $2::text[]) AS u(id, v) WHERE t.id = u.id", "UPDATE", "t", false},
		{"DELETE FROM sessions WHERE id = $1", "DELETE", "sessions", true},
		{"DELETE FROM sessions WHERE id <> ALL($1)", "DELETE", "sessions", false},
		{"MERGE INTO t USING (VALUES ($1)) s(a) ON t.a = s.a WHEN NOT MATCHED THEN INSERT VALUES (s.a)", "MERGE", "t", true},
		{"WITH moved AS (DELETE FROM queue WHERE id = $1 RETURNING *) INSERT INTO done SELECT * FROM moved", "DELETE", "queue", true},
		{"WITH x AS (SELECT id FROM jobs WHERE id = $1 FOR UPDATE) SELECT * FROM x", "", "", false},
		{"WITH RECURSIVE r AS (SELECT 1) SELECT * FROM r", "", "", false},
		{"COPY users (id, name) FROM STDIN", "COPY", "users", false},
		{"SELECT * FROM users WHERE id = $1", "", "", false},
		{"SELECT id FROM users WHERE id = $1 FOR UPDATE", "", "", false},
		{"CREATE TABLE t (id int)", "", "", false},
		{"ALTER TABLE t ADD COLUMN x int", "", "", false},
		{"DROP TABLE t", "", "", false},
		{"TRUNCATE t", "", "", false},
		{"GRANT SELECT ON t TO r", "", "", false},
		{"SET search_path = app", "", "", false},
		{"LOCK TABLE t IN EXCLUSIVE MODE", "", "", false},
		{"BEGIN", "", "", false},
		{"CREATE TABLE t (id int); INSERT INTO t VALUES (1)", "", "", false},
		{"-- name: CreateAuthor :one\nINSERT INTO authors (name) VALUES ($1) RETURNING *", "INSERT", "authors", true},
		{"SELECT 'INSERT INTO t VALUES (1)'", "", "", false},
		{"DO $$ BEGIN INSERT INTO t VALUES (1); END $$", "", "", false},
		{"", "", "", false},
		{hole, "", "", false},
	} {
		c := ClassifySQL(tc.sql)
		if c.Op != tc.op || c.Target != tc.target || c.PerRow() != tc.perRow {
			t.Errorf("ClassifySQL(%q) = op %q target %q perRow %v, want %q %q %v", tc.sql, c.Op, c.Target, c.PerRow(), tc.op, tc.target, tc.perRow)
		}
	}
}

func TestInList(t *testing.T) {
	for sql, want := range map[string]bool{
		"UPDATE t SET a = 1 WHERE id IN ?":                  true,
		"DELETE FROM t WHERE id IN (?)":                     true,
		"DELETE FROM t WHERE (a, b) IN ?":                   true,
		"DELETE FROM t WHERE id IN @ids":                    true,
		"DELETE FROM t WHERE id IN ($1, $2)":                false,
		"DELETE FROM t WHERE id IN (SELECT id FROM s)":      false,
		"DELETE FROM t WHERE id = ? AND kind IN ('a', 'b')": false,
		"DELETE FROM t WHERE id = ANY(?)":                   false,
		"UPDATE t SET note = 'IN ?' WHERE id = ?":           false,
	} {
		if got := ClassifySQL(sql).InList; got != want {
			t.Errorf("ClassifySQL(%q).InList = %v, want %v", sql, got, want)
		}
	}
}

func TestSqlcHeader(t *testing.T) {
	c := ClassifySQL("-- name: CreateAuthors :copyfrom\nINSERT INTO authors (name) VALUES ($1)\n")
	if c.Sqlc != "CreateAuthors" || c.SqlcCmd != ":copyfrom" {
		t.Errorf("sqlc header = %q %q", c.Sqlc, c.SqlcCmd)
	}
}

func TestFormatHoles(t *testing.T) {
	for in, want := range map[string]string{
		"INSERT INTO %s (a) VALUES ($1)": "INSERT INTO " + hole + " (a) VALUES ($1)",
		"%-10q%%%[2]d":                   hole + "%" + hole,
		"no verbs":                       "no verbs",
	} {
		if got := formatHoles(in); got != want {
			t.Errorf("formatHoles(%q) = %q, want %q", in, got, want)
		}
	}
}
