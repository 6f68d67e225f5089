// Command batchlint finds Go code that pays a write's fixed cost once per
// record: per-row SQL writes and ORM saves in loops, Kafka producers that
// never linger, compression on batches of one, and synchronous produce loops.
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/batchlint/batchlint/analyzers"
)

func main() { multichecker.Main(analyzers.All()...) }
