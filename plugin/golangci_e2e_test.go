package plugin

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// golangciVersion is the golangci-lint release the plugin is built into.
const golangciVersion = "v2.15.0"

// TestGolangciLintEndToEnd builds a custom golangci-lint with the plugin the
// way `golangci-lint custom` would, but offline: from the golangci-lint
// module source, a file that blank-imports this package, and a replace that
// points at this checkout. Then it lints the demo module.
func TestGolangciLintEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds golangci-lint (about 2 minutes)")
	}
	repo, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	gcl := buildGolangciLint(t, repo)

	demo := copyDemo(t, repo)
	// golangci-lint v2 prints paths relative to the configuration file: keep
	// it at the module root.
	config := filepath.Join(demo, ".golangci.yml")
	writeFile(t, config, golangciConfig)
	// tests: true in the settings reaches every analyzer, linger included.
	writeFile(t, filepath.Join(demo, "events", "linger_test.go"), lingerTest)

	issues := runGolangci(t, gcl, demo, config)
	if len(issues) == 0 {
		t.Fatal("golangci-lint reported nothing on the demo module")
	}
	var sawFact, sawTest bool
	for _, is := range issues {
		if is.FromLinter != "batchlint" {
			t.Errorf("issue from %q: %s", is.FromLinter, is.Text)
		}
		if strings.HasPrefix(is.Text, "compression:") {
			t.Errorf("compression is disabled in the settings but reported: %s", is.Text)
		}
		// The importer's loop calls a store method in another package:
		// only a fact carries that write across.
		if filepath.Base(is.Pos.Filename) == "importer.go" {
			sawFact = true
		}
		if filepath.Base(is.Pos.Filename) == "linger_test.go" && strings.HasPrefix(is.Text, "linger:") {
			sawTest = true
		}
	}
	if !sawFact {
		t.Errorf("no finding in importer.go (needs a cross-package fact); got %v", issues)
	}
	if !sawTest {
		t.Errorf("no linger finding in linger_test.go (tests: true in the settings); got %v", issues)
	}

	// //nolint:batchlint silences a finding.
	target := issues[0]
	file := filepath.Join(demo, target.Pos.Filename)
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	lines[target.Pos.Line-1] += " //nolint:batchlint // demo: silenced on purpose"
	writeFile(t, file, strings.Join(lines, "\n"))
	for _, is := range runGolangci(t, gcl, demo, config) {
		if is.Pos.Filename == target.Pos.Filename && is.Pos.Line == target.Pos.Line {
			t.Errorf("//nolint:batchlint did not silence %s:%d", is.Pos.Filename, is.Pos.Line)
		}
	}

	// SARIF output is written and names the linter.
	sarif := filepath.Join(t.TempDir(), "out.sarif")
	cmd := exec.Command(gcl, "run", "--config", config, "--output.sarif.path", sarif, "./...")
	cmd.Dir = demo
	cmd.Run() // exit 1: issues found
	data, err := os.ReadFile(sarif)
	if err != nil {
		t.Fatalf("no SARIF output: %v", err)
	}
	if !strings.Contains(string(data), `"2.1.0"`) || !strings.Contains(string(data), "batchlint") {
		t.Errorf("SARIF output lacks the version or the linter:\n%.400s", data)
	}

	// --fix applies the suggested fixes, and the result still builds.
	fixed := copyDemo(t, repo)
	fixedConfig := filepath.Join(fixed, ".golangci.yml")
	writeFile(t, fixedConfig, golangciConfig)
	cmd = exec.Command(gcl, "run", "--config", fixedConfig, "--fix", "./...")
	cmd.Dir = fixed
	out, _ := cmd.CombinedOutput()
	changed := false
	filepath.WalkDir(fixed, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.Contains(path, "vendor") || !strings.HasSuffix(path, ".go") {
			return err
		}
		rel, _ := filepath.Rel(fixed, path)
		before, _ := os.ReadFile(filepath.Join(demoDir(repo), rel))
		after, _ := os.ReadFile(path)
		if string(before) != string(after) {
			changed = true
		}
		return nil
	})
	if !changed {
		t.Errorf("--fix changed nothing:\n%s", out)
	}
	build := exec.Command("go", "build", "./...")
	build.Dir = fixed
	if out, err := build.CombinedOutput(); err != nil {
		t.Errorf("the fixed demo does not build: %v\n%s", err, out)
	}
}

