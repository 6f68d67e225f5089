package producers

import (
	"go/types"
	"sort"
)

// exportFacts records the configuration each exported helper returns, for
// producers built from it in importing packages.
func (r *resolver) exportFacts() {
	for fn, decl := range r.funcs {
		if !fn.Exported() || decl.Recv != nil && !isExportedRecv(fn) {
			continue
		}
		sig, _ := fn.Type().(*types.Signature)
		if sig == nil || sig.Results().Len() == 0 {
			continue
		}
		sh := r.shapeOf(sig.Results().At(0).Type())
		if sh == noShape || sh == writer {
			continue
		}
		s := r.funcState(fn, sh, 0)
		if s.opaque {
			continue
		}
		f := &ConfigFact{Producing: s.producing}
		for k, v := range s.set {
			f.Settings = append(f.Settings, FactSetting{Key: k, Known: v.Known, Int: v.Int, Str: v.Str, Where: where(r.pass.Fset, v.Pos)})
		}
		sort.Slice(f.Settings, func(i, j int) bool { return f.Settings[i].Key < f.Settings[j].Key })
		if lib := r.libOfType(sig.Results().At(0).Type()); lib != nil {
			f.Lib = lib.Key
		} else {
			f.Lib = FranzGo
		}
		r.pass.ExportObjectFact(fn, f)
	}
}

func isExportedRecv(fn *types.Func) bool {
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return true
	}
	t := sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	return ok && named.Obj().Exported()
}
