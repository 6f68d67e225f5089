#!/usr/bin/env bash
# Re-vendors this testdata module and ../kafka, which shares its vendor tree
# (../kafka/vendor is a symlink to ./vendor, so ../kafka/go.mod requires
# exactly what this go.mod requires; its packages import a subset). The
# tests only type-check the vendored packages, so the prebuilt librdkafka
# archives (link-time only, ~115 MB) and confluent's HTML API page are left
# out (.gitignore keeps them out of commits too). confluent-kafka-go v1's
# package is a hand-written stub of its producer API (the real one needs cgo
# and librdkafka): it survives the re-vendoring.
set -euo pipefail
cd "$(dirname "$0")"
v1=vendor/github.com/confluentinc/confluent-kafka-go/kafka
stub=$(mktemp)
trap 'rm -f "$stub"' EXIT
cp "$v1/kafka.go" "$stub"
go mod tidy
go mod vendor
rm -rf "$v1" "$(dirname "$v1")/LICENSE"
mkdir -p "$v1"
cp "$stub" "$v1/kafka.go"
sed -i '\#^github.com/confluentinc/confluent-kafka-go/kafka/librdkafka_vendor$#d' vendor/modules.txt
rm -f vendor/github.com/confluentinc/confluent-kafka-go/v2/kafka/librdkafka_vendor/*.a \
  vendor/github.com/confluentinc/confluent-kafka-go/v2/kafka/api.html
# The go command checks vendor/modules.txt against each module's go.mod.
{ echo "module example.com/kafka"; tail -n +2 go.mod; } > ../kafka/go.mod
cp go.sum ../kafka/go.sum
