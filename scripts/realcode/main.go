// Command realcode compares the findings of a real-code sweep with the
// verdicts in the triage file; scripts/realcode.sh runs it after batchlint.
//
//	go run ./scripts/realcode -triage docs/realcode/triage.tsv -checkouts DIR -out DIR owner/name...
//
// For each repository it reads OUT/owner+name.json (batchlint -json), names
// each finding by repository, analyzer, file:line relative to the checkout
// DIR/owner+name, and the enclosing function, and looks its verdict up in the
// triage file (tab-separated: repo, analyzer, file:line, function, verdict,
// reason). It prints the findings without a verdict as triage rows to fill in
// (also written to OUT/untriaged.tsv, with the message as reason), the rows
// no finding matches any more, and the counts per analyzer; it exits 1 when
// either list is not empty. All findings, with their messages, go to
// OUT/findings.tsv.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/batchlint/batchlint/internal/vetjson"
)

type key struct{ repo, analyzer, pos string }

type verdict struct {
	function, verdict, reason string
	seen                      bool
}

var verdicts = []string{"true", "false", "debatable"}

func main() {
	triage := flag.String("triage", "docs/realcode/triage.tsv", "triage file")
	checkouts := flag.String("checkouts", "", "folder of checkouts, one per owner+name")
	out := flag.String("out", "", "folder of batchlint -json outputs, one per owner+name")
	flag.Parse()
	if err := run(*triage, *checkouts, *out, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "realcode:", err)
		os.Exit(1)
	}
}

func run(triagePath, checkouts, out string, repos []string) error {
	triage, err := readTriage(triagePath)
	if err != nil {
		return err
	}
	swept := map[string]bool{}
	var all, untriaged []string
	counts := map[string]map[string]int{} // analyzer -> verdict -> n
	total := map[string]int{}
	for _, repo := range repos {
		swept[repo] = true
		name := strings.Replace(repo, "/", "+", 1)
		f, err := os.Open(filepath.Join(out, name+".json"))
		if err != nil {
			return err
		}
		findings, errs, err := vetjson.Decode(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %v", repo, err)
		}
		for _, e := range errs {
			fmt.Printf("analyzer error in %s: %v\n", repo, e)
		}
		root := filepath.Join(checkouts, name)
		for _, fd := range findings {
			p := vetjson.ParsePosn(fd.Posn)
			file, err := filepath.Rel(root, p.File)
			if err != nil {
				file = p.File
			}
			k := key{repo, fd.Analyzer, fmt.Sprintf("%s:%d", filepath.ToSlash(file), p.Line)}
			fn := function(p.File, p.Line)
			msg := strings.Join(strings.Fields(fd.Message), " ")
			row := strings.Join([]string{k.repo, k.analyzer, k.pos, fn}, "\t")
			all = append(all, row+"\t"+msg)
			if counts[k.analyzer] == nil {
				counts[k.analyzer] = map[string]int{}
			}
			v, ok := triage[k]
			if !ok {
				untriaged = append(untriaged, row+"\t?\t"+msg)
				counts[k.analyzer]["untriaged"]++
				total["untriaged"]++
				continue
			}
			v.seen = true
			counts[k.analyzer][v.verdict]++
			total[v.verdict]++
		}
	}
	if err := os.WriteFile(filepath.Join(out, "findings.tsv"), lines(all), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "untriaged.tsv"), lines(untriaged), 0o644); err != nil {
		return err
	}
	var gone []string
	for k, v := range triage {
		if swept[k.repo] && !v.seen {
			gone = append(gone, strings.Join([]string{k.repo, k.analyzer, k.pos, v.function, v.verdict, v.reason}, "\t"))
		}
	}
	slices.Sort(gone)
	report("untriaged (no verdict)", untriaged)
	report("gone (verdict rows no finding matches)", gone)

	fmt.Println("| analyzer | findings | true | false | debatable | untriaged | share true | true, debatable left out |")
	fmt.Println("|---|---|---|---|---|---|---|---|")
	names := make([]string, 0, len(counts))
	for a := range counts {
		names = append(names, a)
	}
	slices.Sort(names)
	for _, a := range names {
		fmt.Println(tableRow(a, counts[a]))
	}
	fmt.Println(tableRow("total", total))
	fmt.Println("share true = true / (true + false + debatable): a debatable finding counts as not true; the last column leaves debatable ones out.")
	if len(untriaged) > 0 || len(gone) > 0 {
		return fmt.Errorf("%d untriaged, %d gone: triage them in %s", len(untriaged), len(gone), triagePath)
	}
	return nil
}

func tableRow(name string, c map[string]int) string {
	judged := c["true"] + c["false"] + c["debatable"]
	return fmt.Sprintf("| %s | %d | %d | %d | %d | %d | %s | %s |", name, judged+c["untriaged"], c["true"], c["false"], c["debatable"], c["untriaged"],
		share(c["true"], judged), share(c["true"], c["true"]+c["false"]))
}

func share(n, of int) string {
	if of == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%% (%d/%d)", 100*float64(n)/float64(of), n, of)
}

func report(title string, rows []string) {
	if len(rows) == 0 {
		return
	}
	fmt.Printf("%s: %d\n", title, len(rows))
	for _, r := range rows {
		fmt.Println("  " + r)
	}
	fmt.Println()
}

func lines(rows []string) []byte {
	slices.Sort(rows)
	if len(rows) == 0 {
		return nil
	}
	return []byte(strings.Join(rows, "\n") + "\n")
}

func readTriage(path string) (map[key]*verdict, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	triage := map[key]*verdict{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) != 6 || !slices.Contains(verdicts, c[4]) {
			return nil, fmt.Errorf("%s:%d: want repo, analyzer, file:line, function, verdict (%s), reason, tab-separated", path, n, strings.Join(verdicts, "/"))
		}
		k := key{c[0], c[1], c[2]}
		if triage[k] != nil {
			return nil, fmt.Errorf("%s:%d: a second verdict for %s %s %s", path, n, k.repo, k.analyzer, k.pos)
		}
		triage[k] = &verdict{function: c[3], verdict: c[4], reason: c[5]}
	}
	return triage, sc.Err()
}

// function names the top-level declaration that encloses line: "Func",
// "Type.Method", or the variable a function literal is assigned to
// ("produceCmd", "migrations"); "-" when there is none.
func function(file string, line int) string {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, nil, parser.SkipObjectResolution)
	if err != nil {
		return "-"
	}
	for _, d := range f.Decls {
		if fset.Position(d.Pos()).Line > line || fset.Position(d.End()).Line < line {
			continue
		}
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil || len(d.Recv.List) == 0 {
				return d.Name.Name
			}
			t := d.Recv.List[0].Type
			if s, ok := t.(*ast.StarExpr); ok {
				t = s.X
			}
			if g, ok := t.(*ast.IndexExpr); ok {
				t = g.X
			} else if g, ok := t.(*ast.IndexListExpr); ok {
				t = g.X
			}
			return fmt.Sprintf("%s.%s", t, d.Name.Name)
		case *ast.GenDecl:
			for _, sp := range d.Specs {
				if v, ok := sp.(*ast.ValueSpec); ok && fset.Position(sp.End()).Line >= line {
					return v.Names[0].Name
				}
			}
		}
	}
	return "-"
}
