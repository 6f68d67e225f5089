/*
The API in this package is not stable and may change without any notice.
*/
package types
