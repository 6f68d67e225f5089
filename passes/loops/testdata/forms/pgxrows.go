package forms

import (
	"github.com/jackc/pgx/v5"
)

// pgx's row helpers call their function once per row, like for rows.Next().

func forEachRow(rows pgx.Rows) error {
	var id string
	_, err := pgx.ForEachRow(rows, []any{&id}, func() error {
		return write(id) // want `per-iteration of pgx.ForEachRow \(per-element\)`
	})
	write(id) // want `not per-iteration`
	return err
}

func forEachRowClosure(rows pgx.Rows) error {
	var id string
	mark := func() error {
		return write(id) // want `per-iteration of pgx.ForEachRow \(per-element\)`
	}
	_, err := pgx.ForEachRow(rows, []any{&id}, mark)
	return err
}

func forEachRowInLoop(batches []pgx.Rows) {
	for _, rows := range batches {
		var id string
		pgx.ForEachRow(rows, []any{&id}, func() error {
			where() // want `enclosing pgx.ForEachRow \(per-element\), parent batches`
			return nil
		})
	}
}

func collectRows(rows pgx.Rows) ([]string, error) {
	ids, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (string, error) {
		var id string
		if err := row.Scan(&id); err != nil {
			return "", err
		}
		return id, write(id) // want `per-iteration of pgx.CollectRows \(per-element\)`
	})
	write(ids) // want `not per-iteration`
	return ids, err
}

func appendRows(rows pgx.Rows, ids []string) ([]string, error) {
	return pgx.AppendRows(ids, rows, func(row pgx.CollectableRow) (string, error) {
		var id string
		err := row.Scan(&id)
		write(id) // want `per-iteration of pgx.AppendRows \(per-element\)`
		return id, err
	})
}

func collectRowsRowTo(rows pgx.Rows) error {
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return err
	}
	return write(ids) // want `not per-iteration`
}

// Look-alikes: one row only, and a helper of this package that shares
// ForEachRow's name and shape.

func collectOneRow(rows pgx.Rows) (string, error) {
	return pgx.CollectOneRow(rows, func(row pgx.CollectableRow) (string, error) {
		var id string
		err := row.Scan(&id)
		write(id) // want `not per-iteration`
		return id, err
	})
}

func ForEachRow(rows pgx.Rows, scans []any, fn func() error) error { return nil }

func lookAlikeForEachRow(rows pgx.Rows) error {
	var id string
	return ForEachRow(rows, []any{&id}, func() error {
		return write(id) // want `not per-iteration`
	})
}