const golangciConfig = `version: "2"
linters:
  default: none
  enable: [batchlint]
  settings:
    custom:
      batchlint:
        type: module
        description: per-record writes in loops and producers that never linger
        settings:
          tests: true
          analyzers:
            compression: {enabled: false}
issues:
  max-issues-per-linter: 0
  max-same-issues: 0
`

const lingerTest = `package events

import (
	"testing"

	"github.com/twmb/franz-go/pkg/kgo"
)

func TestClient(t *testing.T) {
	cl, err := kgo.NewClient(kgo.ProducerLinger(0))
	if err != nil {
		t.Fatal(err)
	}
	cl.Close()
}
`

type issue struct {
	FromLinter string
	Text       string
	Pos        struct {
		Filename string
		Line     int
	}
}

func runGolangci(t *testing.T, gcl, dir, config string) []issue {
	t.Helper()
	cmd := exec.Command(gcl, "run", "--config", config, "--output.json.path", "stdout", "--show-stats=false", "./...")
	cmd.Dir = dir
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
			t.Fatalf("golangci-lint run: %v\n%s\n%s", err, out, stderr.String())
		}
	}
	var report struct{ Issues []issue }
	if err := json.Unmarshal(out, &report); err != nil {
		t.Fatalf("golangci-lint JSON: %v\n%s\n%s", err, out, stderr.String())
	}
	return report.Issues
}

func buildGolangciLint(t *testing.T, repo string) string {
	t.Helper()
	src := goOutput(t, "", "mod", "download", "-json", "github.com/golangci/golangci-lint/v2@"+golangciVersion)
	var mod struct{ Dir, Error string }
	if err := json.Unmarshal([]byte(src), &mod); err != nil || mod.Dir == "" {
		t.Fatalf("golangci-lint %s source: %v %s", golangciVersion, err, mod.Error)
	}
	work := filepath.Join(t.TempDir(), "golangci-lint")
	if out, err := exec.Command("cp", "-r", mod.Dir, work).CombinedOutput(); err != nil {
		t.Fatalf("copy: %v\n%s", err, out)
	}
	exec.Command("chmod", "-R", "u+w", work).Run()
	writeFile(t, filepath.Join(work, "cmd", "golangci-lint", "plugins.go"),
		"package main\n\nimport _ \"github.com/batchlint/batchlint/plugin\"\n")
	goOutput(t, work, "mod", "edit",
		"-require", "github.com/batchlint/batchlint@v0.0.0",
		"-replace", "github.com/batchlint/batchlint="+repo)
	goOutput(t, work, "mod", "tidy")
	bin := filepath.Join(t.TempDir(), "golangci-lint")
	goOutput(t, work, "build", "-o", bin, "./cmd/golangci-lint")
	return bin
}

func goOutput(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	out, err := cmd.Output()
	if err != nil {
		stderr := ""
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("go %s: %v\n%s%s", strings.Join(args, " "), err, out, stderr)
	}
	return string(out)
}

func demoDir(repo string) string { return filepath.Join(repo, "testdata", "demo") }

// copyDemo copies the demo module (with its vendor tree) into a temp dir.
func copyDemo(t *testing.T, repo string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "demo")
	if out, err := exec.Command("cp", "-r", demoDir(repo), dst).CombinedOutput(); err != nil {
		t.Fatalf("copy demo: %v\n%s", err, out)
	}
	return dst
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
