// Command batchlint finds Go code that pays a write's fixed cost once per
// record: per-row SQL writes and ORM saves in loops, Kafka producers that
// never linger, compression on batches of one, and synchronous produce loops.
//
//	batchlint [flags] [packages]
//	go vet -vettool=$(command -v batchlint) [packages]
//	go fix -fixtool=$(command -v batchlint) [-diff] [packages]
//
// Run "batchlint help" for the analyzers and flags.
package main

import (
	"github.com/batchlint/batchlint/analyzers"
	"github.com/batchlint/batchlint/internal/driver"
)

func main() { driver.Main(analyzers.All(), analyzers.Off()) }
