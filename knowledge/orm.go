package knowledge

import (
	"go/types"
	"reflect"
	"slices"
	"strings"
)

// ModelWrite is an ORM method that saves one object when its model is one
// struct: the model it is given (db.Create(&u)) or the one its query chain
// was given (db.NewInsert().Model(&u).Exec(ctx)). Shape says how the
// passes find the model and tell one row from a set.
type ModelWrite struct {
	// Recv is the method's receiver type; for GeneratedBuilder, the type
	// the generated mutations' Op() returns (the builders live in user
	// code), with Name unused.
	Recv TypeName
	Name string
	// Op names the statement; Bulk the key of Library.Bulk holding its
	// batched form, when it is not Op.
	Op, Bulk string
	Shape    ModelShape
	// Arg is the model's argument, or -1 when only the chain's model
	// method sets it.
	Arg int
	// Start is the package whose model method starts the chain, for
	// RootModel (go-pg's db.Model(&u) starts an orm.Query chain).
	Start string
	// KeyPredicates, for GeneratedBuilder, are the generated predicates of
	// equality on an entity's ID: an update or delete builder whose Where
	// holds one writes one row.
	KeyPredicates []string
}

// ModelShape is how an ORM write finds its model: each is implemented
// once by passes/sinks and named here by the libraries that use it.
type ModelShape int

const (
	// ModelArg: the model is argument Arg (one model when that parameter
	// is variadic).
	ModelArg ModelShape = iota + 1
	// KeyedDelete: the model is argument Arg; the chain is neutral, and
	// the further arguments name at most one key, or the model carries one.
	KeyedDelete
	// ChainUpdate: the model is the chain's, or without one argument Arg;
	// the chain is neutral, or holds only Where methods on the loop's own
	// element, and a literal model carries a key.
	ChainUpdate
	// QueryModel: the model is the chain's; an update or delete needs the
	// chain's Key method, and a SetBased method makes it a set.
	QueryModel
	// RootModel: the model is the one a Model method of package Start
	// gives at the chain's root; an update or delete needs the Key
	// method, and a method not Neutral makes the write unknown.
	RootModel
	// GeneratedBuilder: a generated builder's Save or Exec, recognised by
	// structure: one holding a mutation whose Op() returns Recv.
	GeneratedBuilder
	// TypeArgModel: the model is the receiver's type argument (a generic
	// chain); the write touches one row only when the chain's KeyWhere
	// finds it by the model's primary key.
	TypeArgModel
)

// Chain is the vocabulary of an ORM's fluent query chain.
type Chain struct {
	// Model are the methods that set the chain's model, by the index of
	// the model argument.
	Model map[string]int
	// Neutral methods change neither which rows a write touches nor how
	// many; Where methods add a condition; Key conditions on the model's
	// primary key; SetBased methods make the write a set, or unknown.
	Neutral, Where, SetBased []string
	Key                      string
	// KeyWhere is the Where method whose text condition "col = ?" on the
	// model's primary key finds one row; Widen are the Where methods that
	// widen the chain's condition instead of narrowing it.
	KeyWhere string
	Widen    []string
}

// IsNeutral reports a neutral method of the chain.
func (c *Chain) IsNeutral(name string) bool { return slices.Contains(c.Neutral, name) }

// IsWhere reports a condition method of the chain.
func (c *Chain) IsWhere(name string) bool { return slices.Contains(c.Where, name) }

// IsWiden reports a condition method that widens the chain's condition.
func (c *Chain) IsWiden(name string) bool { return slices.Contains(c.Widen, name) }

// IsSetBased reports a method that makes the chain's write a set.
func (c *Chain) IsSetBased(name string) bool { return slices.Contains(c.SetBased, name) }

// ModelArgOf returns the model argument of a model method of the chain.
func (c *Chain) ModelArgOf(name string) (int, bool) {
	i, ok := c.Model[name]
	return i, ok
}

// Tags is how an ORM reads a model's struct tags.
type Tags struct {
	// Key is the tag the ORM reads a field's options from.
	Key string
	// Omit are the tag values, and OmitPrefix their prefixes, that keep a
	// field out of its statements.
	Omit, OmitPrefix []string
	// PrimaryKey is the field name that is a primary key by convention;
	// PrimaryKeyOpts the options, lower case, that make a field one.
	PrimaryKey     string
	PrimaryKeyOpts []string
	// Column is the option that names a field's column; options are
	// separated by ";" and take a value after ":" (column:name).
	Column string
}

