package batchtest

import (
	"fmt"
	"strings"
	"testing"
)

// multiRow is the statement pgbatch.InsertChunks sends for the ladder's
// five columns: 13107 rows of bind parameters.
func multiRow() string {
	var b strings.Builder
	b.WriteString(`INSERT INTO "ladder"."readings" ("id", "device", "reading", "at", "note") VALUES `)
	for i := range 13107 {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "($%d,$%d,$%d,$%d,$%d)", 5*i+1, 5*i+2, 5*i+3, 5*i+4, 5*i+5)
	}
	return b.String()
}

func BenchmarkNormalizeMultiRow(b *testing.B) {
	sql := multiRow()
	b.SetBytes(int64(len(sql)))
	for b.Loop() {
		normalize(sql)
	}
}
