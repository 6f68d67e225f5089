package producers

import (
	"go/token"
	"go/types"
)

// exportFacts records the configuration each exported helper returns, for
// producers built from it in importing packages, and adds a Helper
// producer for it to the result.
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
		if sh == noShape {
			continue
		}
		s := r.funcState(fn, sh, 0)
		if s.opaque {
			continue
		}
		f := &ConfigFact{Producing: s.producing, Settings: r.factSettings(s)}
		t := sig.Results().At(0).Type()
		lib := r.libOfType(t)
		if lib == nil {
			continue // shapeOf saw the type through a library's package
		}
		f.Lib = lib.Key
		r.pass.ExportObjectFact(fn, f)
		// A writer's settings are reported at the writer the helper builds.
		if pkg := libPackage(t); pkg != nil && sh != writer {
			hp := r.producer(lib, decl.Name, s, pkg, token.NoPos)
			hp.Helper = true
			r.res.Helpers = append(r.res.Helpers, hp)
		}
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
