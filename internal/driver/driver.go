// Package driver is batchlint's command line. Invoked by the go command (go
// vet -vettool, go fix -fixtool) it is the x/tools unitchecker. Invoked by a
// person or CI it runs go vet with itself as the vet tool, so that every
// package is analysed in its own process from export data, cached and in
// parallel by the go command, and turns go vet's JSON into text, JSON or
// SARIF, with a baseline, a config file and exit codes.
package driver

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/batchlint/batchlint/internal/baseline"
	"github.com/batchlint/batchlint/internal/config"
	"github.com/batchlint/batchlint/internal/sarif"
	"github.com/batchlint/batchlint/internal/vetjson"
	"github.com/batchlint/batchlint/internal/wholemodule"
)

// Exit codes of the standalone command.
const (
	ExitClean    = 0 // no findings
	ExitError    = 1 // bad flags, a package that does not build, a failed analysis
	ExitFindings = 3 // findings were reported (and nothing failed)
)

// Main runs the command and exits. The analyzers named in off run only
// when enabled: by the configuration file, or by -NAME.
func Main(analyzers []*analysis.Analyzer, off map[string]bool) {
	if invokedByGoCommand(os.Args[1:]) {
		// go vet runs every analyzer not named false. Naming those off by
		// default first lets a later -NAME, from the command line or the
		// configuration, turn one on.
		var first []string
		for _, a := range analyzers {
			if off[a.Name] {
				first = append(first, "-"+a.Name+"=false")
			}
		}
		os.Args = slices.Insert(os.Args, 1, first...)
		multichecker.Main(analyzers...)
		return
	}
	os.Exit(Run(analyzers, off, os.Args[1:], os.Stdout, os.Stderr))
}

