package e2e

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"
)

// TestDeterminism analyses testdata/demo twice from scratch and requires
// byte-identical text, -json and -format sarif output. Each analysis runs
// a copy of the binary under a new path and tool ID, so go vet recomputes
// every result instead of replaying its cache, and the second one runs the
// packages one at a time (-p=1) where the first ran them in parallel: map
// order, scheduling and the tool's own path must not show in the output.
func TestDeterminism(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses the demo module twice")
	}
	bin := batchlintBinary(t)
	demo, err := filepath.Abs(filepath.Join("..", "testdata", "demo"))
	if err != nil {
		t.Fatal(err)
	}
	formats := []struct{ name, flag string }{
		{"json", "-format=json"}, // first: it fills go vet's cache for the tool
		{"text", "-format=text"},
		{"sarif", "-format=sarif"},
	}
	analyse := func(t *testing.T, goflags string) map[string][]byte {
		tool := freshTool(t, bin)
		env := append(offlineEnv(), "GOFLAGS=-mod=vendor "+goflags)
		out := map[string][]byte{}
		for _, f := range formats {
			stdout, stderr, code := run3(t, demo, env, tool, f.flag, "./...")
			checkNoPanic(t, "batchlint "+f.flag, stdout, stderr)
			if code != 3 {
				t.Fatalf("batchlint %s: exit %d, want 3 (findings)\n%s", f.flag, code, stderr)
			}
			if len(stderr) > 0 {
				t.Errorf("batchlint %s wrote to stderr:\n%s", f.flag, stderr)
			}
			out[f.name] = stdout
		}
		return out
	}
	first := analyse(t, "")
	second := analyse(t, "-p=1")

	if n := len(textFindings(first["text"])); n < 5 {
		t.Fatalf("only %d findings on the demo: nothing to compare\n%s", n, first["text"])
	}
	for _, f := range formats {
		a, b := first[f.name], second[f.name]
		if !bytes.Equal(a, b) {
			t.Errorf("%s output differs between two analyses of the same input (first difference at byte %s)",
				f.name, firstDiff(a, b))
		}
	}
}

func firstDiff(a, b []byte) string {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			lo := max(0, i-80)
			return fmt.Sprintf("%d:\n%s\n---\n%s", i, a[lo:min(len(a), i+80)], b[lo:min(len(b), i+80)])
		}
	}
	return fmt.Sprintf("%d (one output is a prefix of the other)", n)
}
