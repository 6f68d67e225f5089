// Package mysql stands in for the MySQL driver of the same import path:
// batchlint reads only the path a file imports.
package mysql
