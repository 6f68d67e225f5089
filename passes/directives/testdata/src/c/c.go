package c

// A directive without a reason is reported by the first analyzer it names
// (hit), never by the others.

func hit() {}

func f() {
	hit() //batchlint:ignore hit -- names only the first analyzer // want "hit called"
	hit() //batchlint:ignore hit,other
	//batchlint:ignore hitt -- unknown names are the first analyzer's to report
	hit() // want "hit called"
	//batchlint:ignore other -- nothing to suppress // want `unused //batchlint:ignore other directive`
	_ = 1
	//batchlint:ignore other,hit -- used by neither // want `unused //batchlint:ignore other directive`
	_ = 2
}
