package paramlimit

import (
	"go/types"

	"github.com/batchlint/batchlint/knowledge"
)

// columns counts the columns an ORM inserts per row of type t: its exported
// fields that hold a value (a basic type, []byte, time.Time, a
// driver.Valuer), with embedded structs flattened. Relations (structs,
// slices, maps of other models), fields tagged gorm:"-" and an integer ID,
// which the database fills, are not counted, so the count is a floor and
// the row count it gives a ceiling.
func columns(t types.Type) int {
	if t == nil {
		return 0
	}
	st, _ := deref(t).Underlying().(*types.Struct)
	if st == nil {
		return 0
	}
	n := 0
	for i := range st.NumFields() {
		f := st.Field(i)
		switch {
		case f.Embedded():
			n += columns(f.Type())
		case !f.Exported() || knowledge.Omitted(st.Tag(i)):
		case f.Name() == "ID" && isInteger(f.Type()):
		case value(f.Type()):
			n++
		}
	}
	return n
}

// value reports whether a field of type t is one column's value.
func value(t types.Type) bool {
	t = deref(t)
	if hasValueMethod(t) {
		return true
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "time" && n.Obj().Name() == "Time" {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return true
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Byte
	}
	return false
}

// hasValueMethod: t or *t has driver.Valuer's Value() (driver.Value, error).
func hasValueMethod(t types.Type) bool {
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(t), false, nil, "Value")
	fn, _ := obj.(*types.Func)
	if fn == nil {
		return false
	}
	sig := fn.Type().(*types.Signature)
	return sig.Params().Len() == 0 && sig.Results().Len() == 2
}

func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}
