// Package directives parses //batchlint:ignore comments and gives every
// analyzer a Reporter that honours them.
//
//	//batchlint:ignore sqlloop,ormloop -- seeding a fixed list of 3 rows
//
// A directive written as a trailing comment suppresses findings of the named
// analyzers on its own line; a directive on a line of its own suppresses them
// on the line below it. "all" names every analyzer. The reason after "--" is
// required: a directive without one still suppresses, but is itself reported
// by the first analyzer it names until a reason is written, so that every
// suppression in a code base explains itself.
//
// A directive that suppresses nothing is reported by each analyzer it names
// (a stale suppression hides the next real finding on that line). Directives
// naming "all" are exempt from that check: no single analyzer can tell that
// none of the others needed it. A name that is no batchlint analyzer is
// reported by the first known analyzer the directive names, or by the first
// analyzer of the suite (sqlloop) when it names none.
//
// For golangci-lint users the standalone and vet modes also honour
// //nolint:batchlint, //nolint:<analyzer>, //nolint:all and a bare //nolint,
// with the same placement rules. Under golangci-lint itself nolint is handled
// by golangci-lint; batchlint never reports nolint comments.
//
// The Reporter also drops findings located in generated files (the
// "Code generated ... DO NOT EDIT." header): a finding belongs at the user's
// call site, never inside generated code. Findings in test code are dropped
// unless the analyzer's tests option (config.Options) is set. Test code is
// a _test.go file, and also a function (declared or literal) anywhere that
// takes a *testing.T, *testing.B, *testing.F or testing.TB: a helper that
// tests share lives outside _test.go files only so that several packages'
// tests can import it, and it runs only under go test.
package directives

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/batchlint/batchlint/internal/config"
)

// suite names batchlint's analyzers, in the order of the docs. A test checks
// it against analyzers.All(); it lives here because analyzers imports this
// package.
var suite = []string{"sqlloop", "ormloop", "linger", "compression", "produceloop", "paramlimit", "asyncproduce"}

const (
	ignorePrefix = "//batchlint:ignore"
	nolintPrefix = "//nolint"
	allNames     = "all"
)

// Directive is one //batchlint:ignore or //nolint comment.
type Directive struct {
	Pos token.Pos
	// Names are the analyzers the directive names, as written.
	Names []string
	// Reason is the text after "--", trimmed.
	Reason string
	// Line is the line whose findings the directive suppresses.
	Line int
	// Nolint marks a golangci-lint style //nolint comment.
	Nolint bool
}

func (d *Directive) names(analyzer string) bool {
	for _, n := range d.Names {
		if n == analyzer || n == allNames || (d.Nolint && n == "batchlint") {
			return true
		}
	}
	return false
}

type file struct {
	generated bool
	test      bool
	syntax    *ast.File
	byLine    map[int][]*Directive
	list      []*Directive
}

// Index holds the directives of one package.
type Index struct {
	files map[string]*file // by file name as the FileSet knows it
	order []string         // file names in pass.Files order, for determinism
}

// Analyzer parses the directives of a package. It reports nothing itself.
var Analyzer = &analysis.Analyzer{
	Name:       "directives",
	Doc:        "parses //batchlint:ignore directives (helper pass, reports nothing)",
	Run:        func(pass *analysis.Pass) (any, error) { return parse(pass), nil },
	ResultType: reflect.TypeOf((*Index)(nil)),
}

func parse(pass *analysis.Pass) *Index {
	idx := &Index{files: map[string]*file{}}
	for _, f := range pass.Files {
		if f == nil {
			continue
		}
		tf := pass.Fset.File(f.FileStart)
		if tf == nil {
			continue
		}
		name := tf.Name()
		if _, dup := idx.files[name]; dup {
			continue
		}
		fi := &file{
			generated: generated(f),
			test:      strings.HasSuffix(name, "_test.go"),
			syntax:    f,
			byLine:    map[int][]*Directive{},
		}
		// The source (or, without it, the line ends) is needed only to place
		// a directive, and most files have none: read it at the first.
		var src []byte
		var ends map[int]token.Pos
		read := false
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				d := parseComment(c.Text)
				if d == nil {
					continue
				}
				if !read {
					read = true
					if pass.ReadFile != nil {
						src, _ = pass.ReadFile(name)
					}
					if src == nil {
						ends = lineEnds(tf, f)
					}
				}
				d.Pos = c.Slash
				line := rawLine(tf, c.Slash)
				d.Line = line + 1
				if trailing(tf, src, ends, c.Slash) {
					d.Line = line
				}
				fi.byLine[d.Line] = append(fi.byLine[d.Line], d)
				fi.list = append(fi.list, d)
			}
		}
		idx.files[name] = fi
		idx.order = append(idx.order, name)
	}
	return idx
}

