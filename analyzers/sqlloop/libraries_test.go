package sqlloop_test

// libraryPackages are the testdata of the libraries added as registry
// entries. TestAnalyzer loads them with the other cases: every load
// type-checks the vendored libraries and the standard library anew.
var libraryPackages = []string{"./pgxv4cases", "./squirrelcases", "./clickhousecases"}
