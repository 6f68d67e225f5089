package batchtest

import (
	"encoding/binary"
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

// BenchmarkWatchCopyData is the protocol watch on a COPY's data: 64 KiB
// CopyData messages, as pgconn sends them.
func BenchmarkWatchCopyData(b *testing.B) {
	msg := make([]byte, 5+64<<10)
	msg[0] = 'd'
	binary.BigEndian.PutUint32(msg[1:], uint32(len(msg)-1))
	var m messages
	b.SetBytes(int64(len(msg)))
	for b.Loop() {
		m.feed(msg, func(byte) bool { return false }, nil)
	}
}