// invokedByGoCommand reports whether args are those go vet and go fix pass
// to a vet tool: -V=full to identify it, -flags to list its flags, and
// finally the flags and one .cfg file per package.
func invokedByGoCommand(args []string) bool {
	for _, a := range args {
		switch strings.TrimPrefix(a, "-") {
		case "-V=full", "V=full", "-flags", "flags":
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

type options struct {
	format, baseline, config, dir, tags string
	json, fix, diff, tests, noConfig    bool
	baselineWrite, module               bool
	analyzerFlags                       []string // -NAME and -NAME.flag, as given
	patterns                            []string
}

// passthrough records an analyzer flag for go vet instead of setting it here.
type passthrough struct {
	name   string
	isBool bool
	out    *[]string
}

func (p *passthrough) String() string   { return "" }
func (p *passthrough) IsBoolFlag() bool { return p.isBool }
func (p *passthrough) Set(v string) error {
	*p.out = append(*p.out, "-"+p.name+"="+v)
	return nil
}

func newFlagSet(analyzers []*analysis.Analyzer, off map[string]bool, o *options, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("batchlint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.format, "format", "text", "output format: text, json (go vet -json's shape) or sarif")
	fs.BoolVar(&o.json, "json", false, "same as -format=json")
	fs.StringVar(&o.baseline, "baseline", "", "report only findings not recorded in this file (a missing file is created with the current findings, with a warning)")
	fs.BoolVar(&o.baselineWrite, "baseline-write", false, "record the current findings in the -baseline file, creating or replacing it, instead of reporting them")
	fs.StringVar(&o.config, "config", "", "configuration file (default: .batchlint.yml, .batchlint.yaml or .batchlint.json in the module root)")
	fs.BoolVar(&o.noConfig, "no-config", false, "do not read a configuration file")
	fs.StringVar(&o.dir, "C", "", "run in this directory (like go -C); relative -baseline and -config paths start there")
	fs.StringVar(&o.tags, "tags", "", "build tags, passed to the go command")
	fs.BoolVar(&o.fix, "fix", false, "apply suggested fixes (runs go fix -fixtool with this binary)")
	fs.BoolVar(&o.diff, "diff", false, "print suggested fixes as a diff instead of applying them")
	fs.BoolVar(&o.tests, "tests", false, "also report findings in test code (_test.go files, functions taking *testing.T)")
	fs.BoolVar(&o.module, "interfaces", false, "also judge calls through the program's own interfaces against their implementations in all the packages analysed (the whole-module step)")
	for _, a := range analyzers {
		fs.Var(&passthrough{name: a.Name, isBool: true, out: &o.analyzerFlags}, a.Name,
			fmt.Sprintf("enable the %s analyzer (with -NAME=false: disable it)", a.Name))
		a.Flags.VisitAll(func(f *flag.Flag) {
			b, _ := f.Value.(interface{ IsBoolFlag() bool })
			fs.Var(&passthrough{name: a.Name + "." + f.Name, isBool: b != nil && b.IsBoolFlag(), out: &o.analyzerFlags},
				a.Name+"."+f.Name, f.Usage)
		})
	}
	fs.Usage = func() { usage(fs.Output(), analyzers, off, fs) }
	return fs
}

// Run runs the standalone command with args and returns its exit code; the
// analyzers named in off run only when enabled.
func Run(analyzers []*analysis.Analyzer, off map[string]bool, args []string, stdout, stderr io.Writer) int {
	var o options
	fs := newFlagSet(analyzers, off, &o, stderr)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitClean
		}
		return ExitError
	}
	o.patterns = fs.Args()
	if len(o.patterns) > 0 && o.patterns[0] == "help" {
		return help(stdout, stderr, analyzers, off, fs, o.patterns[1:])
	}
	if len(o.patterns) == 0 {
		o.patterns = []string{"./..."}
	}
	// go vet and go list would take these for flags (-toolexec runs a
	// program); flags go before the patterns, and "--" ends batchlint's
	// flags, not go's.
	for _, p := range o.patterns {
		if strings.HasPrefix(p, "-") {
			fmt.Fprintf(stderr, "batchlint: package pattern %q starts with \"-\": flags must come before the packages, and only batchlint's own flags are accepted\n", p)
			return ExitError
		}
	}
	if o.baselineWrite && o.baseline == "" {
		fmt.Fprintln(stderr, "batchlint: -baseline-write needs -baseline FILE")
		return ExitError
	}
	if o.json {
		o.format = "json"
	}
	switch o.format {
	case "text", "json", "sarif":
	default:
		fmt.Fprintf(stderr, "batchlint: unknown -format %q (want text, json or sarif)\n", o.format)
		return ExitError
	}
	r, err := newRunner(analyzers, off, &o)
	if err != nil {
		fmt.Fprintf(stderr, "batchlint: %v\n", err)
		return ExitError
	}
	if o.fix || o.diff {
		return r.fix(stdout, stderr)
	}
	return r.lint(stdout, stderr)
}

type runner struct {
	analyzers []*analysis.Analyzer
	o         *options
	dir       string   // absolute working directory
	self      string   // this executable, the vet tool
	goTool    string   // the go command
	flags     []string // analyzer flags for go vet: config first, then the command line
}

func newRunner(analyzers []*analysis.Analyzer, off map[string]bool, o *options) (*runner, error) {
	r := &runner{analyzers: analyzers, o: o}
	dir := o.dir
	if dir == "" {
		dir = "."
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if st, err := os.Stat(abs); err != nil {
		return nil, fmt.Errorf("-C: %v", err)
	} else if !st.IsDir() {
		return nil, fmt.Errorf("-C %s: not a directory", dir)
	}
	r.dir = abs
	if r.self, err = os.Executable(); err != nil {
		return nil, fmt.Errorf("locating this executable for go vet -vettool: %v", err)
	}
	if r.goTool, err = exec.LookPath("go"); err != nil {
		return nil, fmt.Errorf("batchlint runs the go command, which is not on PATH: %v", err)
	}
	cfgPath := r.path(o.config)
	if cfgPath == "" && !o.noConfig {
		if cfgPath, err = config.Find(r.dir); err != nil {
			return nil, err
		}
	}
	if cfgPath != "" && !o.noConfig {
		c, err := config.Load(cfgPath)
		if err != nil {
			return nil, err
		}
		if r.flags, err = c.Flags(analyzers, off); err != nil {
			return nil, fmt.Errorf("%s: %v", cfgPath, err)
		}
	}
	if o.tests {
		for _, a := range analyzers {
			if a.Flags.Lookup("tests") != nil {
				r.flags = append(r.flags, "-"+a.Name+".tests=true")
			}
		}
	}
	r.flags = append(r.flags, o.analyzerFlags...)
	return r, nil
}

// path resolves a user-given path against the working directory.
func (r *runner) path(p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(r.dir, p)
}

func (r *runner) goArgs(sub string, patterns []string, extra ...string) []string {
	args := []string{sub}
	if r.o.tags != "" {
		args = append(args, "-tags="+r.o.tags)
	}
	args = append(args, extra...)
	args = append(args, r.flags...)
	return append(args, patterns...)
}

// onlyProgress reports whether the go command's stderr holds nothing but
// its progress lines, printed while it fetches modules.
func onlyProgress(stderr string) bool {
	for line := range strings.Lines(stderr) {
		if !strings.HasPrefix(line, "go: downloading ") && !strings.HasPrefix(line, "go: extracting ") && !strings.HasPrefix(line, "go: finding module ") {
			return false
		}
	}
	return true
}

func (r *runner) fix(stdout, stderr io.Writer) int {
	code := r.fixPackages(r.o.patterns, stdout, stderr)
	if code == ExitError {
		if rest, skipped := r.loadable(stderr); skipped && len(rest) > 0 {
			r.fixPackages(rest, stdout, stderr)
		}
	}
	return code
}

func (r *runner) fixPackages(patterns []string, stdout, stderr io.Writer) int {
	extra := []string{"-fixtool=" + r.self}
	if r.o.diff {
		extra = append(extra, "-diff")
	}
	var out, errOut bytes.Buffer
	cmd := exec.Command(r.goTool, r.goArgs("fix", patterns, extra...)...)
	cmd.Dir = r.dir
	cmd.Stdout = io.MultiWriter(stdout, &out)
	cmd.Stderr = io.MultiWriter(stderr, &errOut)
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return ExitClean
	case !errors.As(err, &exit):
		fmt.Fprintf(stderr, "batchlint: running go fix: %v\n", err)
		return ExitError
	case r.o.diff && out.Len() > 0 && onlyProgress(errOut.String()):
		// go fix -diff fails when the diff is not empty: that is a finding.
		return ExitFindings
	}
	return ExitError
}

func (r *runner) lint(stdout, stderr io.Writer) int {
	out, vetErr, failed, err := r.vet(r.o.patterns, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "batchlint: %v\n", err)
		return ExitError
	}
	analysed := true
	if failed {
		rest, skipped := r.loadable(stderr)
		if skipped && len(rest) > 0 {
			if out, vetErr, _, err = r.vet(rest, stderr); err != nil {
				fmt.Fprintf(stderr, "batchlint: %v\n", err)
				return ExitError
			}
		}
		analysed = len(rest) > 0
	}
	findings, errs, err := vetjson.Decode(bytes.NewReader(out))
	if err != nil {
		fmt.Fprintf(stderr, "batchlint: %v\n", err)
		return ExitError
	}
	for _, e := range errs {
		fmt.Fprintf(stderr, "batchlint: %s\n", printable(e.Error()))
		failed = true
	}
	switch {
	case !analysed:
		fmt.Fprintln(stderr, "batchlint: no package was analysed (see above)")
	case failed:
		if skipped := r.dependents(vetErr); len(skipped) > 0 {
			fmt.Fprintf(stderr, "batchlint: not analysed, because they import a package that does not build: %s\n", strings.Join(skipped, ", "))
		}
		fmt.Fprintln(stderr, "batchlint: some packages were not analysed (see above); findings below cover the rest")
	}
	if r.o.module {
		if findings, err = r.wholeModule(findings, failed); err != nil {
			fmt.Fprintf(stderr, "batchlint: calls through interfaces: %v\n", err)
			return ExitError
		}
	}

	if r.o.baseline != "" {
		var recorded bool
		if findings, recorded, err = r.baseline(findings, failed, stderr); err != nil {
			fmt.Fprintf(stderr, "batchlint: baseline: %v\n", err)
			return ExitError
		}
		if recorded {
			return ExitClean
		}
	}

	if err := r.print(stdout, findings); err != nil {
		fmt.Fprintf(stderr, "batchlint: %v\n", err)
		return ExitError
	}
	switch {
	case failed:
		return ExitError
	case len(findings) > 0:
		return ExitFindings
	}
	return ExitClean
}

// vet runs go vet on patterns and passes its stderr on. failed reports
// whether some package was not analysed, which go vet's exit status says:
// its stderr holds what kept packages from being analysed (build and type
// errors, "# pkg" then the compiler's lines; packages that do not load; bad
// patterns), but also what is no failure: the go command's progress on a
// first run (modules being downloaded), C compiler warnings from cgo
// packages built on a cold cache, a warning that a pattern matched nothing.
func (r *runner) vet(patterns []string, stderr io.Writer) (out []byte, vetErr string, failed bool, err error) {
	var o, e bytes.Buffer
	vetArgs := []string{"-vettool=" + r.self, "-json"}
	if r.o.module {
		for _, a := range r.analyzers {
			if a.Flags.Lookup(wholemodule.FlagName) != nil {
				vetArgs = append(vetArgs, "-"+a.Name+"."+wholemodule.FlagName)
			}
		}
	}
	cmd := exec.Command(r.goTool, r.goArgs("vet", patterns, vetArgs...)...)
	cmd.Dir, cmd.Stdout, cmd.Stderr = r.dir, &o, &e
	runErr := cmd.Run()
	for line := range strings.Lines(strings.TrimSpace(e.String())) {
		// The compiler quotes source text, which may hold control characters.
		fmt.Fprintln(stderr, printable(strings.TrimSuffix(line, "\n")))
	}
	if runErr != nil {
		var exit *exec.ExitError
		if !errors.As(runErr, &exit) {
			return nil, "", true, fmt.Errorf("running go vet: %v", runErr)
		}
		failed = true
	}
	return o.Bytes(), e.String(), failed, nil
}

// loadable is called after go vet or go fix failed, and returns the
// packages the patterns match that the go command can load, none when it
// can load nothing (a broken go.mod, a pattern matching nothing). When some
// package does not load (an //go:embed pattern that matches no file, an
// import no module provides, a syntax error in the imports), the go command
// analysed nothing at all, since it loads every package before analysing
// any: loadable then names the packages left out, those and their
// importers, and skipped is true, so that the rest can be analysed on its
// own, as staticcheck and golangci-lint would.
func (r *runner) loadable(stderr io.Writer) (rest []string, skipped bool) {
	// Without EmbedFiles among the fields, go list leaves //go:embed
	// patterns unresolved and their errors unseen.
	out, err := r.list("-json=ImportPath,Incomplete,Error,EmbedFiles")
	if err != nil {
		return nil, false
	}
	var broken, importers []string
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p struct {
			ImportPath string
			Incomplete bool
			Error      *struct{}
		}
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			return nil, false
		}
		switch {
		case p.Error != nil:
			broken = append(broken, p.ImportPath)
		case p.Incomplete:
			importers = append(importers, p.ImportPath)
		default:
			rest = append(rest, p.ImportPath)
		}
	}
	if len(broken) > 0 {
		fmt.Fprintf(stderr, "batchlint: not analysed, because they do not load: %s\n", printable(strings.Join(broken, ", ")))
	}
	if len(importers) > 0 {
		fmt.Fprintf(stderr, "batchlint: not analysed, because they import a package that does not load: %s\n", printable(strings.Join(importers, ", ")))
	}
	return rest, len(broken)+len(importers) > 0
}

