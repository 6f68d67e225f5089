package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/batchlint/batchlint/internal/sarif/sariftest"
	"github.com/batchlint/batchlint/internal/vetjson"
)

var update = flag.Bool("update", false, "rewrite testdata/demo/expected.txt from the current output")

// binary is batchlint, built once for all tests.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "batchlint-bin")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "batchlint")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building batchlint: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func demoDir(t testing.TB) string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "demo"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func goEnv(t testing.TB, name string) string {
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(out))
}

func TestScripts(t *testing.T) {
	demo := demoDir(t)
	env := map[string]string{}
	for _, name := range []string{"GOCACHE", "GOMODCACHE", "GOPATH", "GOROOT"} {
		env[name] = goEnv(t, name)
	}
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("..", "..", "testdata", "script"),
		Setup: func(e *testscript.Env) error {
			e.Setenv("PATH", filepath.Dir(binary)+string(os.PathListSeparator)+os.Getenv("PATH"))
			e.Setenv("BATCHLINT", binary)
			e.Setenv("DEMO", demo)
			for k, v := range env {
				e.Setenv(k, v)
			}
			// Offline and reproducible: the scripts' modules vendor their
			// dependencies or have none.
			e.Setenv("GOPROXY", "off")
			e.Setenv("GOFLAGS", "")
			e.Setenv("GOTOOLCHAIN", "local")
			e.Setenv("GOWORK", "off")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exitcode":   cmdExitcode,
			"vetjson":    cmdVetJSON,
			"sarifcheck": cmdSARIFCheck,
		},
	})
}

// exitcode N prog args... runs prog and fails unless it exits with N. Its
// output is the script's stdout and stderr.
func cmdExitcode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exitcode N prog [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exitcode: %v", err)
	}
	prog := args[1]
	if prog == "batchlint" {
		prog = binary
	}
	cmd := exec.Command(prog, args[2:]...)
	cmd.Dir = ts.MkAbs(".")
	cmd.Env = scriptEnv(ts)
	cmd.Stdout, cmd.Stderr = ts.Stdout(), ts.Stderr()
	err = cmd.Run()
	got := 0
	if exit, ok := err.(*exec.ExitError); ok {
		got = exit.ExitCode()
	} else if err != nil {
		ts.Fatalf("exitcode: %v", err)
	}
	if got != want {
		ts.Fatalf("%s exited %d, want %d", args[1], got, want)
	}
}

func scriptEnv(ts *testscript.TestScript) []string {
	var env []string
	for _, k := range []string{"PATH", "HOME", "TMPDIR", "GOCACHE", "GOMODCACHE", "GOPATH", "GOROOT", "GOPROXY", "GOFLAGS", "GOTOOLCHAIN", "GOWORK", "CGO_ENABLED"} {
		env = append(env, k+"="+ts.Getenv(k))
	}
	return env
}

// vetjson FILE checks that FILE is go vet -json's shape and prints one line
// per finding: "<package> <analyzer> <file base>:<line>:<col>", plus
// "related" and "fix" lines, so the script can match them.
func cmdVetJSON(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: vetjson FILE")
	}
	data, err := os.ReadFile(ts.MkAbs(args[0]))
	if err != nil {
		ts.Fatalf("%v", err)
	}
	findings, errs, err := vetjson.Decode(bytes.NewReader(data))
	if err != nil {
		ts.Fatalf("not go vet -json output: %v", err)
	}
	for _, e := range errs {
		fmt.Fprintf(ts.Stdout(), "error %s\n", e.Error())
	}
	for _, f := range findings {
		p := vetjson.ParsePosn(f.Posn)
		fmt.Fprintf(ts.Stdout(), "%s %s %s:%d:%d\n", f.Package, f.Analyzer, filepath.Base(p.File), p.Line, p.Col)
		for _, r := range f.Related {
			fmt.Fprintf(ts.Stdout(), "\trelated %s\n", r.Message)
		}
		for _, fix := range f.SuggestedFixes {
			fmt.Fprintf(ts.Stdout(), "\tfix %s (%d edits)\n", fix.Message, len(fix.Edits))
		}
	}
}

// sarifcheck FILE validates FILE against the SARIF 2.1.0 schema and prints
// the counts of results, related locations and fixes.
func cmdSARIFCheck(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: sarifcheck FILE")
	}
	data, err := os.ReadFile(ts.MkAbs(args[0]))
	if err != nil {
		ts.Fatalf("%v", err)
	}
	if err := sariftest.Validate(data); err != nil {
		ts.Fatalf("%v", err)
	}
	results := bytes.Count(data, []byte(`"ruleId"`))
	related := bytes.Count(data, []byte(`"relatedLocations"`))
	fixes := bytes.Count(data, []byte(`"fixes"`))
	fmt.Fprintf(ts.Stdout(), "valid SARIF 2.1.0: %d results, %d with related locations, %d with fixes\n", results, related, fixes)
}

