/*
pg provides PostgreSQL client.
*/
package pg