// wholeModule replaces the exports among findings with the findings of the
// whole-module step. When some packages were not analysed the step reports
// nothing: an implementation that does not write may be among them.
func (r *runner) wholeModule(findings []vetjson.Finding, failed bool) ([]vetjson.Finding, error) {
	if failed {
		return wholemodule.Combine(findings, nil, false)
	}
	out, err := r.list("-json=ImportPath,Deps,TestImports,XTestImports")
	if err != nil {
		return nil, fmt.Errorf("listing the packages' imports: %v", err)
	}
	// A package that tests import and no package's build reaches holds
	// fakes or mocks: test doubles, like the types of _test.go files.
	reached, tested := map[string]bool{}, map[string]bool{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p struct {
			ImportPath                      string
			Deps, TestImports, XTestImports []string
		}
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("reading go list -json: %v", err)
		}
		for _, d := range p.Deps {
			reached[d] = true
		}
		for _, d := range slices.Concat(p.TestImports, p.XTestImports) {
			tested[d] = true
		}
	}
	for p := range reached {
		delete(tested, p)
	}
	return wholemodule.Combine(findings, tested, true)
}

// baseline returns the findings the -baseline file does not hold, or
// records them all in it (recorded) under -baseline-write or when the file
// is missing. An incomplete run is never recorded: the findings of the
// packages that did not build would be missing from it, and come back as
// new once they build.
func (r *runner) baseline(findings []vetjson.Finding, failed bool, stderr io.Writer) (fresh []vetjson.Finding, recorded bool, err error) {
	sources, err := r.sources()
	if err != nil {
		return nil, false, err
	}
	path := r.path(r.o.baseline)
	exists, err := baseline.Exists(path)
	if err != nil {
		return nil, false, err
	}
	if exists && !r.o.baselineWrite {
		fresh, err = baseline.Filter(path, findings, sources)
		return fresh, false, err
	}
	if failed {
		return nil, false, fmt.Errorf("%s not recorded, since some packages were not analysed", r.o.baseline)
	}
	if err := baseline.Write(path, findings, sources); err != nil {
		return nil, false, err
	}
	if r.o.baselineWrite {
		fmt.Fprintf(stderr, "batchlint: recorded %d finding(s) in %s\n", len(findings), r.o.baseline)
	} else {
		// A mistyped path lands here: say so loudly, since every finding is
		// hidden and the status is 0.
		fmt.Fprintf(stderr, "batchlint: warning: baseline %s did not exist: recorded %d finding(s) in %s and reported none; "+
			"if the path is mistyped, delete that file (-baseline-write records a baseline on purpose)\n",
			r.o.baseline, len(findings), r.o.baseline)
	}
	return nil, true, nil
}

