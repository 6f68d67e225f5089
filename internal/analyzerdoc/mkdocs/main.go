// Command mkdocs writes each analyzer's page, docs/analyzers/NAME.md, from
// its doc.go. Run it with go generate ./analyzers.
package main

import (
	"flag"
	"log"
	"os"
	"path/filepath"

	"github.com/batchlint/batchlint/analyzers"
	"github.com/batchlint/batchlint/internal/analyzerdoc"
)

func main() {
	dir := flag.String("o", filepath.Join("..", "docs", "analyzers"), "the directory the pages are written to")
	flag.Parse()
	off := analyzers.Off()
	for _, a := range analyzers.All() {
		page := analyzerdoc.Page(a, off[a.Name])
		if err := os.WriteFile(filepath.Join(*dir, a.Name+".md"), []byte(page), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}
