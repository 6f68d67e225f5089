package knowledge

import "strings"

// HTTPPath is the standard library's HTTP package.
const HTTPPath = "net/http"

// RemoteCalls are the calls that send a request to another service and wait
// for its answer: net/http's client. A loop whose every element makes one
// is a unit of work per element (fetch a feed, call an API), and a write in
// it is not the element's cost: a request to another host takes tens to
// hundreds of milliseconds, a per-row INSERT about one.
//
// Dialing (net.Dial) is deliberately absent: database and Kafka clients dial
// their own connections, so their calls would count as requests.
var RemoteCalls = []Func{
	{HTTPPath, "Client", "Do"},
	{HTTPPath, "Client", "Get"},
	{HTTPPath, "Client", "Head"},
	{HTTPPath, "Client", "Post"},
	{HTTPPath, "Client", "PostForm"},
	{HTTPPath, "", "Get"},
	{HTTPPath, "", "Head"},
	{HTTPPath, "", "Post"},
	{HTTPPath, "", "PostForm"},
	{HTTPPath, "RoundTripper", "RoundTrip"},
	{HTTPPath, "Transport", "RoundTrip"},
}

// Owns reports whether the package at path is, or lies under, a package of
// a library in the registry: how such a library talks to its server is its
// own business (clickhouse-go can send its INSERTs over HTTP), and its
// writes are judged by the write tables, never as requests.
func Owns(path string) bool {
	for _, l := range libraries {
		for _, p := range l.Paths {
			if path == p || strings.HasPrefix(path, p+"/") {
				return true
			}
		}
	}
	return false
}
