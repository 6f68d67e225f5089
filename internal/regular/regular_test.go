//go:build unix

package regular

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestOnlyRegularFilesWithinTheLimit(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "f")
	if err := WriteFile(file, []byte("12345")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(file, filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "fifo"), filepath.Join(dir, "fifolink")); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"f", "link"} {
		if data, err := ReadFile(filepath.Join(dir, name), 5); err != nil || string(data) != "12345" {
			t.Errorf("%s: %q, %v", name, data, err)
		}
	}
	if _, err := ReadFile(file, 4); err == nil || !strings.Contains(err.Error(), "larger than 4 bytes") {
		t.Errorf("over the limit: %v", err)
	}
	// None of these may block or read without end.
	for path, what := range map[string]string{
		filepath.Join(dir, "fifo"):     "a FIFO",
		filepath.Join(dir, "fifolink"): "a FIFO",
		"/dev/zero":                    "a device",
		dir:                            "a directory",
	} {
		if _, err := ReadFile(path, 1<<20); err == nil || err.Error() != path+": not a regular file but "+what {
			t.Errorf("ReadFile(%s): %v, want not a regular file but %s", path, err, what)
		}
	}
	for _, path := range []string{filepath.Join(dir, "fifo"), "/dev/null"} {
		if err := WriteFile(path, []byte("x")); err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("WriteFile(%s): %v, want not a regular file", path, err)
		}
	}
	// Replacing truncates.
	if err := WriteFile(file, []byte("ab")); err != nil {
		t.Fatal(err)
	}
	if data, _ := ReadFile(file, 5); string(data) != "ab" {
		t.Errorf("after replacing: %q", data)
	}
}
