// Package e2e holds end-to-end tests of the ways users run batchlint that
// no single package owns: the pre-commit hooks.
package e2e