// parseComment returns the directive in one comment, or nil.
func parseComment(text string) *Directive {
	switch {
	case strings.HasPrefix(text, ignorePrefix):
		rest := text[len(ignorePrefix):]
		if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
			return nil // e.g. //batchlint:ignored
		}
		rest = strings.TrimSpace(rest)
		var reason string
		if i := strings.Index(rest, "--"); i >= 0 {
			reason = strings.TrimSpace(rest[i+2:])
			rest = rest[:i]
		} else if fields := strings.Fields(rest); len(fields) > 1 {
			// Names, then prose without "--": keep the names, and the
			// missing separator is reported as a missing reason.
			rest = fields[0]
		}
		return &Directive{Names: splitNames(rest), Reason: reason}
	case strings.HasPrefix(text, nolintPrefix):
		rest := text[len(nolintPrefix):]
		if rest == "" || rest[0] == ' ' || rest[0] == '\t' {
			return &Directive{Names: []string{allNames}, Nolint: true}
		}
		if rest[0] != ':' {
			return nil // e.g. //nolintfoo
		}
		rest = rest[1:]
		if i := strings.IndexAny(rest, " \t"); i >= 0 {
			rest = rest[:i]
		}
		return &Directive{Names: splitNames(rest), Nolint: true}
	}
	return nil
}

func splitNames(s string) []string {
	var out []string
	for n := range strings.SplitSeq(s, ",") {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// cgoHeader opens every Go file cmd/cgo writes. go vet analyses cmd/cgo's
// translation of a file that imports "C" in place of the file itself.
const cgoHeader = "// Code generated by cmd/cgo; DO NOT EDIT."

// generated reports whether f is generated code. A cgo translation is the
// user's own code under cmd/cgo's header: only a header the user's file had
// counts.
func generated(f *ast.File) bool {
	if len(f.Comments) > 0 && f.Comments[0].List[0].Text == cgoHeader {
		g := *f
		g.Comments = f.Comments[1:]
		return ast.IsGenerated(&g)
	}
	return ast.IsGenerated(f)
}

// rawLine is pos's line in the file as parsed, ignoring //line directives:
// cmd/cgo's translations, which go vet analyses, remap every line of the
// user's file, and token.File.Line would mix the two numberings.
func rawLine(tf *token.File, pos token.Pos) int {
	return tf.PositionFor(pos, false).Line
}

// trailing reports whether the comment at pos follows code on its line. It
// reads the source when the driver provides it, and otherwise asks whether
// some syntax node ends earlier on the same line (ends, from lineEnds).
func trailing(tf *token.File, src []byte, ends map[int]token.Pos, pos token.Pos) bool {
	line := rawLine(tf, pos)
	if src == nil {
		end, ok := ends[line]
		return ok && end <= pos
	}
	off := tf.Offset(pos)
	start := tf.Offset(tf.LineStart(line))
	if off > len(src) || start > off {
		return false
	}
	return strings.TrimSpace(string(src[start:off])) != ""
}

// lineEnds maps each line to the earliest end of a syntax node on it.
func lineEnds(tf *token.File, f *ast.File) map[int]token.Pos {
	ends := map[int]token.Pos{}
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		if _, ok := n.(*ast.File); ok {
			return true
		}
		if _, ok := n.(*ast.CommentGroup); ok {
			return false
		}
		end := n.End()
		if !end.IsValid() || int(end) > tf.Base()+tf.Size() || int(end) < tf.Base() {
			return true
		}
		line := rawLine(tf, end)
		if cur, ok := ends[line]; !ok || end < cur {
			ends[line] = end
		}
		return true
	})
	return ends
}

// Reporter reports one analyzer's diagnostics, dropping those a directive
// suppresses. Every user-facing analyzer Requires Analyzer and reports only
// through a Reporter.
type Reporter struct {
	pass  *analysis.Pass
	idx   *Index
	name  string
	tests bool
	used  map[*Directive]bool
	// helpers holds, per file, the test helpers found at its first finding.
	helpers map[*file][]ast.Node
}

// NewReporter returns the Reporter for pass's analyzer. An analyzer that
// forgot to Require Analyzer still gets a working Reporter: the directives
// are then parsed here.
func NewReporter(pass *analysis.Pass) *Reporter {
	idx, _ := pass.ResultOf[Analyzer].(*Index)
	if idx == nil {
		idx = parse(pass)
	}
	return &Reporter{
		pass:    pass,
		idx:     idx,
		name:    pass.Analyzer.Name,
		tests:   config.For(pass).Tests,
		used:    map[*Directive]bool{},
		helpers: map[*file][]ast.Node{},
	}
}

// fileOf returns the file that holds pos, or nil when pos is in no file of
// the package (an invalid position, or one in another package).
func (r *Reporter) fileOf(pos token.Pos) *file {
	if !pos.IsValid() {
		return nil
	}
	tf := r.pass.Fset.File(pos)
	if tf == nil {
		return nil
	}
	return r.idx.files[tf.Name()]
}

// skipped reports whether the analyzer ignores the file altogether.
func (r *Reporter) skipped(f *file) bool {
	return f.generated || (f.test && !r.tests)
}

