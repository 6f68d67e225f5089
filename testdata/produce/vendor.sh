#!/usr/bin/env bash
# Re-vendors this testdata module. The tests only type-check the vendored
# packages, so the prebuilt librdkafka archives (link-time only, ~115 MB)
# and confluent's HTML API page are left out (.gitignore keeps them out of
# commits too).
set -euo pipefail
cd "$(dirname "$0")"
go mod tidy
go mod vendor
rm -f vendor/github.com/confluentinc/confluent-kafka-go/v2/kafka/librdkafka_vendor/*.a \
  vendor/github.com/confluentinc/confluent-kafka-go/v2/kafka/api.html \
  vendor/github.com/confluentinc/confluent-kafka-go/kafka/librdkafka_vendor/*.a \
  vendor/github.com/confluentinc/confluent-kafka-go/kafka/api.html
