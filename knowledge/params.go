package knowledge

// MaxParams is the most bind parameters one statement can carry: Postgres's
// extended protocol and MySQL's prepared statements count them in 16 bits,
// and pgx refuses more ("extended protocol limited to 65535 parameters").
const MaxParams = 65535

// Params is how a library sends a statement's values, for the limit above.
type Params struct {
	// Inlines: the library writes the values into the SQL text and sends
	// no bind parameters (bun's and go-pg's query builders and raw queries),
	// so its statements never meet the limit.
	Inlines bool
	// Bulk are its calls that write every row of one argument in a single
	// multi-row statement with bind parameters.
	Bulk []BulkCall
	// Binds are its calls, besides its SQLCalls, whose variadic arguments
	// are one statement's bind parameters (gorm's Raw, pgx's Batch.Queue).
	Binds []Func
	// BatchSize are struct fields that, set anywhere in a package, make
	// the Bulk calls there chunk their rows themselves (gorm's
	// Config.CreateBatchSize and Session.CreateBatchSize).
	BatchSize []Field
	// Chunked is the chunked form to recommend in place of one statement
	// over a slice of unknown size.
	Chunked string
}

// BulkCall is a call that writes the rows of its argument Arg (-1: of its
// variadic arguments) in one statement. With Generated set, Func.Pkg is
// the library whose generated code declares the method, recognised by
// structure (ent's client), and Func.Recv is empty.
type BulkCall struct {
	Func
	Arg       int
	Generated bool
}

// Field names a struct type's field.
type Field struct {
	Type TypeName
	Name string
}

// BindsArgs reports whether the method name of type recv in package pkg
// ("" for a function) sends its variadic arguments as one statement's bind
// parameters: an SQL call of a library that does not inline values, or one
// of its Binds. Rows.Scan and the like are not.
func BindsArgs(pkg, recv, name string) bool {
	l := LibraryOf(pkg)
	if l == nil || l.Params == nil || l.Params.Inlines {
		return false
	}
	for _, c := range l.SQLCalls {
		if c.Recv.Pkg == pkg && c.Recv.Name == recv && c.Name == name {
			return true
		}
	}
	for _, f := range l.Params.Binds {
		if f.Pkg == pkg && f.Recv == recv && f.Name == name {
			return true
		}
	}
	return false
}

// LibraryOf returns the library that owns package path, or nil.
func LibraryOf(path string) *Library {
	for _, l := range libraries {
		for _, p := range l.Paths {
			if p == path {
				return l
			}
		}
	}
	return nil
}

// BulkCalls returns every library's bulk calls, with the library.
func BulkCalls(yield func(*Library, BulkCall) bool) {
	for _, l := range libraries {
		if l.Params == nil {
			continue
		}
		for _, c := range l.Params.Bulk {
			if !yield(l, c) {
				return
			}
		}
	}
}

// chunkedSQL is the chunked form of a multi-row statement through
// database/sql or its drivers.
const chunkedSQL = "chunk it (runtime/pgbatch.InsertChunks) or use COPY"
