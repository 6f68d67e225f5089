package asyncproduce_test

import (
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/batchlint/batchlint/analyzers/asyncproduce"
)

var kafkaModule = filepath.Join("..", "..", "testdata", "kafka")

// TestAsyncProduce checks the findings against the want comments, and that
// a finding at a produce call points at the producer's construction, and
// one at a construction at the setting that asks for the unread results.
func TestAsyncProduce(t *testing.T) {
	results := analysistest.Run(t, kafkaModule, asyncproduce.Analyzer, "example.com/kafka/asyncproduce")
	n := 0
	for _, r := range results {
		fset := r.Pass.Fset
		line := func(pos token.Pos) string {
			p := fset.Position(pos)
			src, err := os.ReadFile(p.Filename)
			if err != nil {
				t.Fatal(err)
			}
			return strings.Split(string(src), "\n")[p.Line-1]
		}
		for _, d := range r.Diagnostics {
			if strings.Contains(line(d.Pos), "Produce(") {
				if len(d.Related) != 1 || !strings.Contains(line(d.Related[0].Pos), "New") {
					t.Errorf("%s: related %+v, want the construction", fset.Position(d.Pos), d.Related)
				}
				continue
			}
			for _, rel := range d.Related {
				if l := line(rel.Pos); strings.Contains(l, "= true") {
					n++
				} else if !strings.Contains(l, "Async: true") {
					t.Errorf("%s: related at %q, want the setting", fset.Position(d.Pos), l)
				}
			}
		}
	}
	if n != 2 {
		t.Errorf("%d findings point at a setting made after the construction, want 2", n)
	}
}
