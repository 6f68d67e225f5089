package e2e

import (
	"bufio"
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/batchlint/batchlint/analyzers"
	"github.com/batchlint/batchlint/internal/vetjson"
)

var (
	buildOnce   sync.Once
	builtBinary string
	buildErr    error
	binDir      string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// batchlintBinary builds cmd/batchlint once for all tests of the package.
func batchlintBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		if binDir, buildErr = os.MkdirTemp("", "batchlint-e2e"); buildErr != nil {
			return
		}
		builtBinary = filepath.Join(binDir, "batchlint")
		cmd := exec.Command("go", "build", "-o", builtBinary, "./cmd/batchlint")
		cmd.Dir = ".."
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("building batchlint: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtBinary
}

// freshTool returns a copy of the binary with bytes appended: the same
// program under a new tool ID, so that go vet reuses no earlier result and
// every run really analyses.
func freshTool(t *testing.T, bin string) string {
	t.Helper()
	data, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "batchlint")
	data = append(data, fmt.Sprintf("\n%s\n", dst)...)
	if err := os.WriteFile(dst, data, 0o755); err != nil {
		t.Fatal(err)
	}
	return dst
}

// offlineEnv runs the go command on vendored testdata modules only.
func offlineEnv() []string {
	return append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=vendor", "GOWORK=off", "GOTOOLCHAIN=local")
}

// finding is what the robustness tests compare: where and which analyzer.
type finding struct {
	posn     string // file:line, relative to the module root
	analyzer string
}

func (f finding) String() string { return f.posn + " " + f.analyzer }

var markerRE = regexp.MustCompile(`// (finding|maybe): ([a-z, ]+)$`)

// markedFindings reads the markers of the module's sources (vendor
// excluded): "// finding: NAME, NAME" on every line that must be reported,
// and by whom; "// maybe: NAME" on a line that may be reported (a write not
// recognised yet).
func markedFindings(t *testing.T, root string) (want, maybe []finding) {
	t.Helper()
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "vendor" {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		for i, line := range strings.Split(string(data), "\n") {
			m := markerRE.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			for name := range strings.SplitSeq(m[2], ",") {
				f := finding{fmt.Sprintf("%s:%d", filepath.ToSlash(rel), i+1), strings.TrimSpace(name)}
				if m[1] == "maybe" {
					maybe = append(maybe, f)
				} else {
					want = append(want, f)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(want, compareFindings)
	return want, maybe
}

func compareFindings(a, b finding) int {
	return strings.Compare(a.String(), b.String())
}

// vetFindings decodes go vet -json's stream into findings relative to root.
func vetFindings(t *testing.T, root string, stdout []byte) []finding {
	t.Helper()
	fs, errs, err := vetjson.Decode(bytes.NewReader(stdout))
	if err != nil {
		t.Fatalf("decoding the JSON output: %v\n%s", err, stdout)
	}
	for _, e := range errs {
		t.Errorf("analysis failed: %v", e)
	}
	var got []finding
	for _, f := range fs {
		p := vetjson.ParsePosn(f.Posn)
		rel, err := filepath.Rel(root, p.File)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, finding{fmt.Sprintf("%s:%d", filepath.ToSlash(rel), p.Line), f.Analyzer})
	}
	slices.SortFunc(got, compareFindings)
	return slices.CompactFunc(got, func(a, b finding) bool { return a == b })
}

var textFindingRE = regexp.MustCompile(`^(\S+\.go):(\d+):\d+: ([a-z]+): `)

// textFindings parses batchlint's text output (related lines are indented).
func textFindings(stdout []byte) []finding {
	var got []finding
	sc := bufio.NewScanner(bytes.NewReader(stdout))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if m := textFindingRE.FindStringSubmatch(sc.Text()); m != nil {
			got = append(got, finding{m[1] + ":" + m[2], m[3]})
		}
	}
	slices.SortFunc(got, compareFindings)
	return slices.CompactFunc(got, func(a, b finding) bool { return a == b })
}

// panicRE matches what a Go panic prints: the value, a runtime error, a
// signal, the crashing goroutine's header.
var panicRE = regexp.MustCompile(`(?m)panic: |runtime error: |^\[signal |^goroutine \d+ \[`)

func checkNoPanic(t *testing.T, what string, outputs ...[]byte) {
	t.Helper()
	for _, out := range outputs {
		if m := panicRE.Find(out); m != nil {
			t.Fatalf("%s: output contains %q:\n%s", what, m, out)
		}
	}
}

// run3 runs a command and returns its stdout, stderr and exit code.
func run3(t *testing.T, dir string, env []string, name string, args ...string) (stdout, stderr []byte, code int) {
	t.Helper()
	var o, e bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Env, cmd.Stdout, cmd.Stderr = dir, env, &o, &e
	err := cmd.Run()
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("%s: %v", name, err)
		}
		code = ee.ExitCode()
	}
	return o.Bytes(), e.Bytes(), code
}

