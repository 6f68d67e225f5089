//go:build unix

package driver_test

import (
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/batchlint/batchlint/internal/driver"
)

// fifo makes a FIFO at path and watches it until the test ends: whenever
// something has it open for reading, the watcher opens it for writing and
// closes it again, so that a blocked reader gets end of file instead of
// hanging the suite. opened reports whether that ever happened.
func fifo(t *testing.T, path string) (opened func() bool) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Fatal(err)
	}
	var seen atomic.Bool
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		for {
			// Succeeds only while a reader has the FIFO open.
			if f, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
				seen.Store(true)
				f.Close()
			}
			select {
			case <-done:
				return
			case <-time.After(10 * time.Millisecond):
			}
		}
	}()
	t.Cleanup(func() { close(done); <-stopped })
	return seen.Load
}

func TestBaselineReadsNoPathFromLineDirectives(t *testing.T) {
	t.Parallel()
	dir := toyModule(t, nil)
	pipe := filepath.Join(dir, "pipe")
	opened := fifo(t, pipe)
	writeFiles(t, dir, map[string]string{"a/a.go": strings.Replace(toyA, "\t\thit(x)\n", "//line "+pipe+":1\n\t\thit(x)\n", 1)})
	for range 2 { // records, then filters
		r := run(t, dir, "-baseline", "b.json", "./...")
		if r.code != driver.ExitClean || r.stdout != "" {
			t.Fatalf("exit %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
		}
	}
	if opened() {
		t.Error("the baseline opened the file a //line directive names")
	}
}

func TestConfigAndBaselineMustBeRegularFiles(t *testing.T) {
	t.Parallel()
	dir := toyModule(t, map[string]string{"conf/real.yml": "analyzers:\n  other:\n    enabled: false\n"})
	fifo(t, filepath.Join(dir, ".batchlint.yml")) // found, not named
	fifo(t, filepath.Join(dir, "pipe.json"))
	for target, link := range map[string]string{"conf/real.yml": "link.yml", "pipe.json": "pipelink.json"} {
		if err := os.Symlink(filepath.Join(dir, target), filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"./..."}, ".batchlint.yml: not a regular file"},
		{[]string{"-config", "/dev/null", "./..."}, "/dev/null: not a regular file"},
		{[]string{"-config", "pipelink.json", "./..."}, "pipelink.json: not a regular file"},
		{[]string{"-no-config", "-baseline", "pipe.json", "./..."}, "pipe.json: not a regular file"},
		{[]string{"-no-config", "-baseline", "pipe.json", "-baseline-write", "./..."}, "pipe.json: not a regular file"},
	} {
		if r := run(t, dir, c.args...); r.code != driver.ExitError || !strings.Contains(r.stderr, c.msg) {
			t.Errorf("%v: exit %d stderr %q, want 1 and %q", c.args, r.code, r.stderr, c.msg)
		}
	}
	// A symbolic link to a regular file is an ordinary configuration.
	if r := run(t, dir, "-config", "link.yml", "./..."); r.code != driver.ExitFindings || strings.Contains(r.stdout, "other:") {
		t.Errorf("-config through a symbolic link: exit %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
}
