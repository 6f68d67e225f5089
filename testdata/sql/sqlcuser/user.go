// Package sqlcuser calls sqlc-generated queries from loops.
package sqlcuser

import (
	"context"
	"database/sql"

	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/sqlcases/sqlcpgx"
	"example.com/sqlcases/sqlcstd"
)

type Input struct {
	Name, Bio string
}

// Positives: the finding is at the user's call, naming the generated method.

func seedAuthors(ctx context.Context, pool *pgxpool.Pool, in []Input) error {
	q := sqlcpgx.New(pool)
	for _, a := range in {
		if _, err := q.CreateAuthor(ctx, sqlcpgx.CreateAuthorParams{Name: a.Name, Bio: pgtype.Text{String: a.Bio, Valid: true}}); err != nil { // want `\(\*sqlcpgx.Queries\).CreateAuthor \(INSERT INTO authors\) executed once per element of in, with autocommit; use an sqlc :copyfrom or :batchexec query`
			return err
		}
	}
	return nil
}

func purge(ctx context.Context, q *sqlcpgx.Queries, ids []int64) {
	for _, id := range ids {
		_ = q.DeleteAuthor(ctx, id) // want `\(\*sqlcpgx.Queries\).DeleteAuthor \(DELETE FROM authors\) executed once per element of ids;`
	}
}

func rewriteBios(ctx context.Context, pool *pgxpool.Pool, bios map[int64]string) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	q := sqlcpgx.New(pool).WithTx(tx)
	for id, bio := range bios {
		if _, err := q.UpdateAuthorBio(ctx, sqlcpgx.UpdateAuthorBioParams{ID: id, Bio: pgtype.Text{String: bio, Valid: true}}); err != nil { // want `UpdateAuthorBio \(UPDATE authors\) executed once per element of bios, in a transaction`
			return err
		}
	}
	return tx.Commit(ctx)
}

func billAll(ctx context.Context, db *sql.DB, amounts map[int64]int64) {
	q := sqlcstd.New(db)
	for cust, amt := range amounts {
		q.CreateInvoice(ctx, sqlcstd.CreateInvoiceParams{CustomerID: cust, Amount: amt}) // want `\(\*sqlcstd.Queries\).CreateInvoice \(INSERT INTO invoices\) executed once per element of amounts`
	}
}

func annotate(ctx context.Context, q *sqlcstd.Queries, notes map[int64]string) {
	for id, n := range notes {
		q.UpsertInvoiceNote(ctx, sqlcstd.UpsertInvoiceNoteParams{InvoiceID: id, Note: n}) // want `UpsertInvoiceNote \(UPSERT INTO invoice_notes\) executed once per element of notes`
	}
}

// Look-alikes.

func seedBulk(ctx context.Context, q *sqlcpgx.Queries, in []Input) (int64, error) {
	params := make([]sqlcpgx.CreateAuthorsParams, 0, len(in))
	for _, a := range in {
		params = append(params, sqlcpgx.CreateAuthorsParams{Name: a.Name, Bio: pgtype.Text{String: a.Bio, Valid: true}})
	}
	return q.CreateAuthors(ctx, params)
}

func reprice(ctx context.Context, q *sqlcpgx.Queries, prices map[int64]int32) error {
	var arg []sqlcpgx.UpdateBookPriceParams
	for id, p := range prices {
		arg = append(arg, sqlcpgx.UpdateBookPriceParams{ID: id, Price: p})
	}
	var firstErr error
	q.UpdateBookPrice(ctx, arg).Exec(func(i int, err error) {
		if err != nil && firstErr == nil {
			firstErr = err
		}
	})
	return firstErr
}

func lookup(ctx context.Context, q *sqlcpgx.Queries, ids []int64) ([]sqlcpgx.Author, error) {
	var out []sqlcpgx.Author
	for _, id := range ids {
		a, err := q.GetAuthor(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

func purgeBatches(ctx context.Context, q *sqlcpgx.Queries, batches [][]int64) error {
	for _, ids := range batches {
		if err := q.DeleteAuthors(ctx, ids); err != nil {
			return err
		}
	}
	return nil
}

func invoicesOf(ctx context.Context, q *sqlcstd.Queries, ids []int64) []sqlcstd.Invoice {
	var out []sqlcstd.Invoice
	for _, id := range ids {
		if inv, err := q.GetInvoice(ctx, id); err == nil {
			out = append(out, inv)
		}
	}
	return out
}
