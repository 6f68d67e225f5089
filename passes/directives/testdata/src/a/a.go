package a

func hit() {}

func suppressed() {
	hit() // want "hit called"
	hit() //batchlint:ignore hit -- a trailing directive covers its own line
	//batchlint:ignore hit -- a directive on its own line covers the next one
	hit()
	//batchlint:ignore other,hit -- one of several names
	hit()
	//batchlint:ignore all -- every analyzer
	hit()
	hit() //nolint:batchlint // golangci-lint style, the whole suite
	hit() //nolint:hit // golangci-lint style, one analyzer
	hit() //nolint:all // golangci-lint style, every linter
	hit() //nolint // golangci-lint style, bare
}

func notSuppressed() {
	//batchlint:ignore other -- names another analyzer
	hit() // want "hit called"
	//nolint:other // another analyzer
	hit() // want "hit called"
	hit() //nolint:errcheck // want "hit called"
	//batchlint:ignore hit -- the directive covers only the next line // want "unused //batchlint:ignore hit directive: no hit finding on the line it covers"

	hit() // want "hit called"
	hit() // want "hit called"
	//batchlint:ignored hit -- not the directive's spelling
	hit() // want "hit called"
	// batchlint:ignore hit -- a space after the slashes makes prose, not a directive
	hit() // want "hit called"
}

func problems() {
	hit() //batchlint:ignore hit // want "directive for hit has no reason: write //batchlint:ignore hit .. why"
	// want +1 "directive for hit has no reason"
	hit() //batchlint:ignore hit --
	hit() //batchlint:ignore hit,other // want "directive for hit,other has no reason"
	//batchlint:ignore hit -- nothing to suppress below // want `unused //batchlint:ignore hit directive`
	_ = 1
	//batchlint:ignore hitt -- a typo // want `names unknown analyzer "hitt" \(known: hit, other, all\)`
	hit() // want "hit called"
	//batchlint:ignore -- no names // want "names no analyzer"
	hit() // want "hit called"
	//batchlint:ignore other -- another analyzer's unused directive is not ours to report
	_ = 2
	//batchlint:ignore all -- an unused "all" directive is never reported
	_ = 3
	//nolint:hit // unused nolint comments are golangci-lint's nolintlint's job
	_ = 4
}