// readSources maps each .go file of the module outside vendor to its text.
func readSources(t *testing.T, root string) map[string]string {
	t.Helper()
	srcs := map[string]string{}
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "vendor" {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(root, path)
		srcs[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return srcs
}

// copyModule copies testdata/NAME into a temporary directory.
func copyModule(t *testing.T, name string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), name)
	if out, err := exec.Command("cp", "-r", filepath.Join("..", "testdata", name), dst).CombinedOutput(); err != nil {
		t.Fatalf("copying testdata/%s: %v\n%s", name, err, out)
	}
	return dst
}

// writeFile writes a source file, creating its directory.
func writeFile(t *testing.T, path string, src string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}

// bigFunction is one function of about lines lines: counting loops with
// calls and branches, read loops, and in every writeEvery-th block a
// per-row INSERT loop (a finding, marked).
func bigFunction(lines, writeEvery int) string {
	var b strings.Builder
	b.WriteString(`// Package big holds one very large function.
package big

import (
	"context"
	"strconv"

	"github.com/jackc/pgx/v5/pgxpool"
)

func step(i int) int { return i*31 + 7 }

func Big(ctx context.Context, pool *pgxpool.Pool, ids []int) (int, error) {
	total := 0
`)
	n := strings.Count(b.String(), "\n")
	for k := 0; n < lines; k++ {
		var block string
		switch {
		case k%writeEvery == writeEvery-1:
			block = fmt.Sprintf(`	for _, id := range ids {
		if _, err := pool.Exec(ctx, "INSERT INTO big%d (id) VALUES ($1)", id); err != nil { // finding: sqlloop
			return 0, err
		}
	}
`, k)
		case k%7 == 3:
			block = fmt.Sprintf(`	for _, id := range ids {
		rows, err := pool.Query(ctx, "SELECT v FROM big WHERE id = $1 AND k = %d", id)
		if err != nil {
			return 0, err
		}
		rows.Close()
	}
`, k)
		default:
			block = fmt.Sprintf(`	for i := 0; i < len(ids); i++ {
		total += step(ids[i]) + len(strconv.Itoa(i+%d))
		if total%%%d == 0 {
			total = step(total)
		}
	}
`, k, k+2)
		}
		b.WriteString(block)
		n += strings.Count(block, "\n")
	}
	b.WriteString("\treturn total, nil\n}\n")
	return b.String()
}

// hugeLiterals declares a package-level []string of n elements, a function
// with a local literal of n elements, and SQL built from n/5 concatenations,
// constant and not.
func hugeLiterals(n int) string {
	var lit strings.Builder
	lit.WriteString("[]string{\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&lit, "\t%q,", "name"+fmt.Sprint(i))
		if i%10 == 9 {
			lit.WriteString("\n")
		}
	}
	lit.WriteString("\n}")
	return `// Package huge holds very large composite literals.
package huge

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

var Names = ` + lit.String() + `

func SaveAll(ctx context.Context, pool *pgxpool.Pool, names []string) error {
	for _, n := range names {
		if _, err := pool.Exec(ctx, "INSERT INTO names (n) VALUES ($1)", n); err != nil { // finding: sqlloop
			return err
		}
	}
	return nil
}

func Count() int {
	local := ` + lit.String() + `
	return len(local) + len(Names)
}

const spaces = "INSERT INTO spaces (v) VALUES ($1)"` + strings.Repeat(` + " "`, n/5) + `

func Spaces(ctx context.Context, pool *pgxpool.Pool, vs []int) {
	for _, v := range vs {
		pool.Exec(ctx, spaces, v) // finding: sqlloop
	}
}

func Suffix(ctx context.Context, pool *pgxpool.Pool, suffix string, vs []int) {
	for _, v := range vs {
		pool.Exec(ctx, "INSERT INTO suffixed (v) VALUES ($1)"+suffix` + strings.Repeat(`+suffix`, n/5) + `, v) // maybe: sqlloop
	}
}
`
}