func runBinary(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	cmd := exec.Command(binary, args...)
	cmd.Dir, cmd.Stdout, cmd.Stderr = dir, &out, &errOut
	err := cmd.Run()
	if exit, ok := err.(*exec.ExitError); ok {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errOut.String(), code
}

// TestDemoGolden compares the demo's findings with testdata/demo/expected.txt
// (go test -run TestDemoGolden -update rewrites it).
func TestDemoGolden(t *testing.T) {
	demo := demoDir(t)
	out, stderr, code := runBinary(t, demo, "./...")
	if stderr != "" || (code != 0 && code != 3) {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	golden := filepath.Join(demo, "expected.txt")
	if *update {
		if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	// Which analyzer reports where is this test's business; the wording of
	// each message is its analyzer's, tested there, so it may change without
	// failing here.
	if got, want := findingKeys(out), findingKeys(string(want)); !slices.Equal(got, want) {
		t.Errorf("the demo's findings changed (go test ./cmd/batchlint -run TestDemoGolden -update if intended):\n--- got\n%s\n--- want\n%s",
			strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// What the demo is there to show; the look-alikes must stay quiet.
	for _, must := range []string{
		"importer/importer.go:16:13: sqlloop: (*store.Store).InsertUser", // only through a fact from package store
		"legacy/audit.go:18:16: sqlloop: INSERT INTO audit",
		"events/franz.go:16:3: linger: kgo.ProducerLinger(0)",
		"events/franz.go:23:13: produceloop:",
		"events/sarama.go:10:2: compression:",
	} {
		if !strings.Contains(out, must) {
			t.Errorf("demo finding missing: %s", must)
		}
	}
	// Primary lines only: related lines (indented) may point anywhere.
	quiet := []string{
		"store/store.go:",                            // the wrapper itself, and its COPY
		"importer/importer.go:25:",                   // Import: one COPY
		"legacy/audit.go:29:", "legacy/audit.go:30:", // suppressed with a reason
		"legacy/audit.go:42:",                                  // a query in a loop
		"accounts/accounts.go:24:", "accounts/accounts.go:31:", // Create(&slice), per chunk
		"events/franz.go:36:", // one ProduceSync of every record
	}
	for line := range strings.Lines(out) {
		for _, q := range quiet {
			if strings.HasPrefix(line, q) {
				t.Errorf("look-alike reported: %s", line)
			}
		}
	}
}

// findingKeys returns "file:line:col: analyzer" of each finding in text
// output, leaving out messages and related lines.
func findingKeys(text string) []string {
	var keys []string
	for line := range strings.Lines(text) {
		if strings.HasPrefix(line, "\t") {
			continue
		}
		posn, rest, _ := strings.Cut(line, ": ")
		analyzer, _, _ := strings.Cut(rest, ": ")
		keys = append(keys, posn+": "+analyzer)
	}
	return keys
}

type key struct{ analyzer, posn, message string }

func keys(t *testing.T, data []byte) []key {
	t.Helper()
	findings, errs, err := vetjson.Decode(bytes.NewReader(data))
	if err != nil || len(errs) > 0 {
		t.Fatalf("decode: %v %v", err, errs)
	}
	var ks []key
	for _, f := range findings {
		ks = append(ks, key{f.Analyzer, f.Posn, f.Message})
	}
	return ks
}

// TestVetAndStandaloneAgree runs go vet -vettool=batchlint and the
// standalone command on the demo: the same findings, including the one in
// package importer that only a fact exported from package store reveals.
func TestVetAndStandaloneAgree(t *testing.T) {
	demo := demoDir(t)
	vet := exec.Command("go", "vet", "-vettool="+binary, "-json", "./...")
	vet.Dir = demo
	var vetOut, vetErr bytes.Buffer
	vet.Stdout, vet.Stderr = &vetOut, &vetErr
	if err := vet.Run(); err != nil {
		t.Fatalf("go vet: %v\n%s", err, vetErr.String())
	}
	standalone, stderr, code := runBinary(t, demo, "-json", "./...")
	if code != 3 {
		t.Fatalf("standalone exit %d, want 3 (findings); stderr:\n%s", code, stderr)
	}
	fromVet, fromStandalone := keys(t, vetOut.Bytes()), keys(t, []byte(standalone))
	if !slices.Equal(fromVet, fromStandalone) {
		t.Errorf("go vet -vettool and the standalone command disagree:\nvet:        %v\nstandalone: %v", fromVet, fromStandalone)
	}
	if !slices.ContainsFunc(fromStandalone, func(k key) bool {
		return k.analyzer == "sqlloop" && strings.HasSuffix(k.posn, filepath.Join("importer", "importer.go")+":16:13")
	}) {
		t.Errorf("the cross-package finding in importer (needs store's fact) is missing: %v", fromStandalone)
	}
}

// TestStd runs batchlint over the standard library: no panic, no analysis
// error, whatever it finds. It compiles and analyses every std package, so
// scripts/test.sh runs it on its own, after the other tests, with
// BATCHLINT_STD=1.
func TestStd(t *testing.T) {
	if os.Getenv("BATCHLINT_STD") != "1" {
		t.Skip("set BATCHLINT_STD=1 (scripts/test.sh does) to analyse the whole standard library")
	}
	out, stderr, code := runBinary(t, t.TempDir(), "std")
	if code != 0 && code != 3 {
		t.Fatalf("batchlint std: exit %d\n%s", code, stderr)
	}
	if strings.Contains(stderr, "panic") {
		t.Fatalf("batchlint std panicked:\n%s", stderr)
	}
	t.Logf("batchlint std: exit %d, %d finding lines", code, strings.Count(out, "\n"))
}
