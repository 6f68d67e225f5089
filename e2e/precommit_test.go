package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPreCommitHooks runs both hooks of .pre-commit-hooks.yaml with
// pre-commit's try-repo against a copy of the demo module: the golang hook
// builds batchlint from this checkout in pre-commit's own environment, the
// system hook runs a batchlint from PATH. Both must fail the commit and
// print the demo's findings.
func TestPreCommitHooks(t *testing.T) {
	if testing.Short() {
		t.Skip("installs the hook environment")
	}
	if _, err := exec.LookPath("pre-commit"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pre-commit is not installed: scripts/test.sh installs it")
		}
		t.Skip("pre-commit is not installed: run the tests through scripts/test.sh")
	}
	repo, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	modcache := strings.TrimSpace(run(t, repo, nil, "go", "env", "GOMODCACHE"))

	// The project under check: the demo module in a fresh git repository.
	project := filepath.Join(t.TempDir(), "project")
	run(t, repo, nil, "cp", "-r", filepath.Join(repo, "testdata", "demo"), project)
	run(t, project, nil, "git", "init", "-q")
	run(t, project, nil, "git", "add", ".")
	run(t, project, nil, "git", "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "demo")

	// The hook repository: a clone of this checkout's HEAD plus the working
	// tree's hook file, so the test checks what is being changed.
	hooks := filepath.Join(t.TempDir(), "hooks")
	run(t, repo, nil, "git", "clone", "-q", repo, hooks)
	for _, f := range []string{".pre-commit-hooks.yaml"} {
		data, err := os.ReadFile(filepath.Join(repo, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(hooks, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run(t, hooks, nil, "git", "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qam", "hooks", "--allow-empty")

	env := append(os.Environ(),
		"PRE_COMMIT_HOME="+filepath.Join(t.TempDir(), "pre-commit-home"),
		// pre-commit's golang hook runs `go install ./...` with its own
		// GOPATH; point it at the filled module cache so it needs no network.
		"GOMODCACHE="+modcache,
		"GOFLAGS=-mod=mod",
	)

	t.Run("golang", func(t *testing.T) {
		out, code := runCode(t, project, env, "pre-commit", "try-repo", hooks, "batchlint", "--all-files")
		checkHookOutput(t, out, code)
	})

	t.Run("system", func(t *testing.T) {
		bin := t.TempDir()
		run(t, repo, nil, "go", "build", "-o", filepath.Join(bin, "batchlint"), "./cmd/batchlint")
		sysEnv := append(env, "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
		out, code := runCode(t, project, sysEnv, "pre-commit", "try-repo", hooks, "batchlint-system", "--all-files")
		checkHookOutput(t, out, code)
	})
}

func checkHookOutput(t *testing.T, out string, code int) {
	t.Helper()
	if code == 0 {
		t.Fatalf("the hook passed on the demo module, which has findings:\n%s", out)
	}
	if !strings.Contains(out, "importer.go") || !strings.Contains(out, "sqlloop") {
		t.Errorf("the hook output lacks the demo's cross-package sqlloop finding:\n%s", out)
	}
}

func run(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	out, code := runCode(t, dir, env, name, args...)
	if code != 0 {
		t.Fatalf("%s %s: exit %d\n%s", name, strings.Join(args, " "), code, out)
	}
	return out
}

func runCode(t *testing.T, dir string, env []string, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return string(out), ee.ExitCode()
		}
		t.Fatalf("%s: %v", name, err)
	}
	return string(out), 0
}
