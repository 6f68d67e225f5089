package valdep

import "time"

func Linger() time.Duration { return 5 * time.Millisecond } // want Linger:"const"

func Codec() string { // want Codec:"const"
	if time.Now().IsZero() {
		return "zstd"
	}
	return "zstd"
}

func Varies() string {
	if time.Now().IsZero() {
		return "zstd"
	}
	return "lz4"
}

func WithArg(d time.Duration) time.Duration { return d }

var Exported = 3
