package knowledge

import (
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
}

// IsNeutral reports a neutral method of the chain.
func (c *Chain) IsNeutral(name string) bool { return slices.Contains(c.Neutral, name) }

// IsWhere reports a condition method of the chain.
func (c *Chain) IsWhere(name string) bool { return slices.Contains(c.Where, name) }

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
}

// omits reports that a field with struct tag tag is in no statement.
func (t *Tags) omits(tag string) bool {
	v := reflect.StructTag(tag).Get(t.Key)
	return slices.Contains(t.Omit, v) || slices.ContainsFunc(t.OmitPrefix, func(p string) bool { return strings.HasPrefix(v, p) })
}

// IsPrimaryKey reports that a field named name with struct tag tag is a
// primary key.
func (t *Tags) IsPrimaryKey(name, tag string) bool {
	if name == t.PrimaryKey {
		return true
	}
	v := strings.ToLower(reflect.StructTag(tag).Get(t.Key))
	for _, o := range t.PrimaryKeyOpts {
		if strings.Contains(v, o) {
			return true
		}
	}
	return false
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