// omits reports that a field with struct tag tag is in no statement.
func (t *Tags) omits(tag string) bool {
	v := reflect.StructTag(tag).Get(t.Key)
	return slices.Contains(t.Omit, v) || slices.ContainsFunc(t.OmitPrefix, func(p string) bool { return strings.HasPrefix(v, p) })
}

// IsPrimaryKey reports that a field named name with struct tag tag is a
// primary key.
func (t *Tags) IsPrimaryKey(name, tag string) bool {
	return name == t.PrimaryKey || t.TaggedKey(tag)
}

// TaggedKey reports that a field's tag makes it a primary key. When a
// model has such fields, the field named by convention is not one of its
// keys (gorm's schema/schema.go).
func (t *Tags) TaggedKey(tag string) bool {
	v := strings.ToLower(reflect.StructTag(tag).Get(t.Key))
	for _, o := range t.PrimaryKeyOpts {
		if strings.Contains(v, o) {
			return true
		}
	}
	return false
}

// KeyColumn is the column of a struct's one primary key: the fields whose
// tag makes them one, else the field named by convention, embedded structs
// included; "" when there is none or more than one. It is in a form to
// compare with strings.EqualFold after removing underscores: the tag's
// column option, else the field's name, which the ORM's naming strategy
// turns into snake case (UserID becomes user_id).
func (t *Tags) KeyColumn(st *types.Struct) string {
	var tagged, named []string
	var walk func(st *types.Struct, depth int)
	walk = func(st *types.Struct, depth int) {
		for i := 0; i < st.NumFields() && depth < 4; i++ {
			f, tag := st.Field(i), st.Tag(i)
			if f.Embedded() {
				ft := f.Type()
				if p, ok := ft.Underlying().(*types.Pointer); ok {
					ft = p.Elem()
				}
				if inner, ok := ft.Underlying().(*types.Struct); ok {
					walk(inner, depth+1)
				}
				continue
			}
			switch {
			case t.TaggedKey(tag):
				tagged = append(tagged, t.column(f.Name(), tag))
			case f.Name() == t.PrimaryKey:
				named = append(named, t.column(f.Name(), tag))
			}
		}
	}
	walk(st, 0)
	if len(tagged) == 0 {
		tagged = named
	}
	if len(tagged) != 1 {
		return ""
	}
	return tagged[0]
}

// column is a field's column as KeyColumn returns it.
func (t *Tags) column(name, tag string) string {
	for _, opt := range strings.Split(reflect.StructTag(tag).Get(t.Key), ";") {
		if k, v, ok := strings.Cut(opt, ":"); ok && t.Column != "" && strings.EqualFold(strings.TrimSpace(k), t.Column) {
			name = strings.TrimSpace(v)
		}
	}
	return strings.ReplaceAll(name, "_", "")
}

// Omitted reports that some library's struct tag keeps a field with tag
// out of its statements.
func Omitted(tag string) bool {
	for _, l := range libraries {
		if l.Tags != nil && l.Tags.omits(tag) {
			return true
		}
	}
	return false
}

// ModelWrites yields every library's model writes, with the library.
var ModelWrites = each(func(l *Library) []ModelWrite { return l.ModelWrites })

// TxShape is how an ORM's handle shows that it holds a transaction.
type TxShape int

const (
	// TxType: the handle's type is a transaction type (Library.Tx).
	TxType TxShape = iota + 1
	// TxOrigin: one type is a pool and a transaction alike, so the
	// handle's origin decides: assigned from a Begins call, or the
	// parameter of a function literal passed to one of its Runners.
	TxOrigin
	// TxGenerated: the client is generated, and the write's chain starts
	// at a selector (tx.User) whose operand is its Tx: a struct with
	// Commit() error and Rollback() error.
	TxGenerated
)

// BulkFix is the rewrite a suggested fix makes of a loop whose body is one
// object's insert: Shape names the rewrite, which analyzers/ormloop
// implements; From is the one-object method it replaces and To the bulk
// method it calls.
type BulkFix struct {
	Shape    FixShape
	From, To string
}

// FixShape is a suggested fix's rewrite.
type FixShape int

const (
	// FixMethod: From(&v) becomes To(&slice, n).
	FixMethod FixShape = iota + 1
	// FixModel: the chain's model method is given the slice.
	FixModel
	// FixGenerated: the generated client's To(slice, func(b, i) {...}),
	// with the builder's setters applied to the i'th element.
	FixGenerated
)
