// Package jobs holds loops whose every element is a unit of work around an
// HTTP request (a feed refresh, an API call): the write in it is not what an
// element costs, and cannot be batched across elements. Writes next to a
// request made only sometimes, or only built, are still reported.
package jobs

import (
	"context"
	"io"
	"net/http"
	"sync"

	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/sqlcases/jobs/fetch"
)

type Job struct {
	FeedID int64
	URL    string
}

type Refresher struct {
	pool *pgxpool.Pool
	b    *fetch.Builder
}

// Refresh is a whole feed refresh: a fetch, then the feed's row updated.
func (r *Refresher) Refresh(ctx context.Context, j Job) error {
	body, err := fetch.Body(ctx, r.b, j.URL)
	if err != nil {
		return err
	}
	_, err = r.pool.Exec(ctx, "UPDATE feeds SET body = $1, checked_at = now() WHERE id = $2", body, j.FeedID)
	return err
}

// A worker pool over a job channel: each job is a refresh.
func (r *Refresher) Workers(ctx context.Context, jobs []Job, n int) {
	queue := make(chan Job, len(jobs))
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range queue {
				r.Refresh(ctx, j)
			}
		}()
	}
	for _, j := range jobs {
		queue <- j
	}
	close(queue)
	wg.Wait()
}

// A for-select worker: the quit channel comes first.
func (r *Refresher) Run(ctx context.Context, c <-chan Job, shutdown <-chan struct{}) {
	for {
		var j Job
		select {
		case <-shutdown:
			return
		case j = <-c:
		}
		r.Refresh(ctx, j)
	}
}

// The same worker shape over plain records: reported, and the message names
// the record channel, not the quit channel.
func (r *Refresher) Import(ctx context.Context, c <-chan Job, shutdown <-chan struct{}) {
	for {
		var j Job
		select {
		case <-shutdown:
			return
		case j = <-c:
		}
		r.pool.Exec(ctx, "INSERT INTO feeds (id, url) VALUES ($1, $2)", j.FeedID, j.URL) // want `INSERT INTO feeds executed once per element of c,`
	}
}

// Only enabled feeds are refreshed, but each refresh is still a whole job.
func (r *Refresher) RefreshEnabled(ctx context.Context, jobs []Job, enabled map[int64]bool) {
	for _, j := range jobs {
		if enabled[j.FeedID] {
			r.Refresh(ctx, j)
		}
	}
}

// The request is made in the loop body itself, on every iteration.
func mirror(ctx context.Context, pool *pgxpool.Pool, client *http.Client, urls []string) {
	for _, u := range urls {
		resp, err := client.Get(u)
		if err != nil {
			continue
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		pool.Exec(ctx, "INSERT INTO pages (url, body) VALUES ($1, $2)", u, body)
	}
}

// Through another package's function on every iteration.
func check(ctx context.Context, pool *pgxpool.Pool, urls []string) {
	for _, u := range urls {
		up := fetch.Ping(u) == nil
		pool.Exec(ctx, "UPDATE targets SET up = $1 WHERE url = $2", up, u)
	}
}

// A request only for some elements: the others are plain per-row writes.
func refreshSome(ctx context.Context, pool *pgxpool.Pool, jobs []Job) {
	for _, j := range jobs {
		if j.URL != "" {
			http.Get(j.URL)
		}
		pool.Exec(ctx, "UPDATE feeds SET checked_at = now() WHERE id = $1", j.FeedID) // want `UPDATE feeds executed once per element of jobs`
	}
}

// A function that requests only on a cache miss does not make every element
// a request.
func warm(ctx context.Context, pool *pgxpool.Pool, b *fetch.Builder, cache map[string][]byte, jobs []Job) {
	for _, j := range jobs {
		body := fetch.Cached(b, cache, j.URL)
		pool.Exec(ctx, "UPDATE feeds SET body = $1 WHERE id = $2", body, j.FeedID) // want `UPDATE feeds executed once per element of jobs`
	}
}

// Building a request, or storing one for later, sends nothing.
func queue(ctx context.Context, pool *pgxpool.Pool, jobs []Job) {
	for _, j := range jobs {
		req, _ := fetch.Request(j.URL)
		later := fetch.Later(nil, j.URL)
		_ = later
		pool.Exec(ctx, "INSERT INTO outbox (url, method) VALUES ($1, $2)", j.URL, req.Method) // want `INSERT INTO outbox executed once per element of jobs`
	}
}

// A request in a nested loop may run zero times per element.
func fanout(ctx context.Context, pool *pgxpool.Pool, client *http.Client, jobs []Job, hooks []string) {
	for _, j := range jobs {
		for _, h := range hooks {
			client.Post(h, "text/plain", nil)
		}
		pool.Exec(ctx, "INSERT INTO sent (id) VALUES ($1)", j.FeedID) // want `INSERT INTO sent executed once per element of jobs`
	}
}

// An HTTP handler answering per element is no outbound request.
func serve(ctx context.Context, pool *pgxpool.Pool, w http.ResponseWriter, jobs []Job) {
	for _, j := range jobs {
		if _, err := pool.Exec(ctx, "INSERT INTO seen (id) VALUES ($1)", j.FeedID); err != nil { // want `INSERT INTO seen executed once per element of jobs`
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	}
}
