// Package sqlxrepo belongs to the independent corpus: repositories over
// jmoiron/sqlx, adapted from public repository patterns and labelled by
// runtime behaviour (see package ledger).
package sqlxrepo

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jmoiron/sqlx"
)

type Person struct {
	ID        int64  `db:"id"`
	FirstName string `db:"first_name"`
	LastName  string `db:"last_name"`
	Email     string `db:"email"`
}

type Tag struct {
	ID   int64  `db:"id"`
	Name string `db:"name"`
}

const insertPerson = `INSERT INTO person (first_name, last_name, email) VALUES (:first_name, :last_name, :email)`

type People struct {
	db *sqlx.DB
}

// One-row helper used by callers elsewhere.
func (p *People) Insert(ctx context.Context, person *Person) error {
	_, err := p.db.NamedExecContext(ctx, insertPerson, person) // label:ok
	return err
}

// NamedExec with a slice expands into one multi-row INSERT.
func (p *People) InsertAll(people []Person) error {
	if len(people) == 0 {
		return nil
	}
	_, err := p.db.NamedExec(insertPerson, people) // label:ok
	return err
}

// NamedExec with one struct per iteration.
func (p *People) InsertEach(people []Person) error {
	for _, person := range people {
		if _, err := p.db.NamedExec(insertPerson, person); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Bulk insert in chunks sized to the bind-parameter limit, RETURNING ids.
func BatchInsert[T any](tx *sqlx.Tx, query string, items []*T, params int) ([]*T, error) {
	max := ((1 << 15) / params) - 2
	var out []*T
	for i := 0; i < len(items); i += max {
		batch := items[i:min(i+max, len(items))]
		r, err := tx.NamedQuery(query, batch) // label:ok
		if err != nil {
			return nil, err
		}
		for r.Next() {
			row := new(T)
			if err := r.StructScan(row); err != nil {
				r.Close()
				return nil, err
			}
			out = append(out, row)
		}
		r.Close()
	}
	return out, nil
}

// MustExec in a transaction loop (tutorial style).
func (p *People) Load(people []Person) {
	tx := p.db.MustBegin()
	for _, person := range people {
		tx.MustExec("INSERT INTO person (first_name, last_name, email) VALUES ($1, $2, $3)", person.FirstName, person.LastName, person.Email) // label:bad
	}
	tx.Commit()
}

// Single MustExec of the schema.
func (p *People) CreateSchema() {
	p.db.MustExec(`CREATE TABLE IF NOT EXISTS person (id serial, first_name text, last_name text, email text)`) // label:ok
}

// sqlx.In expands the id list into one DELETE.
func (p *People) DeleteMany(ids []int64) error {
	q, args, err := sqlx.In("DELETE FROM person WHERE id IN (?)", ids)
	if err != nil {
		return err
	}
	_, err = p.db.Exec(p.db.Rebind(q), args...) // label:ok
	return err
}

// One DELETE per id in a loop.
func (p *People) DeleteEach(ctx context.Context, ids []int64) error {
	for _, id := range ids {
		if _, err := p.db.ExecContext(ctx, p.db.Rebind("DELETE FROM person WHERE id = ?"), id); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Get/Select in loops are reads.
func (p *People) ByEmails(ctx context.Context, emails []string) ([]Person, error) {
	var out []Person
	for _, e := range emails {
		var person Person
		if err := p.db.GetContext(ctx, &person, "SELECT * FROM person WHERE email = $1", e); err != nil { // label:ok
			if errors.Is(err, sql.ErrNoRows) {
				continue
			}
			return nil, err
		}
		out = append(out, person)
	}
	return out, nil
}

// Find-or-create per tag name: a SELECT and, when missing, an INSERT per tag.
func (p *People) EnsureTags(ctx context.Context, names []string) ([]Tag, error) {
	var tags []Tag
	for _, n := range names {
		var t Tag
		err := p.db.GetContext(ctx, &t, "SELECT id, name FROM tags WHERE name = $1", n) // label:ok
		if errors.Is(err, sql.ErrNoRows) {
			err = p.db.QueryRowxContext(ctx, "INSERT INTO tags (name) VALUES ($1) RETURNING id, name", n).StructScan(&t) // label:bad
		}
		if err != nil {
			return nil, err
		}
		tags = append(tags, t)
	}
	return tags, nil
}

// Prepared named statement executed per person.
func (p *People) InsertPrepared(ctx context.Context, people []Person) error {
	stmt, err := p.db.PrepareNamedContext(ctx, insertPerson)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for i := range people {
		if _, err := stmt.ExecContext(ctx, &people[i]); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Service layer: calls the one-row repository method per element.
type Service struct {
	people *People
}

func (s *Service) Register(ctx context.Context, batch []Person) error {
	for i := range batch {
		if err := s.people.Insert(ctx, &batch[i]); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Service layer using the slice method once.
func (s *Service) RegisterBulk(batch []Person) error {
	return s.people.InsertAll(batch) // label:ok
}

// Named update for each person in a transaction via NamedExecContext.
func (p *People) Rename(ctx context.Context, people []Person) error {
	tx, err := p.db.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, person := range people {
		if _, err := tx.NamedExecContext(ctx, `UPDATE person SET first_name = :first_name WHERE id = :id`, person); err != nil { // label:bad
			return err
		}
	}
	return tx.Commit()
}
