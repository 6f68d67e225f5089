package knowledge

// Builder is a query builder type whose Runs execute the one statement
// built in their receiver chain (squirrel's InsertBuilder.Exec): Op on the
// table named by the first argument of a Starts call in the chain. One call
// of a Rows method carries the one row it writes or the key it updates or
// deletes (Values, Where); a SetBased method makes the statement set-based
// (INSERT ... SELECT). Handle sets what the statement runs on, a
// transaction or a pool.
type Builder struct {
	Type           TypeName
	Op             string
	Starts, Runs   []string
	Rows, SetBased []string
	Handle         string
}

// Builders yields every library's query builders, with the library.
var Builders = each(func(l *Library) []Builder { return l.Builders })
