package sqlloop_test

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/batchlint/batchlint/analyzers/sqlloop"
)

// recorder collects analysistest's complaints instead of failing: the
// corpus carries labels, not expectations.
type recorder struct{ errs []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// TestCorpus measures precision and recall on a labelled corpus: each
// write call line ends with "// label:write" (a per-row write in a
// per-element loop) or "// label:ok" (a look-alike).
func TestCorpus(t *testing.T) {
	dir := filepath.Join(testdata, "corpus")
	labels := readLabels(t, dir)
	var writes, oks int
	for _, l := range labels {
		if l == "write" {
			writes++
		} else {
			oks++
		}
	}
	if writes < 25 || oks < 25 {
		t.Fatalf("corpus has %d write and %d ok labels; want at least 25 of each", writes, oks)
	}

	rec := &recorder{}
	results := analysistest.Run(rec, testdata, sqlloop.Analyzer, "./corpus/...")
	for _, e := range rec.errs {
		if !strings.Contains(e, "unexpected diagnostic") {
			t.Errorf("analysis: %s", e)
		}
	}
	reported := map[string]string{}
	for _, r := range results {
		for _, d := range r.Diagnostics {
			p := r.Action.Package.Fset.Position(d.Pos)
			reported[fmt.Sprintf("%s:%d", p.Filename, p.Line)] = d.Message
		}
	}

	var tp, fp, fn int
	for line, msg := range reported {
		switch labels[line] {
		case "write":
			tp++
		case "ok":
			fp++
			t.Logf("false positive %s: %s", rel(dir, line), msg)
		default:
			fp++
			t.Logf("unlabelled finding %s: %s", rel(dir, line), msg)
		}
	}
	for line, l := range labels {
		if l == "write" && reported[line] == "" {
			fn++
			t.Logf("missed %s", rel(dir, line))
		}
	}
	precision := float64(tp) / float64(max(tp+fp, 1))
	recall := float64(tp) / float64(max(tp+fn, 1))
	t.Logf("corpus: %d writes, %d look-alikes; TP %d FP %d FN %d; precision %.3f recall %.3f", writes, oks, tp, fp, fn, precision, recall)
	if precision < 0.97 || recall < 0.93 {
		t.Errorf("precision %.3f (min 0.97), recall %.3f (min 0.93)", precision, recall)
	}
}

// readLabels maps "abs-file:line" to "write" or "ok".
func readLabels(t *testing.T, dir string) map[string]string {
	t.Helper()
	labels := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		abs, err := filepath.Abs(path)
		if err != nil {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for n := 1; sc.Scan(); n++ {
			line := sc.Text()
			for _, l := range []string{"write", "ok"} {
				if strings.HasSuffix(line, "// label:"+l) {
					labels[fmt.Sprintf("%s:%d", abs, n)] = l
				}
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	return labels
}

func rel(dir, line string) string {
	abs, _ := filepath.Abs(dir)
	return strings.TrimPrefix(line, abs+string(filepath.Separator))
}
