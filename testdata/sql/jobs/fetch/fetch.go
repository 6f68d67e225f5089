// Package fetch makes HTTP requests for the jobs package: the sinks pass
// exports a RemoteFact for each exported function that makes one on every
// call.
package fetch

import (
	"context"
	"io"
	"net/http"
)

// Builder builds a request the way a feed reader does.
type Builder struct {
	client *http.Client
	agent  string
}

// Execute sends the request: a client's Do on every call.
func (b *Builder) Execute(ctx context.Context, url string) (*http.Response, error) { // want Execute:"requests at fetch.go:25"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", b.agent)
	return b.client.Do(req)
}

// Body fetches through another function of this package.
func Body(ctx context.Context, b *Builder, url string) ([]byte, error) { // want Body:"requests at fetch.go:25"
	resp, err := b.Execute(ctx, url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// Ping uses the package-level helper.
func Ping(url string) error { // want Ping:"requests at fetch.go:40"
	resp, err := http.Head(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Cached requests only on a miss: not every call makes a request.
func Cached(b *Builder, cache map[string][]byte, url string) []byte {
	if body, ok := cache[url]; ok {
		return body
	}
	if len(url) > 0 {
		resp, err := b.client.Get(url)
		if err == nil {
			resp.Body.Close()
		}
	}
	return nil
}

// Request only builds a request; nothing is sent.
func Request(url string) (*http.Request, error) {
	return http.NewRequest(http.MethodGet, url, nil)
}

// Later stores a request for somebody else to send.
func Later(b *Builder, url string) func() {
	return func() { b.client.Get(url) }
}
