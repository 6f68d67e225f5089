package corpustest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpus writes a corpus file and a known list into a new folder, makes it
// the working directory and returns the file's path and the list's.
func corpus(t *testing.T, list string) (file, known string) {
	t.Helper()
	dir := t.TempDir()
	file = filepath.Join(dir, "app", "app.go")
	known = filepath.Join(dir, "known.tsv")
	src := "package app\n\nfunc f() {\n\tsave(1) // label:bad\n\tsave(2) // label:bad\n\tread()  // label:ok\n}\n"
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(known, []byte(list), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir) // the tests name their lists relative to the package
	return file, "known.tsv"
}

func TestCheck(t *testing.T) {
	const (
		header  = "# kind\tfile:line\tcode\treason\n"
		miss4   = "miss\tapp/app.go:4\tsave(1)\tthe argument is a constant\n"
		miss5   = "miss\tapp/app.go:5\tsave(2)\tthe second save\n"
		false6  = "false\tapp/app.go:6\tread()\tread looks like a write\n"
		moved4  = "miss\tapp/app.go:3\tsave(1)\tthe argument is a constant\n"
		changed = "miss\tapp/app.go:4\tsave(9)\tthe argument is a constant\n"
	)
	for _, c := range []struct {
		name        string
		list        string
		misses, fps []int // lines of app.go
		want        []string
	}{
		{name: "the same", list: header + miss4 + false6, misses: []int{4}, fps: []int{6}},
		{name: "indented rows, as pasted from a failure", list: "  " + miss4 + "\t" + false6, misses: []int{4}, fps: []int{6}},
		{name: "a new miss", list: header + miss4, misses: []int{4, 5},
			want: []string{"add these rows", "\nmiss\tapp/app.go:5\tsave(2)\t"}},
		{name: "a new false positive", list: header, fps: []int{6},
			want: []string{"add these rows", "\nfalse\tapp/app.go:6\tread()\t"}},
		{name: "a miss now found", list: header + miss4 + miss5, misses: []int{4},
			want: []string{"delete these rows", "\n" + strings.TrimSuffix(miss5, "\n")}},
		{name: "a false positive gone", list: header + false6,
			want: []string{"delete these rows", "\n" + strings.TrimSuffix(false6, "\n")}},
		{name: "a moved line keeps its reason", list: header + moved4, misses: []int{4},
			want: []string{"delete these rows:\n" + strings.TrimSuffix(moved4, "\n"), "add these rows", "\n" + strings.TrimSuffix(miss4, "\n")}},
		{name: "a changed line is stale", list: header + changed, misses: []int{4},
			want: []string{"delete these rows:\n" + strings.TrimSuffix(changed, "\n"), "\nmiss\tapp/app.go:4\tsave(1)\t\n"}},
		{name: "a row without a reason", list: "miss\tapp/app.go:4\tsave(1)\t\n", misses: []int{4},
			want: []string{"known.tsv:1: no reason"}},
		{name: "an unknown kind", list: header + "found\tapp/app.go:4\tsave(1)\tr\n",
			want: []string{"known.tsv:2: kind \"found\""}},
		{name: "no line", list: "miss\tapp/app.go\tsave(1)\tr\n",
			want: []string{"known.tsv:1: place"}},
		{name: "listed twice", list: miss4 + miss4, misses: []int{4},
			want: []string{"known.tsv:2: miss app/app.go:4 listed twice"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			file, known := corpus(t, c.list)
			var s Score
			for _, n := range c.misses {
				s.Misses = append(s.Misses, Line(file, n))
			}
			for _, n := range c.fps {
				s.False = append(s.False, Line(file, n))
			}
			err := s.check(known)
			if len(c.want) == 0 {
				if err != nil {
					t.Fatalf("check: %v, want no error", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("check: no error, want one containing %q", c.want)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error()+"\n", w) {
					t.Errorf("check:\n%v\nwant it to contain %q", err, w)
				}
			}
		})
	}
}

func TestMeasure(t *testing.T) {
	labels := map[string]string{"a.go:1": "bad", "a.go:2": "bad", "a.go:3": "ok"}
	reported := map[string]bool{"a.go:1": true, "a.go:3": true, "a.go:4": true}
	s := Measure(t, labels, reported)
	if s.Bad != 2 || s.OK != 1 || s.TP != 1 || s.FN != 1 || s.FP != 2 {
		t.Errorf("score %s", s)
	}
	if strings.Join(s.Misses, " ") != "a.go:2" || strings.Join(s.False, " ") != "a.go:3 a.go:4" {
		t.Errorf("misses %v, false positives %v", s.Misses, s.False)
	}
}
