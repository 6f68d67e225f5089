package driver

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"golang.org/x/tools/go/analysis"
)

func usage(w io.Writer, analyzers []*analysis.Analyzer, off map[string]bool, fs *flag.FlagSet) {
	fmt.Fprint(w, `batchlint finds Go code that pays a write's fixed cost once per record.

Usage:
  batchlint [flags] [packages]     analyse packages (default ./...)
  batchlint help [analyzer]        describe the analyzers, or one of them
  go vet -vettool=$(command -v batchlint) [flags] [packages]
  go fix -fixtool=$(command -v batchlint) [-diff] [packages]

Exit status: 0 no findings, 3 findings, 1 errors (a package that does not
build is reported and the others are still analysed).

Analyzers:
`)
	for _, a := range analyzers {
		note := ""
		if off[a.Name] {
			note = " (off by default)"
		}
		fmt.Fprintf(w, "  %-12s %s%s\n", a.Name, Title(a), note)
	}
	fmt.Fprint(w, "\nFlags:\n")
	fs.PrintDefaults()
}

// help prints the suite's overview, or one analyzer's documentation.
func help(stdout, stderr io.Writer, analyzers []*analysis.Analyzer, off map[string]bool, fs *flag.FlagSet, names []string) int {
	if len(names) == 0 {
		fs.SetOutput(stdout)
		usage(stdout, analyzers, off, fs)
		return ExitClean
	}
	status := ExitClean
	for _, name := range names {
		var found *analysis.Analyzer
		for _, a := range analyzers {
			if a.Name == name {
				found = a
			}
		}
		if found == nil {
			fmt.Fprintf(stderr, "batchlint: no analyzer %q (run 'batchlint help' for the list)\n", name)
			status = ExitError
			continue
		}
		doc := strings.TrimSpace(found.Doc)
		// The x/tools convention opens Doc with "NAME: ": add it only when
		// the analyzer's doc lacks it.
		if !strings.HasPrefix(doc, found.Name+":") {
			doc = found.Name + ": " + doc
		}
		fmt.Fprintln(stdout, doc)
		var flags []string
		found.Flags.VisitAll(func(f *flag.Flag) {
			flags = append(flags, fmt.Sprintf("  -%s.%s\n    \t%s (default %q)\n", found.Name, f.Name, f.Usage, f.DefValue))
		})
		if len(flags) > 0 {
			fmt.Fprintf(stdout, "\nFlags:\n%s", strings.Join(flags, ""))
		}
		if found.URL != "" {
			fmt.Fprintf(stdout, "\nDocs: %s\n", found.URL)
		}
	}
	return status
}

// Title is the first line of an analyzer's doc, without the "NAME: "
// prefix the x/tools convention puts there.
func Title(a *analysis.Analyzer) string {
	line, _, _ := strings.Cut(strings.TrimSpace(a.Doc), "\n")
	return strings.TrimSpace(strings.TrimPrefix(line, a.Name+":"))
}