// sources returns the files of the packages the patterns match: the only
// source files the baseline reads, since a position can name any path
// through a //line directive.
func (r *runner) sources() (map[string]bool, error) {
	out, err := r.list("-json=Dir,GoFiles,CgoFiles,TestGoFiles,XTestGoFiles")
	if err != nil {
		return nil, fmt.Errorf("listing the packages' files: %v", err)
	}
	files := map[string]bool{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p struct {
			Dir                                          string
			GoFiles, CgoFiles, TestGoFiles, XTestGoFiles []string
		}
		if err := dec.Decode(&p); err == io.EOF {
			return files, nil
		} else if err != nil {
			return nil, fmt.Errorf("reading go list -json: %v", err)
		}
		for _, f := range slices.Concat(p.GoFiles, p.CgoFiles, p.TestGoFiles, p.XTestGoFiles) {
			files[filepath.Join(p.Dir, f)] = true
		}
	}
}

// list runs go list -e with args and the patterns.
func (r *runner) list(args ...string) ([]byte, error) {
	args = append([]string{"list", "-e"}, args...)
	if r.o.tags != "" {
		args = append(args, "-tags="+r.o.tags)
	}
	cmd := exec.Command(r.goTool, append(args, r.o.patterns...)...)
	cmd.Dir = r.dir
	return cmd.Output()
}

