package driver_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/batchlint/batchlint/internal/config"
	"github.com/batchlint/batchlint/internal/driver"
	"github.com/batchlint/batchlint/internal/sarif/sariftest"
	"github.com/batchlint/batchlint/internal/vetjson"
	"github.com/batchlint/batchlint/passes/directives"
)

// The test binary doubles as the vet tool: go vet runs it with this
// variable inherited, and it then behaves as a batchlint built from the
// toy analyzers below. That tests the driver end to end (go vet, its JSON,
// formats, baseline, config, exit codes) independently of the real
// analyzers' rules, which the command's own tests cover.
const toolEnv = "BATCHLINT_DRIVER_TEST_TOOL"

// offEnv names a toy analyzer that is off by default, in this process and
// in the vet tool go vet starts.
const offEnv = "BATCHLINT_DRIVER_TEST_OFF"

func toyOff() map[string]bool { return map[string]bool{os.Getenv(offEnv): true} }

func TestMain(m *testing.M) {
	if os.Getenv(toolEnv) == "1" {
		driver.Main(toyAnalyzers(), toyOff())
		return
	}
	// From here on every go vet and go fix the tests start runs this binary
	// as the tool.
	os.Setenv(toolEnv, "1")
	os.Exit(m.Run())
}

// toyAnalyzers returns "hit", which reports each call of a function named by
// its -name flag (default "hit") with the enclosing function as related
// information and a fix that calls hitBatch instead, and "other", which
// reports each call of other.
func toyAnalyzers() []*analysis.Analyzer {
	return []*analysis.Analyzer{newCallReporter("hit", "hit"), newCallReporter("other", "other")}
}

func newCallReporter(name, callee string) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:     name,
		Doc:      name + ": reports calls of " + callee + "\n\nA toy analyzer for the driver's tests.",
		URL:      "https://example.com/" + name,
		Requires: []*analysis.Analyzer{inspect.Analyzer, directives.Analyzer},
	}
	config.Register(a)
	target := a.Flags.String("name", callee, "the function whose calls are reported")
	a.Run = func(pass *analysis.Pass) (any, error) {
		r := directives.NewReporter(pass)
		ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
		var fn *ast.FuncDecl
		ins.Preorder([]ast.Node{(*ast.FuncDecl)(nil), (*ast.CallExpr)(nil)}, func(n ast.Node) {
			if d, ok := n.(*ast.FuncDecl); ok {
				fn = d
				return
			}
			call := n.(*ast.CallExpr)
			id, ok := call.Fun.(*ast.Ident)
			if !ok {
				return
			}
			if obj, ok := pass.TypesInfo.Uses[id].(*types.Func); !ok || obj.Name() != *target {
				return
			}
			// A string constant argument is quoted in the messages, as SQL
			// text is in the real analyzers'.
			var arg string
			if len(call.Args) == 1 {
				if v := pass.TypesInfo.Types[call.Args[0]].Value; v != nil && v.Kind() == constant.String {
					arg = " with " + constant.StringVal(v)
				}
			}
			d := analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Message: *target + " called" + arg}
			if fn != nil {
				d.Related = []analysis.RelatedInformation{{Pos: fn.Name.Pos(), End: fn.Name.End(), Message: "in " + fn.Name.Name + arg}}
			}
			if *target == "hit" {
				d.SuggestedFixes = []analysis.SuggestedFix{{
					Message:   "call hitBatch" + arg,
					TextEdits: []analysis.TextEdit{{Pos: id.Pos(), End: id.End(), NewText: []byte("hitBatch")}},
				}}
			}
			r.Report(d)
		})
		r.Finish()
		return nil, nil
	}
	return a
}

const toyGoMod = "module toy\n\ngo 1.26\n"

const toyA = `package a

func hit(int)      {}
func hitBatch(int) {}
func other()       {}

func Load(xs []int) {
	for _, x := range xs {
		hit(x)
	}
	other()
}
`

const toyATest = `package a

import "testing"

func TestLoad(t *testing.T) { hit(1) }
`

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func toyModule(t *testing.T, extra map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"go.mod": toyGoMod, "a/a.go": toyA, "a/a_test.go": toyATest})
	writeFiles(t, dir, extra)
	return dir
}

