package wholemodule

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/batchlint/batchlint/internal/vetjson"
)

// Combine takes the exports out of findings and returns the other findings
// with those of the step: each exported call whose interface method writes
// one record per call in every implementation among the analysed packages.
// testOnly names the packages only tests import (a package of fakes or
// mocks): their types are test doubles, like those of _test.go files, and
// do not count. Unless judge, it only takes the exports out.
func Combine(findings []vetjson.Finding, testOnly map[string]bool, judge bool) ([]vetjson.Finding, error) {
	mods := map[string]*module{}
	var out []vetjson.Finding
	for _, f := range findings {
		if f.Category != Category {
			out = append(out, f)
			continue
		}
		if !judge {
			continue
		}
		var e Export
		if err := json.Unmarshal([]byte(f.Message), &e); err != nil {
			return nil, fmt.Errorf("export of %s: %v", f.Package, err)
		}
		m := mods[e.Analyzer]
		if m == nil {
			m = &module{pkgs: map[string]bool{}, ifaces: map[string]map[string]string{}, types: map[string]Type{}, methods: map[string]*Method{}}
			mods[e.Analyzer] = m
		}
		m.add(&e, testOnly[e.Package])
	}
	for name, m := range mods {
		if reg := registered[name]; reg != nil {
			out = append(out, m.findings(name, reg.render)...)
		}
	}
	return vetjson.Normalize(out), nil
}

type module struct {
	pkgs    map[string]bool
	ifaces  map[string]map[string]string
	types   map[string]Type
	sorted  []Type
	methods map[string]*Method
	calls   []pkgCall
}

type pkgCall struct {
	pkg string
	Call
}

// add merges e. A package appears twice when it has tests (go vet runs its
// test variant too): the first copy of each type and method is kept.
func (m *module) add(e *Export, testOnly bool) {
	m.pkgs[e.Package] = true
	for k, set := range e.Ifaces {
		m.ifaces[k] = set
	}
	for _, c := range e.Calls {
		m.calls = append(m.calls, pkgCall{e.Package, c})
	}
	if testOnly {
		return
	}
	for _, t := range e.Types {
		if _, ok := m.types[t.Name]; !ok {
			m.types[t.Name] = t
			m.sorted = append(m.sorted, t)
		}
	}
	for _, me := range e.Methods {
		if _, ok := m.methods[me.Func]; !ok {
			m.methods[me.Func] = &me
		}
	}
}

func (m *module) findings(analyzer string, r Render) []vetjson.Finding {
	slices.SortFunc(m.sorted, func(a, b Type) int { return cmp.Compare(a.Name, b.Name) })
	var out []vetjson.Finding
	for _, c := range m.calls {
		ws := m.writers(c.Ref, map[Ref]bool{})
		if len(ws) == 0 {
			continue
		}
		f := *ws[0].Write
		for _, w := range ws[1:] {
			if w.Write.InTx != f.InTx || w.Write.TxUnknown != f.TxUnknown {
				f.TxUnknown = true
			}
		}
		msg, category, ok := r.Message(c.Call, &f)
		if !ok {
			continue
		}
		d := vetjson.Diagnostic{Category: category, Posn: c.Posn, End: c.End, Message: msg,
			Related: []vetjson.Related{{Posn: c.Loop.Posn, End: c.Loop.End, Message: c.Loop.Message}}}
		for _, w := range ws {
			d.Related = append(d.Related, vetjson.Related{Posn: w.Posn, End: w.Posn, Message: r.Writes(w.Func, w.Write)})
		}
		out = append(out, vetjson.Finding{Package: c.pkg, Analyzer: analyzer, Diagnostic: d})
	}
	return out
}

// writers returns, for each implementation of ref's interface among the
// analysed packages, the method that writes on every call of ref's method,
// or nil when one of them does not write or none implements it. A type
// implements the interface when it has each method with the same signature;
// a generic type, whose signatures name its type parameters, when it has
// each method name. seen holds the methods being judged further up: an
// implementation that delegates back to one of them (a decorator of the
// same interface) writes when the others do, so it neither blocks nor
// counts.
func (m *module) writers(ref Ref, seen map[Ref]bool) []*Method {
	set := m.ifaces[ref.Iface]
	if set == nil || !m.pkgs[ref.Iface[:strings.LastIndex(ref.Iface, ".")]] {
		return nil
	}
	seen[ref] = true
	defer delete(seen, ref)
	var out []*Method
	for _, t := range m.sorted {
		if !t.implements(set) {
			continue
		}
		w, cycle := m.writer(t.Methods[ref.Method], seen)
		switch {
		case cycle:
		case w == nil:
			return nil
		case !slices.Contains(out, w):
			out = append(out, w)
		}
	}
	return out
}

// writer returns the method that writes when mo runs: mo's function if it
// writes, else one behind an interface method it calls on every call.
// cycle reports that mo only delegates back to a method in seen.
func (m *module) writer(mo MethodOf, seen map[Ref]bool) (w *Method, cycle bool) {
	var delegates []Ref
	if mo.Delegate != nil {
		delegates = []Ref{*mo.Delegate}
	} else if me := m.methods[mo.Func]; me != nil {
		if me.Write != nil {
			return me, false
		}
		delegates = me.Delegates
	}
	for _, d := range delegates {
		if seen[d] {
			cycle = true
			continue
		}
		if ws := m.writers(d, seen); len(ws) > 0 {
			return ws[0], false
		}
	}
	return nil, cycle
}

// implements reports whether t has every method of the interface set, with
// the same signatures unless t is generic.
func (t Type) implements(set map[string]string) bool {
	for k, sig := range set {
		mo, ok := t.Methods[k]
		if !ok || !t.Generic && mo.Sig != sig {
			return false
		}
	}
	return true
}
