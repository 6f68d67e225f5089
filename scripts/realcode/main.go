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
	"cmp"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
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

	fmt.Println("| analyzer | findings | true | false | debatable | untriaged | share true |")
	fmt.Println("|---|---|---|---|---|---|---|")
	names := make([]string, 0, len(counts))
	for a := range counts {
		names = append(names, a)
	}
	slices.Sort(names)
	for _, a := range names {
		fmt.Println(tableRow(a, counts[a]))
	}
	fmt.Println(tableRow("total", total))
	fmt.Println("share true = true / (true + false + debatable): a debatable finding counts as not true.")
	if len(untriaged) > 0 || len(gone) > 0 {
		return fmt.Errorf("%d untriaged, %d gone: triage them in %s", len(untriaged), len(gone), triagePath)
	}
	return nil
}

func tableRow(name string, c map[string]int) string {
	judged := c["true"] + c["false"] + c["debatable"]
	share := "-"
	if judged > 0 {
		share = fmt.Sprintf("%.1f%% (%d/%d)", 100*float64(c["true"])/float64(judged), c["true"], judged)
	}
	return fmt.Sprintf("| %s | %d | %d | %d | %d | %d | %s |", name, judged+c["untriaged"], c["true"], c["false"], c["debatable"], c["untriaged"], share)
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

// funcLine matches a top-level func declaration: its receiver's type name, if
// any, and its name.
var funcLine = regexp.MustCompile(`^func\s*(?:\(\s*(?:\w+\s+)?\*?(\w+)[^)]*\)\s*)?(\w+)`)

// function names the top-level function or method whose declaration is the
// last one starting at or above line, as "Type.Method" or "Func": a
// gofmt-formatted file starts each at column 1, which is all a triage row
// needs to read well.
func function(file string, line int) string {
	src, err := os.ReadFile(file)
	if err != nil {
		return ""
	}
	name := ""
	for i, l := range strings.SplitN(string(src), "\n", line+1) {
		if i >= line {
			break
		}
		if m := funcLine.FindStringSubmatch(l); m != nil {
			name = m[2]
			if m[1] != "" {
				name = m[1] + "." + m[2]
			}
		}
	}
	return cmp.Or(name, "-")
}
