package main

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/batchlint/batchlint/internal/pgtest"
)

// TestLadderRuns runs every rung once on small counts, so the benchmark keeps
// compiling and measuring what it claims: each Postgres rung is checked by
// runPostgres to leave exactly its rows in the table.
func TestLadderRuns(t *testing.T) {
	ctx := context.Background()
	pg, info, err := runPostgres(ctx, pgtest.DSN(t), pgConfig{Rows: 3000, SlowRows: 300, BatchRows: 1000, PgxBatch: 250, Repeat: 1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(info, "fsync=") {
		t.Errorf("server line %q does not say how commits are flushed", info)
	}
	k, err := runKafka(ctx, kafkaConfig{Records: 3000, SyncRecords: 300, RecordBytes: 200, Repeat: 1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	rungs := append(pg, k...)
	wantItems := map[string]int{"autocommit": 300, "onetx": 3000, "multirow": 3000, "pgxbatch": 3000, "writer": 3000, "copyrows": 3000, "copyfrom": 3000,
		"sync": 300, "async0": 3000, "preset": 3000}
	if len(rungs) != len(wantItems) {
		t.Fatalf("%d rungs, want %d", len(rungs), len(wantItems))
	}
	for _, r := range rungs {
		if r.Items != wantItems[r.Key] || r.PerSecond() <= 0 {
			t.Errorf("%s: %d items at %.0f/s, want %d", r.Name, r.Items, r.PerSecond(), wantItems[r.Key])
		}
	}
	// Request counts are exact where the client's behaviour is: ProduceSync of
	// one record is one produce request; a lingering producer sends far fewer.
	for _, r := range k {
		switch r.Key {
		case "sync":
			if r.Requests != int64(r.Items) {
				t.Errorf("ProduceSync of %d records sent %d produce requests, want one each", r.Items, r.Requests)
			}
		case "preset":
			if r.Requests == 0 || r.Requests*100 > int64(r.Items) {
				t.Errorf("batched producer sent %d produce requests for %d records, want at least 100 records per request", r.Requests, r.Items)
			}
		}
	}
	if checks := acceptance(rungs); len(checks) != 4 {
		t.Errorf("%d acceptance checks, want 4", len(checks))
	}

	var svg bytes.Buffer
	if err := writeSVG(&svg, rungs); err != nil {
		t.Fatal(err)
	}
	bars := 0
	dec := xml.NewDecoder(&svg)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("chart is not well-formed XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "rect" {
			for _, a := range se.Attr {
				if a.Name.Local == "class" && strings.HasPrefix(a.Value, "bar") {
					bars++
				}
			}
		}
	}
	if bars != len(rungs) {
		t.Errorf("chart has %d bars, want %d", bars, len(rungs))
	}
	md := markdown(rungs, []string{machine(), info})
	for _, r := range rungs {
		if !strings.Contains(md, "| "+r.Name+" |") {
			t.Errorf("table lacks %q", r.Name)
		}
	}
}
