// Package catalog belongs to the independent corpus: a service over
// sqlc-generated queries (package sqlcdb), adapted from public repository
// patterns and labelled by runtime behaviour (see package ledger).
package catalog

import (
	"context"
	"log"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/sqlcases/independent/sqlcdb"
)

type Service struct {
	pool *pgxpool.Pool
	q    *sqlcdb.Queries
}

type NewBook struct {
	ISBN, Title string
	Price       int64
}

// Import authors one CreateAuthor at a time.
func (s *Service) ImportAuthors(ctx context.Context, names []string) ([]sqlcdb.Author, error) {
	var out []sqlcdb.Author
	for _, n := range names {
		a, err := s.q.CreateAuthor(ctx, sqlcdb.CreateAuthorParams{Name: n}) // label:bad
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// Author with books in one transaction; books through the :copyfrom query.
func (s *Service) PublishAuthor(ctx context.Context, name string, books []NewBook) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	qtx := s.q.WithTx(tx)
	a, err := qtx.CreateAuthor(ctx, sqlcdb.CreateAuthorParams{Name: name}) // label:ok
	if err != nil {
		return err
	}
	params := make([]sqlcdb.CreateBooksParams, len(books))
	for i, b := range books {
		params[i] = sqlcdb.CreateBooksParams{Isbn: b.ISBN, AuthorID: a.ID, Title: b.Title, Price: b.Price}
	}
	if _, err := qtx.CreateBooks(ctx, params); err != nil { // label:ok
		return err
	}
	return tx.Commit(ctx)
}

// Same flow, books inserted with CreateBook in a loop inside the transaction.
func (s *Service) PublishAuthorSlow(ctx context.Context, name string, books []NewBook) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	qtx := s.q.WithTx(tx)
	a, err := qtx.CreateAuthor(ctx, sqlcdb.CreateAuthorParams{Name: name}) // label:ok
	if err != nil {
		return err
	}
	for _, b := range books {
		if err := qtx.CreateBook(ctx, sqlcdb.CreateBookParams{Isbn: b.ISBN, AuthorID: a.ID, Title: b.Title, Price: b.Price}); err != nil { // label:bad
			return err
		}
	}
	return tx.Commit(ctx)
}

// Prices updated through the :batchexec query, results read in a callback.
func (s *Service) Reprice(ctx context.Context, prices map[string]int64) error {
	args := make([]sqlcdb.UpdateBookPriceParams, 0, len(prices))
	for isbn, p := range prices {
		args = append(args, sqlcdb.UpdateBookPriceParams{Isbn: isbn, Price: p})
	}
	var firstErr error
	s.q.UpdateBookPrice(ctx, args).Exec(func(i int, err error) { // label:ok
		if err != nil && firstErr == nil {
			firstErr = err
		}
	})
	return firstErr
}

// Bios refreshed per author after listing them all.
func (s *Service) RefreshBios(ctx context.Context, lookup func(string) string) error {
	authors, err := s.q.ListAuthors(ctx) // label:ok
	if err != nil {
		return err
	}
	for _, a := range authors {
		bio := pgtype.Text{String: lookup(a.Name), Valid: true}
		if _, err := s.q.UpdateAuthorBio(ctx, sqlcdb.UpdateAuthorBioParams{ID: a.ID, Bio: bio}); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Delete authors one by one, logging failures and carrying on.
func (s *Service) PruneAuthors(ctx context.Context, ids []int64) {
	for _, id := range ids {
		if err := s.q.DeleteAuthor(ctx, id); err != nil { // label:bad
			log.Printf("delete author %d: %v", id, err)
		}
	}
}

// Set-based archive through an ANY($1) query.
func (s *Service) ArchiveAuthors(ctx context.Context, ids []int64) error {
	return s.q.ArchiveAuthors(ctx, ids) // label:ok
}

// GetAuthor per id: reads.
func (s *Service) Authors(ctx context.Context, ids []int64) ([]sqlcdb.Author, error) {
	out := make([]sqlcdb.Author, 0, len(ids))
	for _, id := range ids {
		a, err := s.q.GetAuthor(ctx, id) // label:ok
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// A transaction per author, each with one write.
func (s *Service) RenameEach(ctx context.Context, bios map[int64]string) error {
	for id, bio := range bios {
		err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
			_, err := s.q.WithTx(tx).UpdateAuthorBio(ctx, sqlcdb.UpdateAuthorBioParams{ID: id, Bio: pgtype.Text{String: bio, Valid: true}}) // label:bad
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}
