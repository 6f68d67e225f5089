// Package importer loads user exports into the store.
package importer

import (
	"context"
	"fmt"

	"example.com/demo/store"
)

// ImportSlow writes the users one INSERT at a time. The write happens inside
// store.InsertUser, in another package: only a fact about that method shows
// that this loop pays a round trip and a commit per user.
func ImportSlow(ctx context.Context, st *store.Store, users []store.User) error {
	for _, u := range users {
		if err := st.InsertUser(ctx, u); err != nil {
			return fmt.Errorf("import user %d: %w", u.ID, err)
		}
	}
	return nil
}

// Import writes the users with one COPY.
func Import(ctx context.Context, st *store.Store, users []store.User) error {
	_, err := st.CopyUsers(ctx, users)
	return err
}