type result struct {
	code           int
	stdout, stderr string
}

func run(t *testing.T, dir string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	code := driver.Run(toyAnalyzers(), toyOff(), append([]string{"-C", dir}, args...), &out, &errOut)
	return result{code, out.String(), errOut.String()}
}

func TestTextOutputAndExitCodes(t *testing.T) {
	t.Parallel()
	dir := toyModule(t, nil)
	r := run(t, dir, "./...")
	want := "a/a.go:9:3: hit: hit called\n\ta/a.go:7:6: in Load\na/a.go:11:2: other: other called\n\ta/a.go:7:6: in Load\n"
	if r.code != driver.ExitFindings || r.stdout != want {
		t.Errorf("exit %d, stdout:\n%s\nstderr:\n%s\nwant exit 3 and:\n%s", r.code, r.stdout, r.stderr, want)
	}
	if r := run(t, dir, "-hit=false", "-other=false", "./..."); r.code != driver.ExitClean || r.stdout != "" {
		t.Errorf("all analyzers off: exit %d, stdout %q, stderr %q; want 0 and nothing", r.code, r.stdout, r.stderr)
	}
	if r := run(t, dir, "-other=false", "./..."); strings.Contains(r.stdout, "other:") || !strings.Contains(r.stdout, "hit:") {
		t.Errorf("-other=false: %q", r.stdout)
	}
	if r := run(t, dir, "-format=xml", "./..."); r.code != driver.ExitError || !strings.Contains(r.stderr, `unknown -format "xml"`) {
		t.Errorf("-format=xml: exit %d, stderr %q", r.code, r.stderr)
	}
	if r := run(t, dir, "-nosuchflag"); r.code != driver.ExitError {
		t.Errorf("-nosuchflag: exit %d, want 1", r.code)
	}
}

func TestTestsFlag(t *testing.T) {
	t.Parallel()
	dir := toyModule(t, nil)
	for _, args := range [][]string{{"-tests"}, {"-hit.tests"}} {
		r := run(t, dir, append(args, "./...")...)
		if !strings.Contains(r.stdout, "a/a_test.go:5:31: hit: hit called") {
			t.Errorf("%v: test file finding missing:\n%s%s", args, r.stdout, r.stderr)
		}
	}
	if r := run(t, dir, "./..."); strings.Contains(r.stdout, "a_test.go") {
		t.Errorf("test file reported without -tests:\n%s", r.stdout)
	}
}

func TestJSONIsGoVetShape(t *testing.T) {
	t.Parallel()
	dir := toyModule(t, nil)
	r := run(t, dir, "-json", "./...")
	if r.code != driver.ExitFindings {
		t.Fatalf("exit %d, stderr %s", r.code, r.stderr)
	}
	var tree map[string]map[string][]vetjson.Diagnostic
	if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
		t.Fatalf("not go vet's -json shape: %v\n%s", err, r.stdout)
	}
	hits := tree["toy/a"]["hit"]
	if len(hits) != 1 || len(tree["toy/a"]["other"]) != 1 {
		t.Fatalf("want one hit and one other finding in toy/a, got %s", r.stdout)
	}
	h := hits[0]
	if !strings.HasSuffix(h.Posn, filepath.Join("a", "a.go")+":9:3") || h.Message != "hit called" {
		t.Errorf("posn %q message %q", h.Posn, h.Message)
	}
	if len(h.Related) != 1 || h.Related[0].Message != "in Load" {
		t.Errorf("related: %+v", h.Related)
	}
	if len(h.SuggestedFixes) != 1 || h.SuggestedFixes[0].Edits[0].New != "hitBatch" {
		t.Errorf("suggested fixes: %+v", h.SuggestedFixes)
	}
	// The same output -format=json gives.
	if r2 := run(t, dir, "-format=json", "./..."); r2.stdout != r.stdout {
		t.Errorf("-format=json differs from -json")
	}
}

