// Command demo wires the demo service together.
package main

import (
	"context"
	"log"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/demo/importer"
	"example.com/demo/store"
)

func main() {
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	defer pool.Close()
	users := []store.User{{ID: 1, Email: "a@example.com", Name: "A"}}
	if err := importer.ImportSlow(ctx, store.New(pool), users); err != nil {
		log.Fatal(err)
	}
}