// robustModule is a copy of testdata/robust with the generated packages
// that are too large to commit.
func robustModule(t *testing.T) string {
	t.Helper()
	dir := copyModule(t, "robust")
	writeFile(t, filepath.Join(dir, "big", "big.go"), bigFunction(20000, 100))
	writeFile(t, filepath.Join(dir, "huge", "huge.go"), hugeLiterals(50000))
	// Generated, since gofmt rejects the repository's files if it is one.
	writeFile(t, filepath.Join(dir, "syntax", "syntax.go"), `// Package syntax does not parse.
package syntax

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

func SaveAll(ctx context.Context, pool *pgxpool.Pool, ids []int) error {
	for _, id := range ids {
		if _, err := pool.Exec(ctx, "INSERT INTO t (id) VALUES ($1)", id; err != nil {
			return err
		}
	}
	return nil
}
`)
	return dir
}

// unanalysable are the packages of the robust module that cannot be
// analysed: they do not type-check, parse or load, or import one that does
// not type-check.
var unanalysable = []string{"illtyped", "noembed", "syntax", "usesbroken"}

// TestRobustModule runs batchlint standalone (text, -json, -fix) and as go vet
// -vettool over testdata/robust plus a 20,000-line function and 50,000-element
// literals: no panic anywhere, a clear error for each package that does not
// type-check, parse or load, and exactly the marked findings in every other
// package (so the generated file stays silent; lines marked "maybe" may be
// reported).
func TestRobustModule(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses a module with large generated packages")
	}
	bin := batchlintBinary(t)
	dir := robustModule(t)
	want, maybe := markedFindings(t, dir)
	if len(want) < 40 {
		t.Fatalf("only %d marked findings: the markers or the generators are broken", len(want))
	}
	t.Logf("%d marked findings", len(want))
	env := offlineEnv()

	checkErrors := func(t *testing.T, stderr []byte) {
		t.Helper()
		if !bytes.Contains(stderr, []byte("# example.com/robust/illtyped")) ||
			!regexp.MustCompile(`illtyped/illtyped\.go:\d+:\d+: undefined: `).Match(stderr) {
			t.Errorf("no clear type error for the ill-typed package in stderr:\n%s", stderr)
		}
		if !regexp.MustCompile(`syntax/syntax\.go:12:\d+: missing ',' in argument list`).Match(stderr) {
			t.Errorf("no clear syntax error for the package that does not parse in stderr:\n%s", stderr)
		}
		if bytes.Contains(stderr, []byte("example.com/robust/cgo")) || bytes.Contains(stderr, []byte("example.com/robust/big")) {
			t.Errorf("a package other than illtyped failed:\n%s", stderr)
		}
	}
	checkFindings := func(t *testing.T, got []finding) {
		t.Helper()
		got = slices.DeleteFunc(got, func(f finding) bool { return slices.Contains(maybe, f) })
		if !slices.Equal(got, want) {
			var missing, extra []string
			for _, f := range want {
				if !slices.Contains(got, f) {
					missing = append(missing, f.String())
				}
			}
			for _, f := range got {
				if !slices.Contains(want, f) {
					extra = append(extra, f.String())
				}
			}
			t.Errorf("findings differ from the markers\nmissing:\n\t%s\nunexpected:\n\t%s",
				strings.Join(missing, "\n\t"), strings.Join(extra, "\n\t"))
		}
	}

	t.Run("standalone-json", func(t *testing.T) {
		stdout, stderr, code := run3(t, dir, env, bin, "-json", "./...")
		checkNoPanic(t, "batchlint -json", stdout, stderr)
		if code != 1 {
			t.Errorf("exit code %d, want 1 (a package does not type-check)", code)
		}
		checkErrors(t, stderr)
		for _, want := range []string{
			"some packages were not analysed",
			"not analysed, because they import a package that does not build: example.com/robust/usesbroken\n",
			"not analysed, because they do not load: example.com/robust/noembed\n",
		} {
			if !bytes.Contains(stderr, []byte(want)) {
				t.Errorf("stderr lacks %q:\n%s", want, stderr)
			}
		}
		if !regexp.MustCompile(`noembed/noembed\.go:\d+:\d+: pattern build: no matching files found`).Match(stderr) {
			t.Errorf("no clear error for the package that does not load in stderr:\n%s", stderr)
		}
		checkFindings(t, vetFindings(t, dir, stdout))
	})

	t.Run("standalone-text", func(t *testing.T) {
		stdout, stderr, code := run3(t, dir, env, bin, "./...")
		checkNoPanic(t, "batchlint", stdout, stderr)
		if code != 1 {
			t.Errorf("exit code %d, want 1", code)
		}
		checkErrors(t, stderr)
		checkFindings(t, textFindings(stdout))
	})

	// go vet analyses nothing when a package does not load: give it the
	// packages that load.
	loadable := func(t *testing.T) []string {
		t.Helper()
		list, stderr, code := run3(t, dir, env, "go", "list", "-e", "-f", "{{if not .Incomplete}}{{.ImportPath}}{{end}}", "./...")
		if code != 0 {
			t.Fatalf("go list: %s", stderr)
		}
		return strings.Fields(string(list))
	}

	t.Run("vettool", func(t *testing.T) {
		args := append([]string{"vet", "-vettool=" + freshTool(t, bin), "-json"}, loadable(t)...)
		stdout, stderr, code := run3(t, dir, env, "go", args...)
		checkNoPanic(t, "go vet -vettool", stdout, stderr)
		if code == 0 {
			t.Errorf("go vet passed on a module with an ill-typed package")
		}
		checkErrors(t, stderr)
		checkFindings(t, vetFindings(t, dir, stdout))
	})

	// Last: it rewrites the copy. Every fix applied must leave code that
	// compiles, cgo included.
	t.Run("fix", func(t *testing.T) {
		before := readSources(t, dir)
		stdout, stderr, _ := run3(t, dir, env, bin, "-fix", "./...")
		checkNoPanic(t, "batchlint -fix", stdout, stderr)
		after := readSources(t, dir)
		var changed []string
		for name, src := range after {
			if src != before[name] {
				changed = append(changed, name)
			}
		}
		slices.Sort(changed)
		if !slices.Contains(changed, "orm/orm.go") || !slices.Contains(changed, "kafka/kafka.go") {
			t.Errorf("fixes changed %v, want at least orm/orm.go and kafka/kafka.go", changed)
		}
		pkgs := slices.DeleteFunc(loadable(t), func(p string) bool {
			return slices.Contains(unanalysable, strings.TrimPrefix(p, "example.com/robust/"))
		})
		if out, stderr, code := run3(t, dir, env, "go", append([]string{"build"}, pkgs...)...); code != 0 {
			t.Errorf("the fixed module does not build (changed: %v):\n%s%s", changed, out, stderr)
		}
	})
}

