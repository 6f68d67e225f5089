package directives

// SetSuite replaces the suite's analyzer names for the duration of a test.
func SetSuite(names []string) (restore func()) {
	old := suite
	suite = names
	return func() { suite = old }
}

// Suite returns the analyzer names the directives know.
func Suite() []string { return suite }
