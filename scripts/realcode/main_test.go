package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A finding with a verdict counts; one without is untriaged, a verdict
// without a finding is gone, and either makes the run fail.
func TestRunReportsUntriagedAndGone(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "co", "o+r", "p", "a.go")
	triage := filepath.Join(dir, "triage.tsv")
	write(t, map[string]string{
		src: "package p\n\nfunc (s *Store) Save() {\n\tfor range 3 {\n\t}\n}\n\nvar cmd = func() {\n}\n",
		filepath.Join(dir, "out", "o+r.json"): `{"example.com/p": {"sqlloop": [
			{"posn": "` + src + `:4:2", "message": "judged"},
			{"posn": "` + src + `:8:1", "message": "new\nfinding"}]}}`,
		triage: "# header\n" +
			"o/r\tsqlloop\tp/a.go:4\tStore.Save\ttrue\tper row\n" +
			"o/r\tsqlloop\tp/a.go:9\tcmd\tfalse\tno longer reported\n" +
			"x/y\tsqlloop\tq.go:1\tf\tfalse\tanother repository, not swept\n",
	})

	err := run(triage, filepath.Join(dir, "co"), filepath.Join(dir, "out"), []string{"o/r"})
	if err == nil || !strings.Contains(err.Error(), "1 untriaged, 1 gone") {
		t.Fatalf("run: %v, want 1 untriaged, 1 gone", err)
	}
	got, err := os.ReadFile(filepath.Join(dir, "out", "untriaged.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "o/r\tsqlloop\tp/a.go:8\tcmd\t?\tnew finding\n"; string(got) != want {
		t.Errorf("untriaged.tsv = %q, want %q", got, want)
	}

	write(t, map[string]string{triage: "o/r\tsqlloop\tp/a.go:4\tStore.Save\ttrue\tper row\no/r\tsqlloop\tp/a.go:8\tcmd\tdebatable\tunclear\n"})
	if err := run(triage, filepath.Join(dir, "co"), filepath.Join(dir, "out"), []string{"o/r"}); err != nil {
		t.Errorf("run with every finding judged: %v", err)
	}
}

func TestReadTriageRejectsBadRows(t *testing.T) {
	for _, row := range []string{
		"o/r\tsqlloop\tp/a.go:4\tf\tmaybe\treason",
		"o/r\tsqlloop\tp/a.go:4\ttrue\treason",
		"o/r\tsqlloop\tp/a.go:4\tf\ttrue\tr\no/r\tsqlloop\tp/a.go:4\tg\tfalse\tr",
	} {
		path := filepath.Join(t.TempDir(), "triage.tsv")
		write(t, map[string]string{path: row + "\n"})
		if _, err := readTriage(path); err == nil {
			t.Errorf("readTriage accepted %q", row)
		}
	}
}

// write creates each file, with its folders.
func write(t *testing.T, files map[string]string) {
	t.Helper()
	for path, content := range files {
		if err := errors.Join(os.MkdirAll(filepath.Dir(path), 0o755), os.WriteFile(path, []byte(content), 0o644)); err != nil {
			t.Fatal(err)
		}
	}
}
