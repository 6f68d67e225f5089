package corpus

import (
	"context"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"

	"produce/corpus/auditlog"
)

type User struct {
	Name  string
	Email string
}

type Accounts struct {
	audit    *auditlog.Logger
	notifier *auditlog.Notifier
	client   *kgo.Client
}

// Deactivate audits each account it deactivates.
func (a *Accounts) Deactivate(ctx context.Context, users []User) error {
	for _, u := range users {
		if err := a.audit.Write(ctx, auditlog.Entry{Actor: "system", Action: "deactivate " + u.Name, At: time.Now()}); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// DeactivateBatch audits with one request.
func (a *Accounts) DeactivateBatch(ctx context.Context, users []User) error {
	entries := make([]auditlog.Entry, 0, len(users))
	for _, u := range users {
		entries = append(entries, auditlog.Entry{Actor: "system", Action: "deactivate " + u.Name, At: time.Now()})
	}
	return a.audit.WriteBatch(ctx, entries) // label:ok
}

// Touch buffers audit entries asynchronously.
func (a *Accounts) Touch(ctx context.Context, users []User) {
	for _, u := range users {
		a.audit.Buffer(ctx, auditlog.Entry{Actor: u.Name, Action: "touch", At: time.Now()}, func(error) {}) // label:ok
	}
}

// Welcome notifies each new user.
func (a *Accounts) Welcome(users []User) error {
	for _, u := range users {
		if err := a.notifier.Notify(u.Email, "welcome, "+u.Name); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Login audits one login.
func (a *Accounts) Login(ctx context.Context, u User) error {
	return a.audit.Write(ctx, auditlog.Entry{Actor: u.Name, Action: "login", At: time.Now()}) // label:ok
}

// Sync sends every user over a channel-fed worker.
func (a *Accounts) Sync(ctx context.Context, users <-chan User) error {
	for u := range users {
		if err := a.client.ProduceSync(ctx, &kgo.Record{Topic: "users", Key: []byte(u.Email), Value: []byte(u.Name)}).FirstErr(); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Export uses a closure called per user: a local wrapper, labelled at its
// call as the wrappers are.
func (a *Accounts) Export(ctx context.Context, users []User) error {
	send := func(u User) error {
		return a.client.ProduceSync(ctx, &kgo.Record{Topic: "export", Value: []byte(u.Email)}).FirstErr() // label:ok
	}
	for _, u := range users {
		if err := send(u); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Reindex produces per user with a WaitGroup, waiting only at the end.
func (a *Accounts) Reindex(ctx context.Context, users []User) {
	done := make(chan struct{}, len(users))
	for _, u := range users {
		a.client.Produce(ctx, &kgo.Record{Topic: "reindex", Value: []byte(u.Email)}, func(*kgo.Record, error) { done <- struct{}{} }) // label:ok
	}
	for range users {
		<-done
	}
}

// FirstOnly publishes only the first user, then stops.
func (a *Accounts) FirstOnly(ctx context.Context, users []User) error {
	for _, u := range users {
		return a.client.ProduceSync(ctx, &kgo.Record{Topic: "first", Value: []byte(u.Email)}).FirstErr() // label:ok
	}
	return nil
}

// Pages sends one record per page of 100 users.
func (a *Accounts) Pages(ctx context.Context, users []User) error {
	for start := 0; start < len(users); start += 100 {
		end := min(start+100, len(users))
		recs := make([]*kgo.Record, 0, end-start)
		for _, u := range users[start:end] {
			recs = append(recs, &kgo.Record{Topic: "pages", Value: []byte(u.Email)})
		}
		if err := a.client.ProduceSync(ctx, recs...).FirstErr(); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// Summary sends one summary record per page of 100 users.
func (a *Accounts) Summary(ctx context.Context, users []User) error {
	for start := 0; start < len(users); start += 100 {
		if err := a.client.ProduceSync(ctx, &kgo.Record{Topic: "summary", Value: []byte{byte(start / 100)}}).FirstErr(); err != nil { // label:ok
			return err
		}
	}
	return nil
}