func TestSARIFValidates(t *testing.T) {
	t.Parallel()
	dir := toyModule(t, nil)
	r := run(t, dir, "-format=sarif", "./...")
	if r.code != driver.ExitFindings {
		t.Fatalf("exit %d, stderr %s", r.code, r.stderr)
	}
	if err := sariftest.Validate([]byte(r.stdout)); err != nil {
		t.Fatal(err)
	}
	rep, err := sarif.FromString(r.stdout, sarif.WithStrictValidation())
	if err != nil {
		t.Fatal(err)
	}
	res := rep.Runs[0].Results
	if len(res) != 2 || *res[0].RuleID != "hit" {
		t.Fatalf("results: %s", r.stdout)
	}
	loc := res[0].Locations[0].PhysicalLocation
	if *loc.ArtifactLocation.URI != "a/a.go" || *loc.Region.StartLine != 9 || *loc.Region.StartColumn != 3 {
		t.Errorf("location %s:%d:%d", *loc.ArtifactLocation.URI, *loc.Region.StartLine, *loc.Region.StartColumn)
	}
	if len(res[0].RelatedLocations) != 1 || *res[0].RelatedLocations[0].Message.Text != "in Load" {
		t.Errorf("related locations missing")
	}
	if len(res[0].Fixes) != 1 || *res[0].Fixes[0].ArtifactChanges[0].Replacements[0].InsertedContent.Text != "hitBatch" {
		t.Errorf("fixes missing")
	}
	rule := rep.Runs[0].Tool.Driver.Rules[res[0].RuleIndex]
	if *rule.ID != "hit" || *rule.HelpURI != "https://example.com/hit" || !strings.Contains(*rule.Help.Text, "toy analyzer") {
		t.Errorf("rule %+v", rule)
	}
}

