package sqltype

const (
	Boolean         = "BOOLEAN"
	SmallInt        = "SMALLINT"
	Integer         = "INTEGER"
	BigInt          = "BIGINT"
	Real            = "REAL"
	DoublePrecision = "DOUBLE PRECISION"
	VarChar         = "VARCHAR"
	Blob            = "BLOB"
	Timestamp       = "TIMESTAMP"
	JSON            = "JSON"
	JSONB           = "JSONB"
	HSTORE          = "HSTORE"
)
