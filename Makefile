# Thin wrappers over scripts/. See README.md.
.PHONY: setup build test demo bench clean

BENCH_SECRETS ?= 200
BENCH_VERSIONS ?= 3

setup:
	scripts/setup.sh

build:
	swift build -c debug

test:
	scripts/test.sh

demo:
	scripts/demo.sh

bench:
	bench/snapshot-bench.sh $(BENCH_SECRETS) $(BENCH_VERSIONS)

clean:
	-scripts/moto-down.sh run/demo
	-scripts/moto-down.sh run/bench
	rm -rf .build run