// dependents names the packages matched by the patterns that go vet skipped
// silently: those importing, directly or not, a package whose "# path"
// header opens a block of errors in vetErr. A block of C compiler warnings
// (a cgo package built on a cold cache) is no failure.
func (r *runner) dependents(vetErr string) []string {
	broken := map[string]bool{}
	var path string
	var warned, errored bool
	block := func() {
		if path != "" && (errored || !warned) {
			broken[path] = true
		}
	}
	for line := range strings.Lines(vetErr) {
		if p, ok := strings.CutPrefix(strings.TrimSpace(line), "# "); ok {
			block()
			path, _, _ = strings.Cut(p, " ")
			warned, errored = false, false
		}
		warned = warned || strings.Contains(line, ": warning: ")
		errored = errored || strings.Contains(line, ": error: ")
	}
	block()
	if len(broken) == 0 {
		return nil
	}
	out, err := r.list("-f", "{{.ImportPath}}{{range .Deps}} {{.}}{{end}}")
	if err != nil {
		return nil
	}
	var skipped []string
	for line := range strings.Lines(string(out)) {
		fields := strings.Fields(line)
		if len(fields) == 0 || broken[fields[0]] {
			continue
		}
		if slices.ContainsFunc(fields[1:], func(dep string) bool { return broken[dep] }) {
			skipped = append(skipped, fields[0])
		}
	}
	return skipped
}

