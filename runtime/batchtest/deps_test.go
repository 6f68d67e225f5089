package batchtest_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDependencies keeps the package's promise to its users: importing it
// brings in pgx, franz-go (with what they import themselves) and the
// standard library, nothing else.
func TestDependencies(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	allowed := []string{"github.com/jackc/", "github.com/twmb/franz-go/", "github.com/klauspost/compress",
		"github.com/pierrec/lz4", "golang.org/x/sync", "golang.org/x/text", "github.com/batchlint/batchlint/runtime/batchtest"}
	for _, pkg := range strings.Fields(string(out)) {
		first, _, _ := strings.Cut(pkg, "/")
		if !strings.Contains(first, ".") {
			continue // the standard library
		}
		ok := false
		for _, a := range allowed {
			ok = ok || strings.HasPrefix(pkg, a)
		}
		if !ok {
			t.Errorf("runtime/batchtest depends on %s", pkg)
		}
	}
}
