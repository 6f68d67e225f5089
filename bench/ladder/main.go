// Command ladder measures the write paths batchlint steers code between, on a
// local Postgres and an in-process Kafka (kfake), with the same records for
// every rung, and prints a Markdown table and an SVG bar chart (log scale).
//
//	bash bench/run.sh                  # starts Postgres (fsync on), runs, writes docs/write-paths.svg
//	bash scripts/test.sh go run ./bench/ladder -svg ''
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"strings"
)

func main() {
	var (
		dsn    = flag.String("dsn", os.Getenv("BATCHLINT_PG_DSN"), "Postgres connection string (default $BATCHLINT_PG_DSN)")
		svg    = flag.String("svg", "docs/write-paths.svg", "write the chart here (empty: no chart)")
		pgCfg  = defaultPGConfig()
		kCfg   = defaultKafkaConfig()
		noPG   = flag.Bool("no-postgres", false, "skip the Postgres rungs")
		noKafk = flag.Bool("no-kafka", false, "skip the Kafka rungs")
	)
	flag.IntVar(&pgCfg.Rows, "rows", pgCfg.Rows, "rows per Postgres rung")
	flag.IntVar(&pgCfg.SlowRows, "slow-rows", pgCfg.SlowRows, "rows for the per-row autocommit rung")
	flag.IntVar(&pgCfg.BatchRows, "batch", pgCfg.BatchRows, "rows per COPY batch (pgbatch.Writer and raw CopyFrom)")
	flag.IntVar(&pgCfg.Repeat, "repeat", pgCfg.Repeat, "runs per rung; the median counts")
	flag.IntVar(&kCfg.Records, "records", kCfg.Records, "records per batched Kafka rung")
	flag.IntVar(&kCfg.SyncRecords, "sync-records", kCfg.SyncRecords, "records for the ProduceSync-per-record rung")
	only := flag.String("only", "", "comma-separated Postgres rung keys to run (autocommit,onetx,multirow,pgxbatch,writer,copyrows,copyfrom)")
	flag.Parse()
	if *only != "" {
		pgCfg.Only = strings.Split(*only, ",")
	}
	kCfg.Repeat = pgCfg.Repeat
	log.SetFlags(0)

	ctx := context.Background()
	var rungs []rung
	var env []string
	if !*noPG {
		if *dsn == "" {
			log.Fatal("no Postgres: pass -dsn, or run through scripts/test.sh or bench/run.sh")
		}
		pg, info, err := runPostgres(ctx, *dsn, pgCfg, logProgress)
		if err != nil {
			log.Fatal(err)
		}
		rungs = append(rungs, pg...)
		env = append(env, info)
	}
	if !*noKafk {
		k, err := runKafka(ctx, kCfg, logProgress)
		if err != nil {
			log.Fatal(err)
		}
		rungs = append(rungs, k...)
	}
	fmt.Print(markdown(rungs, append([]string{machine()}, env...)))
	for _, c := range acceptance(rungs) {
		fmt.Println(c)
	}
	if *svg != "" {
		f, err := os.Create(*svg)
		if err != nil {
			log.Fatal(err)
		}
		if err := writeSVG(f, rungs); err != nil {
			log.Fatal(err)
		}
		if err := f.Close(); err != nil {
			log.Fatal(err)
		}
		log.Printf("chart written to %s", *svg)
	}
}

func logProgress(r rung) {
	log.Printf("%-56s %7d in %10v  %s", r.Name, r.Items, r.Elapsed.Round(1e5), rate(r.PerSecond(), r.Unit))
}
