package corpustest

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// A Row is one line of a known list: a label:bad line the analyzer does not
// report (a miss), or a line it reports that is not label:bad (a false
// positive).
type Row struct {
	Kind   string // "miss" or "false"
	Place  string // file:line, the file relative to the list's folder, slash-separated
	Code   string // the line's code, without its label comment, spaces squeezed
	Reason string // why the analyzer gets the line wrong
}

func (r Row) String() string { return strings.Join([]string{r.Kind, r.Place, r.Code, r.Reason}, "\t") }

func (r Row) file() string {
	f, _, _ := strings.Cut(r.Place, ":")
	return f
}

func (r Row) line() int {
	_, n, _ := strings.Cut(r.Place, ":")
	l, _ := strconv.Atoi(n) // ParseKnown checked it
	return l
}

// same reports whether two rows say the same thing of the same line. The
// code is part of it: a line that moved, or another line that moved into
// its place, must not keep a reason written for something else.
func (r Row) same(o Row) bool { return r.Kind == o.Kind && r.Place == o.Place && r.Code == o.Code }

// ParseKnown reads a known list: one row per line, four tab-separated
// fields (kind, file:line, code, reason), as [Row] describes them. Blank
// lines and lines starting with "#" are ignored, and so are the spaces
// around a row, which a test's failure output puts in front of it.
func ParseKnown(path string) ([]Row, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var rows []Row
	for i, text := range strings.Split(string(data), "\n") {
		text = strings.TrimSpace(text)
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.SplitN(text, "\t", 4)
		for len(fields) < 4 {
			fields = append(fields, "")
		}
		r := Row{Kind: fields[0], Place: fields[1], Code: fields[2], Reason: strings.TrimSpace(fields[3])}
		_, n, _ := strings.Cut(r.Place, ":")
		l, err := strconv.Atoi(n)
		var problem string
		switch {
		case r.Kind != "miss" && r.Kind != "false":
			problem = fmt.Sprintf("kind %q, want miss or false", r.Kind)
		case err != nil || l < 1:
			problem = fmt.Sprintf("place %q, want file:line", r.Place)
		case r.Code == "":
			problem = "no code"
		case r.Reason == "":
			problem = "no reason: say why the analyzer gets this line wrong"
		case slices.ContainsFunc(rows, func(o Row) bool { return o.Kind == r.Kind && o.Place == r.Place }):
			problem = fmt.Sprintf("%s %s listed twice", r.Kind, r.Place)
		}
		if problem != "" {
			return nil, fmt.Errorf("%s:%d: %s", path, i+1, problem)
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// check compares the score's misses and false positives with the list at
// known.
func (s Score) check(known string) error {
	listed, err := ParseKnown(known)
	if err != nil {
		return err
	}
	root, err := filepath.Abs(filepath.Dir(known))
	if err != nil {
		return err
	}
	var actual []Row
	for kind, lines := range map[string][]string{"miss": s.Misses, "false": s.False} {
		for _, key := range lines {
			r, err := rowOf(root, kind, key)
			if err != nil {
				return err
			}
			actual = append(actual, r)
		}
	}
	stale, added := diff(listed, actual)
	if len(stale) == 0 && len(added) == 0 {
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: the corpus's misses and false positives differ from this list; if the change is meant, update it:", known)
	if len(stale) > 0 {
		b.WriteString("\ndelete these rows:")
		for _, r := range stale {
			b.WriteString("\n" + r.String())
		}
	}
	if len(added) > 0 {
		b.WriteString("\nadd these rows (a moved line keeps its reason; where the reason is empty, write why the analyzer gets the line wrong):")
		for _, r := range added {
			b.WriteString("\n" + r.String())
		}
	}
	return fmt.Errorf("%s", b.String())
}

// rowOf is the row, without a reason, of the line key under root.
func rowOf(root, kind, key string) (Row, error) {
	i := strings.LastIndexByte(key, ':')
	file := key[:i]
	n, err := strconv.Atoi(key[i+1:])
	if err != nil {
		return Row{}, fmt.Errorf("line key %q: %v", key, err)
	}
	rel, err := filepath.Rel(root, file)
	if err != nil {
		return Row{}, err
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return Row{}, err
	}
	lines := strings.Split(string(data), "\n")
	if n < 1 || n > len(lines) {
		return Row{}, fmt.Errorf("%s: no line %d", file, n)
	}
	code, _, _ := strings.Cut(lines[n-1], "// label:")
	return Row{Kind: kind, Place: Line(filepath.ToSlash(rel), n), Code: strings.Join(strings.Fields(code), " ")}, nil
}

// diff returns the listed rows that no longer hold and the actual rows the
// list lacks, both in file and line order. An added row takes the reason of
// a stale row of the same kind, file and code, the nearest one: the same
// line, moved.
func diff(listed, actual []Row) (stale, added []Row) {
	for _, r := range listed {
		if !slices.ContainsFunc(actual, r.same) {
			stale = append(stale, r)
		}
	}
	for _, r := range actual {
		if !slices.ContainsFunc(listed, r.same) {
			added = append(added, r)
		}
	}
	order := func(a, b Row) int { return cmp.Or(cmp.Compare(a.file(), b.file()), cmp.Compare(a.line(), b.line())) }
	slices.SortFunc(stale, order)
	slices.SortFunc(added, order)
	used := make([]bool, len(stale))
	for i, r := range added {
		best := -1
		for j, o := range stale {
			if used[j] || o.Kind != r.Kind || o.file() != r.file() || o.Code != r.Code {
				continue
			}
			if best < 0 || distance(o, r) < distance(stale[best], r) {
				best = j
			}
		}
		if best >= 0 {
			used[best] = true
			added[i].Reason = stale[best].Reason
		}
	}
	return stale, added
}

func distance(a, b Row) int { return max(a.line()-b.line(), b.line()-a.line()) }
