package sinks

import (
	"go/ast"
	"go/types"

	"github.com/batchlint/batchlint/knowledge"
	"github.com/batchlint/batchlint/passes/callee"
)

// generatedSaveRules match the one-object saves libraries generate into
// user packages (sqlboiler's (*User).Insert), recognised by their name, a
// pointer-to-struct receiver and a parameter of the library's executor type.
func generatedSaveRules() []Rule {
	var rs []Rule
	for l, s := range knowledge.GeneratedSaves {
		rs = append(rs, Rule{
			Callee: func(fn *types.Func) bool { return fn.Name() == s.Name && handleParam(fn, s) >= 0 },
			Lib:    l.Key, Kind: ORM,
			Match: func(c *Context, call *ast.CallExpr) *Write {
				fn := callee.Func(c.Pass.TypesInfo, call)
				i := handleParam(fn, s)
				if i < 0 || i >= len(call.Args) {
					return nil
				}
				recv := fn.Type().(*types.Signature).Recv().Type()
				inTx := isTxType(c.Pass.TypesInfo.TypeOf(call.Args[i]))
				return &Write{Kind: ORM, Lib: l.Key, Op: s.Op, Detail: modelName(recv), Batched: l.Bulk[s.Op], InTx: inTx}
			},
		})
	}
	return rs
}

// handleParam returns the index of fn's parameter that takes one of the
// save's handle types when fn is a method on a pointer to a struct, or -1.
func handleParam(fn *types.Func, s knowledge.GeneratedSave) int {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return -1
	}
	if p, ok := sig.Recv().Type().(*types.Pointer); !ok || !isStruct(p.Elem()) {
		return -1
	}
	for i := range sig.Params().Len() {
		pkg, name := namedOf(sig.Params().At(i).Type())
		for _, h := range s.Handle {
			if h.Pkg == pkg && h.Name == name {
				return i
			}
		}
	}
	return -1
}

func isStruct(t types.Type) bool {
	_, ok := t.Underlying().(*types.Struct)
	return ok
}
