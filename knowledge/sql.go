package knowledge

// SQLCall is a method or function that runs SQL text: where its text and
// its rows are.
type SQLCall struct {
	Recv TypeName // Recv.Name is "" for a package-level function
	Name string
	// Text is the index of the SQL text argument, or -1 when the receiver
	// is a prepared statement.
	Text int
	// Named is the index of sqlx's named argument (a struct, map or slice
	// whose fields fill the statement's :names), or -1.
	Named int
	// Exec: the call is a write even when its text is unknown.
	Exec bool
}

// BatchSend is a method that sends a batch of rows or statements, its
// argument Arg (-1: its receiver), filled by calls of the batch type's Add
// methods, with one row or statement each. The SQL text is the first
// argument of the Add call (pgx's Batch.Queue) or, for a batch that is its
// receiver, where the batch was prepared (clickhouse-go's PrepareBatch,
// listed in Prepares). A batch holding one row, sent per element, is an
// INSERT per row. Neutral methods on the batch neither add nor send.
type BatchSend struct {
	Recv         TypeName
	Name         string
	Arg          int
	Batch        TypeName
	Add, Neutral []string
}

// BatchSends yields every library's batch sends, with the library.
var BatchSends = each(func(l *Library) []BatchSend { return l.BatchSends })

// each yields every library's entries of one list, with the library.
func each[T any](list func(*Library) []T) func(yield func(*Library, T) bool) {
	return func(yield func(*Library, T) bool) {
		for _, l := range libraries {
			for _, x := range list(l) {
				if !yield(l, x) {
					return
				}
			}
		}
	}
}

// Prepare is a method or function that makes a prepared statement, from
// the SQL text at argument Text or from the statement at argument Stmt
// (tx.Stmt(stmt)); the other index is -1.
type Prepare struct {
	Recv       TypeName
	Name       string
	Text, Stmt int
}

// shape is where a call's SQL text and named argument are, and whether it
// is an Exec.
type shape struct {
	text, named int
	exec        bool
}

// calls lists the calls of each shape on each receiver type of pkg ("" for
// package-level functions).
func calls(pkg string, recvs []string, shapes map[string]shape) []SQLCall {
	var cs []SQLCall
	for _, r := range recvs {
		for name, sh := range shapes {
			cs = append(cs, SQLCall{TypeName{pkg, r}, name, sh.text, sh.named, sh.exec})
		}
	}
	return cs
}

// prepares lists the prepare methods of each receiver type of pkg: by name,
// the index of the SQL text (≥ 0) or of the statement (encoded as -1-i).
func prepares(pkg string, recvs []string, at map[string]int) []Prepare {
	var ps []Prepare
	for _, r := range recvs {
		for name, i := range at {
			p := Prepare{TypeName{pkg, r}, name, i, -1}
			if i < 0 {
				p.Text, p.Stmt = -1, -1-i
			}
			ps = append(ps, p)
		}
	}
	return ps
}

// SQLCalls returns every library's SQL calls, with the library.
func SQLCalls(yield func(*Library, SQLCall) bool) {
	for _, l := range libraries {
		for _, c := range l.SQLCalls {
			if !yield(l, c) {
				return
			}
		}
	}
}

// SQLDriverOf returns the library whose package has import path path when
// it runs SQL text itself (not an ORM's raw API), or nil.
func SQLDriverOf(path string) *Library {
	for _, l := range libraries {
		if len(l.SQLCalls) == 0 || l.ORM {
			continue
		}
		for _, p := range l.Paths {
			if p == path {
				return l
			}
		}
	}
	return nil
}

// PrepareOf returns the prepare method name of receiver type recv ("" for a
// package-level function) in pkg, if it is one.
func PrepareOf(pkg, recv, name string) (Prepare, bool) {
	for _, l := range libraries {
		for _, p := range l.Prepares {
			if p.Recv.Pkg == pkg && p.Recv.Name == recv && p.Name == name {
				return p, true
			}
		}
	}
	return Prepare{}, false
}

// AsyncOptions returns every library's options that make a write
// asynchronous.
func AsyncOptions() []Func { return collect(func(l *Library) []Func { return l.Async }) }

// Default is the library a write through no known library is named as:
// database/sql, through which every driver is used.
var Default = &DatabaseSQL

// NamedPrepare prepares a statement named by argument NameArg from the
// SQL text at argument TextArg (pgx's conn.Prepare(ctx, name, sql)).
type NamedPrepare struct {
	Func
	NameArg, TextArg int
}

// NamedPrepareOf returns the named prepare pkg.recv.name, if it is one.
func NamedPrepareOf(pkg, recv, name string) (NamedPrepare, bool) {
	for _, l := range libraries {
		for _, p := range l.NamedPrepares {
			if p.Pkg == pkg && p.Recv == recv && p.Name == name {
				return p, true
			}
		}
	}
	return NamedPrepare{}, false
}

// TextCall is a function or method (of any receiver) of package Pkg that
// returns SQL text, as Kind says.
type TextCall struct {
	Pkg, Name string
	Kind      TextKind
}

// TextKind says what text a TextCall returns.
type TextKind int

const (
	NoText TextKind = iota
	// LastArgText: its last argument's text, placeholders rewritten.
	LastArgText
	// CopyText: a COPY ... FROM STDIN statement.
	CopyText
)

// TextCallOf returns the kind of text pkg's function or method name
// returns, or NoText.
func TextCallOf(pkg, name string) TextKind {
	for _, l := range libraries {
		for _, t := range l.TextCalls {
			if t.Pkg == pkg && t.Name == name {
				return t.Kind
			}
		}
	}
	return NoText
}

// Headers are a query generator's header commands that batch rows.
type Headers struct{ Batching []string }

// HeaderLib returns the library whose queries carry a "-- name:" header,
// or nil.
func HeaderLib() *Library {
	for _, l := range libraries {
		if l.Headers != nil {
			return l
		}
	}
	return nil
}

// SQLResults are the types a library's SQL calls return: an interface
// method (ctx?, string, ...any) returning an Exec one, or returning (a
// Query one, error) or a Query one alone, runs SQL text through the
// library (sqlc's DBTX for it).
type SQLResults struct {
	Exec, Query []TypeName
}

// ResultOf returns the library whose SQL calls return type pkg.name, and
// "exec" or "query", or nil and "".
func ResultOf(pkg, name string) (*Library, string) {
	for _, l := range libraries {
		if l.Results == nil {
			continue
		}
		for kind, ts := range map[string][]TypeName{"exec": l.Results.Exec, "query": l.Results.Query} {
			for _, t := range ts {
				if t.Pkg == pkg && t.Name == name {
					return l, kind
				}
			}
		}
	}
	return nil, ""
}

// RawQuery is an ORM's raw query whose text one call of a chain takes and
// a finisher later in the chain runs (gorm's db.Raw(sql, values...).
// Scan(&x), bun's db.NewRaw(query, args...).Exec(ctx)).
type RawQuery struct {
	Runs []RawRun
	// Text are the chain's methods that take the text, by its argument's
	// index; Pass those that may stand between one and the finisher.
	Text map[string]int
	Pass []string
}

// RawRuns yields every library's raw query finishers, with the library.
var RawRuns = each(func(l *Library) []RawRun {
	if l.Raw == nil {
		return nil
	}
	return l.Raw.Runs
})

// RawRun is a finisher of a raw query; Exec: it is a write even when its
// text is unknown.
type RawRun struct {
	Recv TypeName
	Name string
	Exec bool
}
