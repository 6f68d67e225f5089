package knowledge

// EntPath is ent's runtime package; the code it generates lives in the
// user's module and is recognised by its shape (ent.Op, the builders).
const EntPath = "entgo.io/ent"

// Ent is ent: a generated builder's CreateBulk is the batched form.
var Ent = Library{
	Key:   "ent",
	Paths: []string{EntPath},
	// A generated create, update-one or delete-one builder's Save, SaveX,
	// Exec or ExecX; an update or delete builder's with the predicates
	// generated in each entity's package for equality on its ID field
	// (entc/gen/template/where.tmpl: ID(id) and IDEQ(id)).
	ModelWrites: []ModelWrite{{Recv: TypeName{EntPath, "Op"}, Shape: GeneratedBuilder, KeyPredicates: []string{"ID", "IDEQ"}}},
	TxShape:     TxGenerated,
	Fix:         &BulkFix{Shape: FixGenerated, To: "MapCreateBulk"},
	Bulk: map[string]string{
		"INSERT": "ent CreateBulk or MapCreateBulk per chunk of rows (slices.Chunk)",
		"UPDATE": "one ent Update().Where(...) over the whole set",
		"DELETE": "one ent Delete().Where(t.IDIn(ids...))",
	},
	// A generated CreateBulk or MapCreateBulk saves through
	// sqlgraph.BatchCreate: one INSERT binding every field of every builder.
	Params: &Params{
		Bulk: []BulkCall{
			{Func: Func{EntPath, "", "CreateBulk"}, Arg: -1, Generated: true},
			{Func: Func{EntPath, "", "MapCreateBulk"}, Arg: 0, Generated: true},
		},
		Chunked: "call CreateBulk per chunk (slices.Chunk)",
	},
}

func init() { register(&Ent) }