// TestAnalyzersOnIllTypedCode runs every analyzer of the suite, and every
// pass it requires, on the ill-typed package with RunDespiteErrors set, as
// gopls-like drivers would: each must return without panicking.
func TestAnalyzersOnIllTypedCode(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the vendored libraries from source")
	}
	setRunDespiteErrors(t)

	dir, err := filepath.Abs(filepath.Join("..", "testdata", "robust"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: dir, Env: offlineEnv(), Tests: false}
	pkgs, err := packages.Load(cfg, "./illtyped")
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) != 1 || len(pkgs[0].TypeErrors) == 0 {
		t.Fatalf("want one package with type errors, got %d packages", len(pkgs))
	}
	t.Logf("%d type errors, first: %v", len(pkgs[0].TypeErrors), pkgs[0].TypeErrors[0])

	for _, a := range analyzers.All() {
		t.Run(a.Name, func(t *testing.T) {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("%s panicked on ill-typed code: %v", a.Name, r)
				}
			}()
			// Sequential: the passes run on this goroutine, so recover sees
			// a panic in any of them.
			g, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, &checker.Options{Sequential: true})
			if err != nil {
				t.Fatal(err)
			}
			for act := range g.All() {
				if act.Err != nil {
					t.Logf("%s on %s: %v", act.Analyzer.Name, act.Package.PkgPath, act.Err)
				}
				if act.Package.PkgPath == "example.com/robust/illtyped" && act.Analyzer == a {
					for _, d := range act.Diagnostics {
						t.Logf("%s: %s", act.Package.Fset.Position(d.Pos), d.Message)
					}
				}
			}
		})
	}
}