// inHelper reports whether pos lies in a test helper of f (see the package
// doc) while the analyzer's tests option is off.
func (r *Reporter) inHelper(f *file, pos token.Pos) bool {
	if r.tests || f.syntax == nil || r.pass.TypesInfo == nil {
		return false
	}
	hs, ok := r.helpers[f]
	if !ok {
		hs = testHelpers(r.pass.TypesInfo, f.syntax)
		r.helpers[f] = hs
	}
	for _, h := range hs {
		if h.Pos() <= pos && pos < h.End() {
			return true
		}
	}
	return false
}

// testHelpers returns the outermost functions of f that take a parameter of
// testing's T, B, F or TB.
func testHelpers(info *types.Info, f *ast.File) []ast.Node {
	var out []ast.Node
	ast.Inspect(f, func(n ast.Node) bool {
		var ft *ast.FuncType
		switch n := n.(type) {
		case *ast.FuncDecl:
			ft = n.Type
		case *ast.FuncLit:
			ft = n.Type
		default:
			return true
		}
		for _, p := range ft.Params.List {
			if testingParam(info.TypeOf(p.Type)) {
				out = append(out, n)
				return false
			}
		}
		return true
	})
	return out
}

func testingParam(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "testing" {
		return false
	}
	switch n.Obj().Name() {
	case "T", "B", "F", "TB":
		return true
	}
	return false
}

// Report reports d unless a directive naming this analyzer covers d.Pos, or
// d.Pos lies in a generated file, or in test code while the analyzer's
// tests option is off.
func (r *Reporter) Report(d analysis.Diagnostic) {
	if !r.Drops(d.Pos) {
		r.pass.Report(d)
	}
}

// Drops reports whether Report would drop a finding at pos, and counts the
// directives that would suppress it as used. The whole-module step asks it
// for the calls it may report later, outside this run.
func (r *Reporter) Drops(pos token.Pos) bool {
	f := r.fileOf(pos)
	if f == nil {
		return false
	}
	if r.skipped(f) || r.inHelper(f, pos) {
		return true
	}
	suppressed := false
	for _, dir := range f.byLine[rawLine(r.pass.Fset.File(pos), pos)] {
		if dir.names(r.name) {
			r.used[dir] = true
			suppressed = true
		}
	}
	return suppressed
}

// Named reports whether a directive of the package names this analyzer.
func (r *Reporter) Named() bool {
	for _, f := range r.idx.files {
		for _, dir := range f.list {
			if dir.names(r.name) {
				return true
			}
		}
	}
	return false
}

// Finish reports the directives naming this analyzer that lack a reason,
// name unknown analyzers, or suppressed nothing. Call it once, at the end of
// the analyzer's run.
func (r *Reporter) Finish() {
	for _, name := range r.idx.order {
		f := r.idx.files[name]
		if r.skipped(f) {
			continue
		}
		for _, dir := range f.list {
			if dir.Nolint || r.inHelper(f, dir.Pos) {
				continue
			}
			r.check(dir)
		}
	}
}

func (r *Reporter) known(name string) bool {
	return name == r.name || name == allNames || slices.Contains(suite, name)
}

// reporterOf returns the analyzer that reports the directive's own problems:
// the first known analyzer it names, or the first of the suite.
func (r *Reporter) reporterOf(dir *Directive) string {
	for _, n := range dir.Names {
		if n == allNames {
			return suite[0]
		}
		if r.known(n) {
			return n
		}
	}
	return suite[0]
}

func (r *Reporter) check(dir *Directive) {
	owner := r.reporterOf(dir) == r.name
	written := strings.Join(dir.Names, ",")
	if owner {
		if len(dir.Names) == 0 {
			r.pass.Report(analysis.Diagnostic{
				Pos:     dir.Pos,
				Message: "//batchlint:ignore names no analyzer: write //batchlint:ignore NAME -- why",
			})
			return
		}
		var unknown []string
		for _, n := range dir.Names {
			if !r.known(n) {
				unknown = append(unknown, fmt.Sprintf("%q", n))
			}
		}
		if len(unknown) > 0 {
			r.pass.Report(analysis.Diagnostic{
				Pos: dir.Pos,
				Message: fmt.Sprintf("//batchlint:ignore names unknown analyzer %s (known: %s, all)",
					strings.Join(unknown, ", "), strings.Join(suite, ", ")),
			})
		}
		if dir.Reason == "" {
			r.pass.Report(analysis.Diagnostic{
				Pos: dir.Pos,
				Message: fmt.Sprintf("directive for %s has no reason: write //batchlint:ignore %s -- why",
					written, written),
			})
		}
	}
	if slices.Contains(dir.Names, r.name) && !r.used[dir] {
		r.pass.Report(analysis.Diagnostic{
			Pos:     dir.Pos,
			Message: fmt.Sprintf("unused //batchlint:ignore %s directive: no %s finding on the line it covers", r.name, r.name),
		})
	}
}