func (r *runner) print(w io.Writer, findings []vetjson.Finding) error {
	var js bytes.Buffer
	var err error
	switch r.o.format {
	case "json":
		err = vetjson.Encode(&js, findings)
	case "sarif":
		err = sarif.Write(&js, sarif.Options{
			Tool:           "batchlint",
			Version:        moduleVersion(),
			InformationURI: "https://github.com/batchlint/batchlint",
			Dir:            r.dir,
		}, r.analyzers, findings)
	default:
		return r.printText(w, findings)
	}
	if err != nil {
		return err
	}
	_, err = w.Write(escapeJSON(js.Bytes()))
	return err
}

func (r *runner) printText(w io.Writer, findings []vetjson.Finding) error {
	var b strings.Builder
	for _, f := range findings {
		fmt.Fprintf(&b, "%s\n", printable(r.rel(f.Posn)+": "+f.Analyzer+": "+f.Message))
		for _, rel := range f.Related {
			fmt.Fprintf(&b, "\t%s\n", printable(r.rel(rel.Posn)+": "+rel.Message))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// moduleVersion is batchlint's module version when built by go install
// module@version, else "".
func moduleVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return ""
}

// rel shortens an absolute position inside the working directory.
func (r *runner) rel(posn string) string {
	p := vetjson.ParsePosn(posn)
	file, err := filepath.Rel(r.dir, p.File)
	if err != nil || strings.HasPrefix(file, "..") || !filepath.IsAbs(p.File) {
		return posn
	}
	return file + posn[len(p.File):]
}

// printable escapes what a terminal would act on, as strconv.Quote does:
// control characters (SQL text from the analysed code brings them into
// messages), other non-printing runes such as bidirectional overrides, and
// invalid UTF-8. Tabs, quotes, backslashes and printable non-ASCII stay as
// they are, so that ordinary messages read unchanged.
func printable(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		c, n := utf8.DecodeRuneInString(s[i:])
		if c == '\t' || strconv.IsPrint(c) && (c != utf8.RuneError || n > 1) {
			b.WriteString(s[i : i+n])
		} else {
			q := strconv.Quote(s[i : i+n])
			b.WriteString(q[1 : len(q)-1])
		}
		i += n
	}
	return b.String()
}

// escapeJSON escapes the runes encoding/json leaves raw that a terminal
// still acts on: DEL, C1 controls, bidirectional overrides. Outside its
// strings, JSON holds only ASCII punctuation and whitespace, so each such
// rune is inside a string, where its \u escape means the same.
func escapeJSON(data []byte) []byte {
	var b bytes.Buffer
	for _, c := range string(data) {
		if c < utf8.RuneSelf && c != 0x7f || strconv.IsPrint(c) {
			b.WriteRune(c)
			continue
		}
		if c > 0xffff {
			r1, r2 := utf16.EncodeRune(c)
			fmt.Fprintf(&b, `\u%04x\u%04x`, r1, r2)
		} else {
			fmt.Fprintf(&b, `\u%04x`, c)
		}
	}
	return b.Bytes()
}