func TestBaseline(t *testing.T) {
	t.Parallel()
	dir := toyModule(t, nil)
	r := run(t, dir, "-baseline", "batchlint-baseline.json", "./...")
	if r.code != driver.ExitClean || r.stdout != "" || !strings.Contains(r.stderr, "recorded 2 finding(s)") {
		t.Fatalf("creating: exit %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "batchlint-baseline.json")); err != nil {
		t.Fatal(err)
	}
	if r := run(t, dir, "-baseline", "batchlint-baseline.json", "./..."); r.code != driver.ExitClean || r.stdout != "" {
		t.Fatalf("unchanged code: exit %d stdout %q", r.code, r.stdout)
	}
	// Lines move: the old findings stay old.
	shifted := strings.Replace(toyA, "package a\n", "package a\n\n// Package a moved everything down.\n\nvar _ = 1\n", 1)
	writeFiles(t, dir, map[string]string{"a/a.go": shifted})
	if r := run(t, dir, "-baseline", "batchlint-baseline.json", "./..."); r.code != driver.ExitClean || r.stdout != "" {
		t.Fatalf("shifted lines: exit %d stdout %q", r.code, r.stdout)
	}
	// A second hit in the same function, and one in a new function, are new.
	grown := shifted + "\nfunc Grow() { hit(2) }\n"
	grown = strings.Replace(grown, "\t\thit(x)\n", "\t\thit(x)\n\t\thit(x + 1)\n", 1)
	writeFiles(t, dir, map[string]string{"a/a.go": grown})
	r = run(t, dir, "-baseline", "batchlint-baseline.json", "./...")
	want := regexp.MustCompile(`^a/a.go:14:3: hit: hit called\n\ta/a.go:11:6: in Load\na/a.go:19:15: hit: hit called\n\ta/a.go:19:6: in Grow\n$`)
	if r.code != driver.ExitFindings || !want.MatchString(r.stdout) {
		t.Fatalf("new findings: exit %d stdout:\n%s", r.code, r.stdout)
	}
}

// An analyzer off by default runs only when enabled, by the configuration
// or by -NAME, through the command and through go vet -vettool alike.
func TestOffByDefault(t *testing.T) {
	t.Setenv(offEnv, "other")
	dir := toyModule(t, nil)
	check := func(what, out string, hit, other bool) {
		t.Helper()
		if strings.Contains(out, "hit called") != hit || strings.Contains(out, "other called") != other {
			t.Errorf("%s: want hit %v, other %v; got:\n%s", what, hit, other, out)
		}
	}
	r := run(t, dir, "./...")
	check("default", r.stdout+r.stderr, true, false)
	r = run(t, dir, "-other", "./...")
	check("-other", r.stdout+r.stderr, false, true)
	writeFiles(t, dir, map[string]string{"on.yml": "analyzers: {other: {enabled: true}}\n"})
	r = run(t, dir, "-config", "on.yml", "./...")
	check("enabled: true", r.stdout+r.stderr, true, true)
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	vet := exec.Command("go", "vet", "-vettool="+self, "./...")
	vet.Dir = dir
	out, _ := vet.CombinedOutput()
	check("go vet -vettool", string(out), true, false)
}

func TestConfig(t *testing.T) {
	t.Parallel()
	dir := toyModule(t, map[string]string{
		".batchlint.yml": "tests: true\nanalyzers:\n  other:\n    enabled: false\n",
	})
	r := run(t, dir, "./...")
	if strings.Contains(r.stdout, "other:") || !strings.Contains(r.stdout, "a_test.go:5:31: hit:") {
		t.Errorf("discovered config not applied:\n%s%s", r.stdout, r.stderr)
	}
	if r := run(t, dir, "-no-config", "./..."); !strings.Contains(r.stdout, "other:") {
		t.Errorf("-no-config still applied the file:\n%s", r.stdout)
	}
	// An explicit JSON file; options are analyzer flags.
	writeFiles(t, dir, map[string]string{"conf/batchlint.json": `{"analyzers": {"hit": {"options": {"name": "other"}}, "other": {"enabled": false}}}`})
	r = run(t, dir, "-config", "conf/batchlint.json", "./...")
	if r.stdout != "a/a.go:11:2: hit: other called\n\ta/a.go:7:6: in Load\n" {
		t.Errorf("-config with an option:\n%s%s", r.stdout, r.stderr)
	}
	// The command line wins over the file.
	r = run(t, dir, "-config", "conf/batchlint.json", "-hit.name=hit", "./...")
	if !strings.Contains(r.stdout, "hit: hit called") {
		t.Errorf("flag did not override the file:\n%s%s", r.stdout, r.stderr)
	}
	for conf, msg := range map[string]string{
		`{"analyzers": {"nosuch": {}}}`:                           `unknown analyzer nosuch (known: hit, other)`,
		`{"analyzers": {"hit": {"options": {"nosuch": 1}}}}`:      `analyzer hit has no option "nosuch" (options: name, tests)`,
		`{"analyzers": {"hit": {"options": {"tests": "maybe"}}}}`: `hit option tests: strconv.ParseBool`,
		"analyzers: [": "yaml",
		"colour: blue": "field colour not found",
	} {
		writeFiles(t, dir, map[string]string{"bad.yml": conf})
		if r := run(t, dir, "-config", "bad.yml", "./..."); r.code != driver.ExitError || !strings.Contains(r.stderr, msg) {
			t.Errorf("config %s: exit %d, stderr %q, want 1 and %q", conf, r.code, r.stderr, msg)
		}
	}
}

// A cgo package compiled afresh prints its C compiler's warnings under a
// "# pkg" header, as go vet prints a package's errors, but they are no
// failure: neither the package nor its importers went unanalysed.
func TestCgoWarningsAreNoFailure(t *testing.T) {
	t.Parallel()
	if out, err := exec.Command("go", "env", "CGO_ENABLED").Output(); err != nil || strings.TrimSpace(string(out)) != "1" {
		t.Skip("cgo is off")
	}
	dir := toyModule(t, map[string]string{"a/c.go": "package a\n\nimport _ \"toy/c\"\n"})
	// A warning the build cache has never seen, so that it is printed.
	warn := func(n int) {
		writeFiles(t, dir, map[string]string{"c/c.go": fmt.Sprintf("package c\n\n// #warning %q\nimport \"C\"\n", fmt.Sprint(dir, n))})
	}
	warn(1)
	r := run(t, dir, "./...")
	if !strings.Contains(r.stderr, "warning: #warning") {
		t.Fatalf("the C compiler printed no warning, so this tests nothing; stderr:\n%s", r.stderr)
	}
	if r.code != driver.ExitFindings || strings.Contains(r.stderr, "not analysed") || !strings.Contains(r.stdout, "a/a.go:9:3: hit: hit called") {
		t.Errorf("exit %d (want 3), stdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}

	// With a package that does not build, the warnings still do not count
	// the cgo package as broken, nor its importers as skipped.
	warn(2)
	writeFiles(t, dir, map[string]string{"broken/broken.go": "package broken\n\nfunc F() int { return \"x\" }\n"})
	r = run(t, dir, "./...")
	if r.code != driver.ExitError || !strings.Contains(r.stderr, "warning: #warning") || strings.Contains(r.stderr, "because they import") ||
		!strings.Contains(r.stdout, "a/a.go:9:3: hit: hit called") {
		t.Errorf("exit %d (want 1), stdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
}

// A package that does not build, or that the go command cannot even load,
// is reported with its importers, and the other packages are analysed. The
// second makes go vet analyse nothing at all: an //go:embed pattern that
// matches no file, as when a web UI's build output is missing from a
// checkout.
func TestBrokenPackageIsReportedOthersStillAnalysed(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		broken string
		stderr []string
	}{{
		"package broken\n\nfunc F() int { return \"x\" }\n",
		[]string{"broken/broken.go:3:23", "batchlint: not analysed, because they import a package that does not build: toy/user\n"},
	}, {
		"package broken\n\nimport \"embed\"\n\n//go:embed build\nvar Files embed.FS\n",
		[]string{
			"broken/broken.go:5:12: pattern build: no matching files found",
			"batchlint: not analysed, because they do not load: toy/broken\n",
			"batchlint: not analysed, because they import a package that does not load: toy/user\n",
		},
	}} {
		dir := toyModule(t, map[string]string{
			"broken/broken.go": c.broken,
			"user/user.go":     "package user\n\nimport _ \"toy/broken\"\n\nfunc hit(int) {}\n\nfunc F() { hit(1) }\n",
		})
		r := run(t, dir, "./...")
		for _, want := range append(c.stderr, "batchlint: some packages were not analysed (see above); findings below cover the rest\n") {
			if !strings.Contains(r.stderr, want) {
				t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
			}
		}
		if r.code != driver.ExitError || !strings.Contains(r.stdout, "a/a.go:9:3: hit: hit called") || strings.Contains(r.stdout, "user.go") {
			t.Errorf("exit %d (want 1), stdout:\n%s", r.code, r.stdout)
		}
	}
}

// When no package loads, batchlint says so; go fix, which also loads every
// package first, gets the same treatment as go vet.
func TestUnloadablePackages(t *testing.T) {
	t.Parallel()
	dir := toyModule(t, map[string]string{"ui/ui.go": "package ui\n\nimport \"embed\"\n\n//go:embed build\nvar Files embed.FS\n"})
	r := run(t, dir, "-format=json", "./ui")
	if r.code != driver.ExitError || r.stdout != "{}\n" || !strings.HasSuffix(r.stderr, "batchlint: no package was analysed (see above)\n") {
		t.Errorf("nothing loadable: exit %d, stdout %q, stderr:\n%s", r.code, r.stdout, r.stderr)
	}
	r = run(t, dir, "-diff", "-other=false", "./...")
	if r.code != driver.ExitError || !strings.Contains(r.stdout, "+\t\thitBatch(x)") || !strings.Contains(r.stderr, "do not load: toy/ui") {
		t.Errorf("-diff: exit %d (want 1), stdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
}

func TestDirectivesEndToEnd(t *testing.T) {
	t.Parallel()
	dir := toyModule(t, map[string]string{"a/a.go": strings.Replace(toyA,
		"\t\thit(x)\n", "\t\thit(x) //batchlint:ignore hit -- fixed list of three\n", 1)})
	r := run(t, dir, "./...")
	if strings.Contains(r.stdout, "hit:") {
		t.Errorf("directive did not suppress:\n%s", r.stdout)
	}
}

func TestDeterministicOutput(t *testing.T) {
	t.Parallel()
	dir := toyModule(t, map[string]string{
		"b/b.go": "package b\n\nfunc hit(int) {}\nfunc hitBatch(int) {}\n\nfunc B() { hit(1); hit(2) }\n",
	})
	for _, format := range []string{"text", "json", "sarif"} {
		first := run(t, dir, "-format="+format, "./...")
		second := run(t, dir, "-format="+format, "./...")
		if first.stdout != second.stdout || first.stdout == "" {
			t.Errorf("%s output differs between runs or is empty", format)
		}
	}
}

func TestFixDiffAndFix(t *testing.T) {
	t.Parallel()
	dir := toyModule(t, nil)
	r := run(t, dir, "-diff", "-other=false", "./...")
	if r.code != driver.ExitFindings || !strings.Contains(r.stdout, "+\t\thitBatch(x)") {
		t.Fatalf("-diff: exit %d stdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	if r := run(t, dir, "-fix", "-other=false", "./..."); r.code != driver.ExitClean {
		t.Fatalf("-fix: exit %d stderr %s", r.code, r.stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "a", "a.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "\t\thitBatch(x)\n") {
		t.Errorf("-fix did not apply:\n%s", data)
	}
	if r := run(t, dir, "-other=false", "./..."); r.code != driver.ExitClean {
		t.Errorf("after -fix: exit %d, stdout %s", r.code, r.stdout)
	}
}

func TestHelp(t *testing.T) {
	t.Parallel()
	r := run(t, t.TempDir(), "help")
	if r.code != 0 || !strings.Contains(r.stdout, "  hit          reports calls of hit\n") || !strings.Contains(r.stdout, "-baseline") {
		t.Errorf("help:\n%s", r.stdout)
	}
	r = run(t, t.TempDir(), "help", "hit")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "hit: reports calls of hit\n") || !strings.Contains(r.stdout, "A toy analyzer") || !strings.Contains(r.stdout, "-hit.name") || !strings.Contains(r.stdout, "Docs: https://example.com/hit") {
		t.Errorf("help hit:\n%s", r.stdout)
	}
	if r := run(t, t.TempDir(), "help", "nosuch"); r.code != driver.ExitError || !strings.Contains(r.stderr, `no analyzer "nosuch"`) {
		t.Errorf("help nosuch: exit %d stderr %q", r.code, r.stderr)
	}
}

func TestPatternsThatLookLikeFlagsAreRejected(t *testing.T) {
	t.Parallel()
	dir := toyModule(t, map[string]string{"x.sh": "#!/bin/sh\ntouch \"$(dirname \"$0\")/ran\"\nexec \"$@\"\n"})
	if err := os.Chmod(filepath.Join(dir, "x.sh"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"--", "-toolexec=./x.sh", "./..."},
		{"./...", "-toolexec=./x.sh"}, // flag parsing stops at the first pattern
		{"-fix", "--", "-toolexec=./x.sh", "./..."},
	} {
		r := run(t, dir, args...)
		if r.code != driver.ExitError || !strings.Contains(r.stderr, `package pattern "-toolexec=./x.sh" starts with "-"`) {
			t.Errorf("%v: exit %d, stderr %q; want 1 and the pattern rejected", args, r.code, r.stderr)
		}
		if _, err := os.Stat(filepath.Join(dir, "ran")); err == nil {
			t.Fatalf("%v: go ran the -toolexec program", args)
		}
	}
}

func TestBaselineCreatedLoudlyOrOnPurpose(t *testing.T) {
	t.Parallel()
	dir := toyModule(t, nil)
	// A mistyped path: still created (as before), but said so.
	r := run(t, dir, "-baseline", "baseline-typo.json", "./...")
	if r.code != driver.ExitClean || r.stdout != "" ||
		!strings.Contains(r.stderr, "warning: baseline baseline-typo.json did not exist: recorded 2 finding(s) in baseline-typo.json and reported none") {
		t.Fatalf("implicit creation: exit %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
	if r := run(t, dir, "-baseline-write", "./..."); r.code != driver.ExitError || !strings.Contains(r.stderr, "-baseline-write needs -baseline FILE") {
		t.Errorf("-baseline-write alone: exit %d stderr %q", r.code, r.stderr)
	}
	// -baseline-write replaces an existing baseline with the current findings.
	writeFiles(t, dir, map[string]string{"a/a.go": toyA + "\nfunc Grow() { hit(2) }\n"})
	r = run(t, dir, "-baseline", "baseline-typo.json", "-baseline-write", "./...")
	if r.code != driver.ExitClean || r.stdout != "" || r.stderr != "batchlint: recorded 3 finding(s) in baseline-typo.json\n" {
		t.Fatalf("-baseline-write: exit %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
	if r := run(t, dir, "-baseline", "baseline-typo.json", "./..."); r.code != driver.ExitClean || r.stdout != "" || r.stderr != "" {
		t.Errorf("after -baseline-write: exit %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
	// An incomplete run is not recorded: the broken package's findings would
	// come back as new once it builds.
	writeFiles(t, dir, map[string]string{"broken/broken.go": "package broken\n\nfunc F() int { return \"x\" }\n"})
	for _, args := range [][]string{{"-baseline", "baseline-typo.json", "-baseline-write"}, {"-baseline", "other.json"}} {
		r := run(t, dir, append(args, "./...")...)
		if r.code != driver.ExitError || !strings.Contains(r.stderr, "not recorded, since some packages were not analysed") {
			t.Errorf("%v with a broken package: exit %d stderr %q", args, r.code, r.stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "other.json")); err == nil {
		t.Error("a baseline was created from an incomplete run")
	}
}

func TestTextOutputEscapesControlCharacters(t *testing.T) {
	t.Parallel()
	dir := toyModule(t, map[string]string{
		"b/b.go": "package b\n\nfunc hit(string)      {}\nfunc hitBatch(string) {}\n\nfunc B() { hit(\"\\x1b[2J\\u202e\\r\\n\\x7f\\u00e9\\t\") }\n",
	})
	r := run(t, dir, "-other=false", "./b")
	want := "b/b.go:6:12: hit: hit called with \\x1b[2J\\u202e\\r\\n\\x7fé\t\n\tb/b.go:6:6: in B with \\x1b[2J\\u202e\\r\\n\\x7fé\t\n"
	if r.stdout != want {
		t.Errorf("text output:\n%q\nwant\n%q", r.stdout, want)
	}
	// encoding/json escapes C0 controls but leaves DEL and U+202E raw.
	for _, format := range []string{"json", "sarif"} {
		r := run(t, dir, "-other=false", "-format="+format, "./b")
		if !strings.Contains(r.stdout, `with \u001b[2J\u202e\r\n\u007fé\t"`) || strings.ContainsAny(r.stdout, "\x1b\r\x7f\u202e") {
			t.Errorf("%s output holds raw control characters or lost them:\n%q", format, r.stdout)
		}
	}
	// The compiler quotes source text in its errors, which go vet passes on.
	writeFiles(t, dir, map[string]string{"c/c.go": "package c\n\nfunc F() int { return \"x\x1b[2Jy\" }\n"})
	if r := run(t, dir, "./c"); r.code != driver.ExitError || !strings.Contains(r.stderr, `cannot use "x\x1b[2Jy"`) || strings.Contains(r.stderr, "\x1b") {
		t.Errorf("a compiler error quoting a raw ESC: exit %d, stderr %q", r.code, r.stderr)
	}
	r = run(t, dir, "-other=false", "-json", "./b")
	if findings, _, err := vetjson.Decode(strings.NewReader(r.stdout)); err != nil || len(findings) != 1 ||
		findings[0].Message != "hit called with \x1b[2J\u202e\r\n\x7f\u00e9\t" {
		t.Errorf("escaped JSON does not decode to the message: %v %+v", err, findings)
	}
}

func TestConfigAndBaselineSizeIsBounded(t *testing.T) {
	t.Parallel()
	dir := toyModule(t, map[string]string{
		"big.yml":  "# " + strings.Repeat("x", 1<<20) + "\n",
		"big.json": `{"version": 1, "findings": [], "pad": "` + strings.Repeat("x", 16<<20) + `"}`,
	})
	if r := run(t, dir, "-config", "big.yml", "./..."); r.code != driver.ExitError || !strings.Contains(r.stderr, "big.yml: larger than 1048576 bytes") {
		t.Errorf("oversized config: exit %d stderr %q", r.code, r.stderr)
	}
	if r := run(t, dir, "-baseline", "big.json", "./..."); r.code != driver.ExitError || !strings.Contains(r.stderr, "big.json: larger than 16777216 bytes") {
		t.Errorf("oversized baseline: exit %d stderr %q", r.code, r.stderr)
	}
}
