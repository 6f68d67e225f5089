package driver_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/mod/module"
	"golang.org/x/mod/zip"

	"github.com/batchlint/batchlint/internal/driver"
)

// A first run in a module whose dependencies are not in the module cache
// yet: the go command reports each download on stderr, and that progress
// must not turn a clean analysis into "some packages were not analysed".
// The dependency is served by a file proxy into an empty module cache.
func TestModuleDownloadsAreNoFailure(t *testing.T) {
	dep := module.Version{Path: "example.com/dep", Version: "v1.0.0"}
	src := t.TempDir()
	writeFiles(t, src, map[string]string{
		"go.mod": "module example.com/dep\n\ngo 1.26\n",
		"dep.go": "package dep\n\nfunc Do() {}\n",
	})
	proxy := t.TempDir()
	at := filepath.Join(proxy, "example.com", "dep", "@v")
	writeFiles(t, at, map[string]string{
		"list":        dep.Version + "\n",
		"v1.0.0.info": `{"Version":"v1.0.0"}`,
		"v1.0.0.mod":  "module example.com/dep\n\ngo 1.26\n",
	})
	z, err := os.Create(filepath.Join(at, "v1.0.0.zip"))
	if err != nil {
		t.Fatal(err)
	}
	if err := zip.CreateFromDir(z, dep, src); err != nil {
		t.Fatal(err)
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}

	dir := toyModule(t, map[string]string{
		"go.mod": toyGoMod + "\nrequire example.com/dep v1.0.0\n",
		"b/b.go": "package b\n\nimport \"example.com/dep\"\n\nfunc B() { dep.Do() }\n",
	})
	t.Setenv("GOPROXY", "file://"+filepath.ToSlash(proxy))
	t.Setenv("GOMODCACHE", t.TempDir())
	t.Setenv("GOFLAGS", "-mod=mod -modcacherw -buildvcs=false")
	t.Setenv("GOSUMDB", "off")

	r := run(t, dir, "./...")
	if !strings.Contains(r.stderr, "go: downloading example.com/dep v1.0.0") {
		t.Fatalf("the dependency was not downloaded by this run; stderr:\n%s", r.stderr)
	}
	if r.code != driver.ExitFindings || strings.Contains(r.stderr, "not analysed") || !strings.Contains(r.stdout, "a/a.go:9:3: hit: hit called") {
		t.Errorf("exit %d (want 3), stdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
}
