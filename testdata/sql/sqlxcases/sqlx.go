// Package sqlxcases holds sqlx write shapes.
package sqlxcases

import (
	"context"

	"github.com/jmoiron/sqlx"
)

type Product struct {
	SKU   string `db:"sku"`
	Name  string `db:"name"`
	Price int64  `db:"price"`
}

const insertProduct = `INSERT INTO products (sku, name, price) VALUES (:sku, :name, :price)`

// Positives.

func namedEach(db *sqlx.DB, ps []Product) error {
	for _, p := range ps {
		if _, err := db.NamedExec(insertProduct, p); err != nil { // want `INSERT INTO products executed once per element of ps, with autocommit; use sqlx NamedExec with a slice of rows per chunk$`
			return err
		}
	}
	return nil
}

func namedEachCtx(ctx context.Context, tx *sqlx.Tx, ps []*Product) error {
	for _, p := range ps {
		if _, err := tx.NamedExecContext(ctx, insertProduct, p); err != nil { // want `INSERT INTO products executed once per element of ps, in a transaction`
			return err
		}
	}
	return nil
}

func namedMap(db *sqlx.DB, prices map[string]int64) {
	for sku, price := range prices {
		db.NamedExec(`UPDATE products SET price = :price WHERE sku = :sku`, map[string]any{"sku": sku, "price": price}) // want `UPDATE products executed once per element of prices`
	}
}

func mustExec(db *sqlx.DB, skus []string) {
	for _, s := range skus {
		db.MustExec("DELETE FROM products WHERE sku = $1", s) // want `DELETE FROM products executed once per element of skus`
	}
}

func promotedExec(ctx context.Context, db *sqlx.DB, ps []Product) {
	for _, p := range ps {
		db.ExecContext(ctx, "INSERT INTO products (sku, name, price) VALUES ($1, $2, $3)", p.SKU, p.Name, p.Price) // want `INSERT INTO products executed once per element of ps.*use sqlx NamedExec with a slice`
	}
}

func pkgMustExec(tx *sqlx.Tx, skus []string) {
	for _, s := range skus {
		sqlx.MustExec(tx, "UPDATE products SET archived = true WHERE sku = $1", s) // want `UPDATE products executed once per element of skus, in a transaction`
	}
}

func preparedNamed(db *sqlx.DB, ps []Product) error {
	stmt, err := db.PrepareNamed(insertProduct)
	if err != nil {
		return err
	}
	for _, p := range ps {
		if _, err := stmt.Exec(p); err != nil { // want `INSERT INTO products executed once per element of ps`
			return err
		}
	}
	return nil
}

func preparex(db *sqlx.DB, ps []Product) {
	ins, err := db.Preparex("INSERT INTO products (sku) VALUES ($1)")
	if err != nil {
		return
	}
	for _, p := range ps {
		ins.MustExec(p.SKU) // want `INSERT INTO products executed once per element of ps`
	}
}

func getReturning(db *sqlx.DB, names []string) []int64 {
	var ids []int64
	for _, n := range names {
		var id int64
		if err := db.Get(&id, "INSERT INTO brands (name) VALUES ($1) RETURNING id", n); err == nil { // want `INSERT INTO brands executed once per element of names`
			ids = append(ids, id)
		}
	}
	return ids
}

// Look-alikes.

func namedSlice(db *sqlx.DB, ps []Product) error {
	_, err := db.NamedExec(insertProduct, ps)
	return err
}

func namedSliceChunks(db *sqlx.DB, ps []Product) error {
	for len(ps) > 0 {
		n := min(len(ps), 500)
		if _, err := db.NamedExec(insertProduct, ps[:n]); err != nil {
			return err
		}
		ps = ps[n:]
	}
	return nil
}

func namedSlicePerGroup(db *sqlx.DB, groups map[string][]Product) error {
	for _, g := range groups {
		if _, err := db.NamedExec(insertProduct, g); err != nil {
			return err
		}
	}
	return nil
}

func getEach(db *sqlx.DB, skus []string) ([]Product, error) {
	var out []Product
	for _, s := range skus {
		var p Product
		if err := db.Get(&p, "SELECT sku, name, price FROM products WHERE sku = $1", s); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

func selectEach(db *sqlx.DB, cats []string) (map[string][]Product, error) {
	out := map[string][]Product{}
	for _, c := range cats {
		var ps []Product
		if err := db.Select(&ps, "SELECT sku, name, price FROM products WHERE category = $1", c); err != nil {
			return nil, err
		}
		out[c] = ps
	}
	return out, nil
}

func inQuery(db *sqlx.DB, groups [][]string) error {
	for _, skus := range groups {
		q, args, err := sqlx.In("DELETE FROM products WHERE sku IN (?)", skus)
		if err != nil {
			return err
		}
		if _, err := db.Exec(db.Rebind(q), args...); err != nil {
			return err
		}
	}
	return nil
}

func rebound(db *sqlx.DB, stock map[string]int) {
	for sku, n := range stock {
		db.MustExec(db.Rebind("UPDATE products SET stock = ? WHERE sku = ?"), n, sku) // want `UPDATE products executed once per element of stock`
	}
}

// An Execer parameter may be a DB or a Tx: the message says so.
func viaExecer(e sqlx.Execer, skus []string) {
	for _, s := range skus {
		sqlx.MustExec(e, "UPDATE products SET views = views + 1 WHERE sku = $1", s) // want `UPDATE products executed once per element of skus;`
	}
}
