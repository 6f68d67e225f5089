// Package caller loops over the repo package's wrappers: the facts carry
// the write across the package boundary.
package caller

import (
	"context"
	"database/sql"
	"log"

	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/sqlcases/repo"
)

func ingest(ctx context.Context, r *repo.EventRepo, events []repo.Event) error {
	for _, e := range events {
		if err := r.Save(ctx, e); err != nil { // want `\(\*repo.EventRepo\).Save \(INSERT INTO events\) executed once per element of events, with autocommit; use pgx CopyFrom`
			return err
		}
	}
	return nil
}

func ingestTx(ctx context.Context, pool *pgxpool.Pool, r *repo.EventRepo, events []repo.Event) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	for _, e := range events {
		if err := r.SaveTx(ctx, tx, e); err != nil { // want `SaveTx \(INSERT INTO events\) executed once per element of events, in a transaction`
			return err
		}
	}
	return tx.Commit(ctx)
}

func replay(ctx context.Context, r *repo.EventRepo, in <-chan repo.Event) {
	for e := range in {
		if err := r.Record(ctx, e); err != nil { // want `\(\*repo.EventRepo\).Record \(INSERT INTO events\) executed once per element of in`
			log.Print(err)
		}
	}
}

func deliverAll(ctx context.Context, db *sql.DB, events []repo.Event) {
	for _, e := range events {
		_ = repo.Deliver(ctx, db, e) // want `repo.Deliver \(INSERT INTO outbox_email\) executed once per element of events`
	}
}

func putAll(ctx context.Context, pool *pgxpool.Pool, kv map[string]int) {
	for k, v := range kv {
		repo.Upsert(ctx, pool, k, v) // want `repo.Upsert \(UPSERT INTO kv\) executed once per element of kv`
	}
}

// Look-alikes.

func ingestBulk(ctx context.Context, r *repo.EventRepo, batches [][]repo.Event) error {
	for _, b := range batches {
		if err := r.SaveAll(ctx, b); err != nil {
			return err
		}
	}
	return nil
}

func perGroup(ctx context.Context, r *repo.EventRepo, groups map[string][]repo.Event) {
	for _, g := range groups {
		_ = r.SaveEach(ctx, g)
	}
}

func audit(ctx context.Context, r *repo.EventRepo, events []repo.Event) {
	for _, e := range events {
		_ = r.MaybeSave(ctx, e)
	}
}

func queue(r *repo.EventRepo, events []repo.Event) []func(context.Context) error {
	var jobs []func(context.Context) error
	for _, e := range events {
		jobs = append(jobs, r.Later(e))
	}
	return jobs
}

type saver interface {
	Save(ctx context.Context, e repo.Event) error
}

// *repo.EventRepo implements saver and writes one row per Save, but an
// interface of the program's own implemented by its own types is not
// followed: which implementation runs is decided where the value is built,
// often in a package this one does not import, and a per-package run cannot
// see them all (sqlloop's documentation says what a whole-module step would
// take). Reporting this needs that step: until then, no finding.
func viaInterface(ctx context.Context, s saver, events []repo.Event) {
	for _, e := range events {
		_ = s.Save(ctx, e)
	}
}

func saveOnce(ctx context.Context, r *repo.EventRepo, e repo.Event) error {
	for attempt := 0; attempt < 5; attempt++ {
		if err := r.Save(ctx, e); err == nil {
			return nil
		}
	}
	return nil
}

func archiveEach(ctx context.Context, db *sql.DB, ids []string) {
	for _, id := range ids {
		_ = repo.ExecSQL(ctx, db, "UPDATE events SET archived = true WHERE id = $1", id) // want `repo.ExecSQL \(UPDATE events\) executed once per element of ids`
		_ = repo.ExecSQL(ctx, db, "ANALYZE events")
	}
}

func insertRows(ctx context.Context, rows []*repo.Row) error {
	for _, r := range rows {
		if err := r.Insert(ctx); err != nil { // want `\(\*repo.Row\).Insert \(INSERT INTO rows\) executed once per element of rows`
			return err
		}
	}
	return nil
}

func appendAll(ctx context.Context, pool *pgxpool.Pool, events []repo.Event) error {
	for _, e := range events {
		if err := repo.Append(ctx, pool, e); err != nil { // want `repo.Append \(INSERT INTO events\) executed once per element of events, with autocommit`
			return err
		}
	}
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	for _, e := range events {
		if err := repo.Append(ctx, tx, e); err != nil { // want `repo.Append \(INSERT INTO events\) executed once per element of events, in a transaction`
			return err
		}
	}
	return tx.Commit(ctx)
}

func auditAll(ctx context.Context, db *sql.DB, msgs []string) {
	for _, m := range msgs {
		db.ExecContext(ctx, repo.InsertAudit, m) // want `INSERT INTO audit executed once per element of msgs`
	}
}
