package knowledge

// SquirrelPath is squirrel (checked against v1.5.4), a query builder over
// database/sql: sq.Insert(table).Values(...).RunWith(db).Exec() builds and
// runs one statement. A builder that accumulates Values over a slice and
// runs once is its multi-row INSERT.
const SquirrelPath = "github.com/Masterminds/squirrel"

// Squirrel is squirrel.
var Squirrel = Library{
	Key:   "squirrel",
	Paths: []string{SquirrelPath},
	Builders: []Builder{
		squirrelBuilder("InsertBuilder", "INSERT", []string{"Insert", "Replace"}, []string{"Values", "SetMap"}, []string{"Select"}),
		squirrelBuilder("UpdateBuilder", "UPDATE", []string{"Update"}, []string{"Where"}, nil),
		squirrelBuilder("DeleteBuilder", "DELETE", []string{"Delete"}, []string{"Where"}, nil),
	},
	BatchedInsert: "one squirrel Insert whose Values are added per row, run once per chunk of rows (slices.Chunk), or COPY",
	BatchedSet:    "one set-based squirrel statement (Where(sq.Eq{\"id\": ids}) expands the slice into IN)",
	Params:        &Params{Chunked: "add the Values per chunk of rows (slices.Chunk)"},
}

func squirrelBuilder(typ, op string, starts, rows, setBased []string) Builder {
	return Builder{
		Type: TypeName{SquirrelPath, typ}, Op: op, Starts: starts,
		Runs: []string{"Exec", "ExecContext", "Query", "QueryContext", "QueryRow", "QueryRowContext", "Scan", "ScanContext"},
		Rows: rows, SetBased: setBased, Handle: "RunWith",
	}
}

func init() { register(&Squirrel) }
