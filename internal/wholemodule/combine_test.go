package wholemodule

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/batchlint/batchlint/internal/vetjson"
	"github.com/batchlint/batchlint/passes/sinks"
)

func init() {
	registered["test"] = &registration{kind: sinks.SQL, render: Render{
		Message: func(c Call, f *sinks.WriteFact) (string, string, bool) { return c.Name + " " + f.Op, "", true },
		Writes:  func(fn string, f *sinks.WriteFact) string { return fn },
	}}
}

const sig = "func(int64) error"

var (
	saves  = map[string]string{"Save": sig}
	insert = &sinks.WriteFact{Kind: sinks.SQL, Op: "INSERT"}
	call   = Call{Ref: Ref{"m/repo.Store", "Save"}, Name: "(repo.Store).Save", Posn: "use.go:9:2"}
)

func impl(name, fn string) Type {
	return Type{Name: name, Methods: map[string]MethodOf{"Save": {Sig: sig, Func: fn}}}
}

func export(pkg string, calls []Call, types []Type, methods ...Method) vetjson.Finding {
	data, err := json.Marshal(Export{Analyzer: "test", Package: pkg, Ifaces: map[string]map[string]string{"m/repo.Store": saves},
		Calls: calls, Types: types, Methods: methods})
	if err != nil {
		panic(err)
	}
	return vetjson.Finding{Package: pkg, Analyzer: "test", Diagnostic: vetjson.Diagnostic{Category: Category, Message: string(data)}}
}

// related lists the implementations a finding names, or nil for none.
func related(t *testing.T, testOnly map[string]bool, exports ...vetjson.Finding) []string {
	t.Helper()
	other := vetjson.Finding{Package: "m/x", Analyzer: "test", Diagnostic: vetjson.Diagnostic{Posn: "x.go:1:1", Message: "other"}}
	out, err := Combine(append(exports, other), testOnly, true)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	found := false
	for _, f := range out {
		if f.Category == Category {
			t.Fatalf("an export was left among the findings")
		}
		if f.Message != "other" {
			found = true
			for _, r := range f.Related[1:] {
				names = append(names, r.Message)
			}
		}
	}
	if !slices.ContainsFunc(out, func(f vetjson.Finding) bool { return f.Message == "other" }) {
		t.Fatalf("the other finding was dropped")
	}
	if found && names == nil {
		names = []string{}
	}
	return names
}

func TestCombine(t *testing.T) {
	pg := Method{Func: "(*m/pg.Store).Save", Write: insert}
	caller := export("m/use", []Call{call}, nil)
	repo := export("m/repo", nil, nil)
	tests := []struct {
		name     string
		testOnly map[string]bool
		exports  []vetjson.Finding
		want     []string
	}{
		{"one writing implementation", nil,
			[]vetjson.Finding{caller, export("m/pg", nil, []Type{impl("m/pg.Store", pg.Func)}, pg)},
			[]string{pg.Func}},
		{"no implementation", nil, []vetjson.Finding{caller}, nil},
		{"interface outside the analysed packages", nil,
			[]vetjson.Finding{export("m/use", []Call{{Ref: Ref{"m/other.Store", "Save"}, Posn: "use.go:9:2"}}, nil),
				export("m/pg", nil, []Type{impl("m/pg.Store", pg.Func)}, pg)}, nil},
		{"a fake beside it", nil,
			[]vetjson.Finding{caller, export("m/pg", nil, []Type{impl("m/pg.Store", pg.Func)}, pg),
				export("m/mem", nil, []Type{impl("m/mem.Store", "(*m/mem.Store).Save")})}, nil},
		{"a fake in a package only tests import", map[string]bool{"m/mem": true},
			[]vetjson.Finding{caller, export("m/pg", nil, []Type{impl("m/pg.Store", pg.Func)}, pg),
				export("m/mem", nil, []Type{impl("m/mem.Store", "(*m/mem.Store).Save")})},
			[]string{pg.Func}},
		{"a look-alike whose signature differs", nil,
			[]vetjson.Finding{caller, export("m/pg", nil, []Type{impl("m/pg.Store", pg.Func),
				{Name: "m/pg.Other", Methods: map[string]MethodOf{"Save": {Sig: "func(string) error", Func: "(*m/pg.Other).Save"}}}}, pg)},
			[]string{pg.Func}},
		{"a decorator of the same interface", nil,
			[]vetjson.Finding{caller, export("m/pg", nil, []Type{impl("m/pg.Store", pg.Func)}, pg),
				export("m/traced", nil, []Type{impl("m/traced.Store", "(*m/traced.Store).Save")},
					Method{Func: "(*m/traced.Store).Save", Delegates: []Ref{call.Ref}})},
			[]string{pg.Func}},
		{"only a decorator", nil,
			[]vetjson.Finding{caller, export("m/traced", nil, []Type{impl("m/traced.Store", "(*m/traced.Store).Save")},
				Method{Func: "(*m/traced.Store).Save", Delegates: []Ref{call.Ref}})}, nil},
		{"an embedded interface", nil,
			[]vetjson.Finding{caller, export("m/pg", nil, []Type{impl("m/pg.Store", pg.Func)}, pg),
				export("m/wrap", nil, []Type{{Name: "m/wrap.Store", Methods: map[string]MethodOf{"Save": {Sig: sig, Delegate: &call.Ref}}}})},
			[]string{pg.Func}},
		{"a generic type with the method blocks", nil,
			[]vetjson.Finding{caller, export("m/pg", nil, []Type{impl("m/pg.Store", pg.Func),
				{Name: "m/pg.Cache", Generic: true, Methods: map[string]MethodOf{"Save": {Sig: "func(T) error", Func: "(*m/pg.Cache[T]).Save"}}}}, pg)}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := related(t, tt.testOnly, append(tt.exports, repo)...)
			if !slices.Equal(got, tt.want) || (got == nil) != (tt.want == nil) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCombineOnlyStrips(t *testing.T) {
	out, err := Combine([]vetjson.Finding{export("m/use", []Call{call}, nil)}, nil, false)
	if err != nil || len(out) != 0 {
		t.Fatalf("got %v, %v; want no findings", out, err)
	}
}
