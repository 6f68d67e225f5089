package knowledge

// SqlboilerPath is sqlboiler's runtime package at its maintained module
// path (checked against v4.19.5). The models it generates live in the
// user's module: (*User).Insert, Update and Upsert save one row through
// the boil.ContextExecutor (or, generated with --no-context, the
// boil.Executor) they are given. InsertG and the other G and P variants
// call them, so they are wrappers. Delete runs a constant statement and is
// reported as the SQL write it wraps.
const SqlboilerPath = "github.com/aarondl/sqlboiler/v4/boil"

// Sqlboiler is sqlboiler.
var Sqlboiler = Library{
	Key:            "sqlboiler",
	Paths:          []string{SqlboilerPath},
	GeneratedSaves: sqlboilerSaves(map[string]string{"Insert": "INSERT", "Upsert": "UPSERT", "Update": "UPDATE"}),
	Bulk: map[string]string{
		"INSERT": "one multi-row INSERT per chunk of rows (sqlboiler generates none: queries.Raw or the executor's ExecContext), or COPY",
		"UPSERT": "one multi-row INSERT ... ON CONFLICT per chunk of rows (queries.Raw or the executor's ExecContext)",
		"UPDATE": "the generated slice type's UpdateAll (one UPDATE of every row) or a query's UpdateAll(ctx, exec, M{...})",
	},
}

func sqlboilerSaves(ops map[string]string) []GeneratedSave {
	var ss []GeneratedSave
	for name, op := range ops {
		ss = append(ss, GeneratedSave{name, op, []TypeName{{SqlboilerPath, "ContextExecutor"}, {SqlboilerPath, "Executor"}}})
	}
	return ss
}

func init() { register(&Sqlboiler) }
