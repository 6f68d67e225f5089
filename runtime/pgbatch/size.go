package pgbatch

import (
	"reflect"
	"time"
)

// rowSize estimates the memory a buffered row holds, for
// Config.MaxBufferedBytes: the bytes of its strings and byte slices, the
// in-memory size of other values, plus an interface per value. It runs on
// every row Add takes, so the common types skip reflection, and it looks
// only a few levels deep, which keeps it cheap and out of data shared by all
// rows (a time.Time's *Location).
func rowSize(row []any) int {
	n := 24 // the slice header
	for _, v := range row {
		n += 16 + valueSize(v)
	}
	return n
}

func valueSize(v any) int {
	switch v := v.(type) {
	case nil:
		return 0
	case string:
		return len(v)
	case []byte:
		return len(v)
	case int64, int, int32, int16, float64, float32, bool, time.Time:
		return 8
	}
	return reflectSize(reflect.ValueOf(v), 3)
}

// reflectSize counts the memory v refers to depth levels deep (a []string,
// the fields of a pgtype.Text, a JSON map[string]any), and anything deeper at
// its in-memory size.
func reflectSize(v reflect.Value, depth int) int {
	n := int(v.Type().Size())
	if depth == 0 {
		return n
	}
	// Array elements and struct fields are inline, already in n.
	inline := func(e reflect.Value) int { return reflectSize(e, depth-1) - int(e.Type().Size()) }
	switch v.Kind() {
	case reflect.String:
		n += v.Len()
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return n + v.Len()
		}
		for i := range v.Len() {
			n += reflectSize(v.Index(i), depth-1)
		}
	case reflect.Array:
		for i := range v.Len() {
			n += inline(v.Index(i))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			n += inline(v.Field(i))
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			n += reflectSize(it.Key(), depth-1) + reflectSize(it.Value(), depth-1)
		}
	case reflect.Interface:
		// Costs no depth: only pointers, slices and maps can form a cycle.
		if !v.IsNil() {
			n += reflectSize(v.Elem(), depth)
		}
	case reflect.Pointer:
		if !v.IsNil() {
			n += reflectSize(v.Elem(), depth-1)
		}
	}
	return n
}
