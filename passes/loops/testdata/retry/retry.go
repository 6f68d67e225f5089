// Package retry is a small project-local retry helper; loops driven by a
// package whose import path names retry or backoff are retry loops.
package retry

// Attempts yields attempt numbers until n is reached.
func Attempts(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

// Retrier counts attempts.
type Retrier struct{ left int }

// Next reports whether another attempt may run.
func (r *Retrier) Next() bool { r.left--; return r.left >= 0 }
