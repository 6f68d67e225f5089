package ormloop_test

// libraryPackages are the testdata of the libraries added as registry
// entries. TestAnalyzer loads them with the other cases: every load
// type-checks the vendored libraries and the standard library anew.
var libraryPackages = []string{"./boilcases", "./gopgold"}