// TestMutilatedSuite deletes lines of the testdata modules' sources (every
// line of testdata/robust, every 11th line of the analyzers' corpora) one at
// a time and runs the whole suite on each mutilated package, type-checked
// against the real libraries: syntax errors, missing declarations, invalid
// types in every position. No pass may panic, and every fix offered must be
// well formed (the checker panics on a malformed one).
func TestMutilatedSuite(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses thousands of mutilated packages")
	}
	setRunDespiteErrors(t)
	modules := []struct {
		dir    string
		stride int
	}{{"robust", 1}, {"sql", 11}, {"orm", 11}, {"produce", 11}, {"kafka", 11}, {"demo", 11}}
	runs, reported := 0, 0
	for _, m := range modules {
		root, err := filepath.Abs(filepath.Join("..", "testdata", m.dir))
		if err != nil {
			t.Fatal(err)
		}
		cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: root, Env: offlineEnv()}
		loaded, err := packages.Load(cfg, "./...")
		if err != nil {
			t.Fatal(err)
		}
		byPath := map[string]*types.Package{}
		packages.Visit(loaded, nil, func(p *packages.Package) {
			if p.Types != nil {
				byPath[p.PkgPath] = p.Types
			}
		})
		imp := importerFunc(func(path string) (*types.Package, error) {
			if p := byPath[path]; p != nil {
				return p, nil
			}
			return nil, fmt.Errorf("%s not loaded", path)
		})
		for _, pkg := range loaded {
			srcs := make([]string, len(pkg.GoFiles))
			cgo := false
			for i, name := range pkg.GoFiles {
				data, err := os.ReadFile(name)
				if err != nil {
					t.Fatal(err)
				}
				srcs[i] = string(data)
				cgo = cgo || strings.Contains(srcs[i], "\nimport \"C\"\n")
			}
			if cgo {
				continue // type-checking it would need cmd/cgo's translation
			}
			for fi, name := range pkg.GoFiles {
				lines := strings.Split(srcs[fi], "\n")
				for i := fi % m.stride; i < len(lines); i += m.stride {
					mutated := slices.Clone(srcs)
					mutated[fi] = strings.Join(slices.Concat(lines[:i], lines[i+1:]), "\n")
					n, err := analyseMutant(imp, pkg.PkgPath, pkg.GoFiles, mutated)
					rel, _ := filepath.Rel(root, name)
					if err != nil {
						t.Errorf("testdata/%s/%s without line %d: %v", m.dir, filepath.ToSlash(rel), i+1, err)
					}
					runs++
					if n > 0 {
						reported++
					}
				}
			}
		}
	}
	t.Logf("%d mutilated packages analysed, %d with diagnostics", runs, reported)
	// Most mutants keep their loops and producers: a suite that reports on
	// few of them is not being exercised.
	if reported < runs/2 {
		t.Errorf("only %d of %d mutilated packages got a diagnostic", reported, runs)
	}
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// setRunDespiteErrors makes every analyzer of the suite, and every pass it
// requires, run on packages with type errors, as gopls-like drivers may.
func setRunDespiteErrors(t *testing.T) {
	var graph []*analysis.Analyzer
	var walk func(a *analysis.Analyzer)
	walk = func(a *analysis.Analyzer) {
		if slices.Contains(graph, a) {
			return
		}
		graph = append(graph, a)
		for _, r := range a.Requires {
			walk(r)
		}
	}
	for _, a := range analyzers.All() {
		walk(a)
	}
	for _, a := range graph {
		old := a.RunDespiteErrors
		a.RunDespiteErrors = true
		t.Cleanup(func() { a.RunDespiteErrors = old })
	}
}

// analyseMutant type-checks the files of one package, as given in srcs,
// and runs the suite on it, turning a panic into an error. It returns the
// number of diagnostics.
func analyseMutant(imp types.Importer, path string, names, srcs []string) (n int, err error) {
	fset := token.NewFileSet()
	var files []*ast.File
	for i, name := range names {
		f, _ := parser.ParseFile(fset, name, srcs[i], parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
		if f != nil && f.Name != nil {
			files = append(files, f)
		}
	}
	if len(files) == 0 {
		return 0, nil
	}
	info := &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Instances:    map[*ast.Ident]types.Instance{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		Scopes:       map[ast.Node]*types.Scope{},
		FileVersions: map[*ast.File]string{},
	}
	var typeErrs []types.Error
	conf := types.Config{
		Importer:  imp,
		GoVersion: "go1.26",
		Error: func(err error) {
			if te, ok := err.(types.Error); ok {
				typeErrs = append(typeErrs, te)
			}
		},
	}
	tpkg, _ := conf.Check(path, fset, files, info)
	pkg := &packages.Package{
		ID:         path,
		Name:       files[0].Name.Name,
		PkgPath:    path,
		GoFiles:    names,
		Fset:       fset,
		Syntax:     files,
		Types:      tpkg,
		TypesInfo:  info,
		TypesSizes: types.SizesFor("gc", "amd64"),
		TypeErrors: typeErrs,
		// Errors spares the package the checker's load-mode check, which
		// a file without its package clause would fail.
		Errors:   []packages.Error{{Msg: "mutilated"}},
		IllTyped: true,
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	g, err := checker.Analyze(analyzers.All(), []*packages.Package{pkg}, &checker.Options{Sequential: true})
	if err != nil {
		return 0, err
	}
	for _, act := range g.Roots {
		n += len(act.Diagnostics)
	}
	return n, nil
}
