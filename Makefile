# The two commands of README.md: `make demo` and `make test`. Both install missing
# Debian packages first (tools/install_deps.sh), then build with CMake.
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
# CI treats warnings as errors (STYLE.md).
ifeq ($(CI),true)
CMAKE_FLAGS += -DPOLGRAPH_WERROR=ON
endif
POLGRAPH = $(BUILD)/cli/polgraph

.PHONY: all deps build demo test test-asan test-kill fuzz-build fuzz format clean

all: build

deps:
	@bash tools/install_deps.sh

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

# The main job on the bundled examples, then one example query.
demo: build
	@rm -rf out
	$(POLGRAPH) build examples/ -o out/
	@top="$$($(POLGRAPH) query --db out/polgraph.db top --limit 1 | cut -f1)"; \
	  echo; echo "\$$ polgraph query --db out/polgraph.db neighbors \"$$top\""; \
	  $(POLGRAPH) query --db out/polgraph.db neighbors "$$top"

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The same suite under AddressSanitizer and UBSan, in its own build tree.
test-asan: deps
	@cmake -S . -B $(BUILD)-asan -DCMAKE_BUILD_TYPE=Debug -DPOLGRAPH_SANITIZE=ON \
	  -DPOLGRAPH_BUILD_BENCH=OFF $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD)-asan -j $(JOBS)
	@cd $(BUILD)-asan && ctest --output-on-failure -j $(JOBS)

# Opt-in (needs ../shared): SIGKILL `polgraph ingest` 20 times at random moments
# over 300 articles; each store must pass integrity_check and resume to the same graph.
test-kill: build
	@bash tests/kill/kill_test.sh $(POLGRAPH)

# libFuzzer targets (clang 14), in build-fuzz/; `make fuzz` runs each for
# FUZZ_SECONDS (default 600) and merges new inputs into tests/fuzz/corpus/.
FUZZ_SECONDS ?= 600
fuzz-build: deps
	@CXX=clang++-14 cmake -S . -B $(BUILD)-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPOLGRAPH_FUZZ=ON >/dev/null
	@cmake --build $(BUILD)-fuzz -j $(JOBS)

fuzz: fuzz-build
	@bash tests/fuzz/run_fuzzers.sh $(FUZZ_SECONDS)

format:
	@git ls-files '*.h' '*.cc' | xargs clang-format -i

clean:
	rm -rf $(BUILD) $(BUILD)-asan $(BUILD)-fuzz out
