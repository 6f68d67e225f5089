#!/usr/bin/env bash
# Re-vendors this testdata module. The tests only type-check the vendored
# packages with the default build tags, so what msgpack/v4 (go-pg v9's)
# imports only under the appengine tag is left out.
set -euo pipefail
cd "$(dirname "$0")"
go mod tidy
go mod vendor
rm -rf vendor/google.golang.org vendor/github.com/golang vendor/golang.org/x/net
