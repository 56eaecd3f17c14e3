# Déclic — the two commands: `make run` and `make test`. Thin wrappers over scripts/ and CMake.
.PHONY: run test build bench fmt clean

run:
	@scripts/run

test:
	@scripts/test

build:
	@scripts/bootstrap && cmake --preset release >/dev/null && cmake --build --preset release

bench:
	@bench/run

fmt:
	@command -v clang-format >/dev/null || { echo "make fmt needs clang-format (apt install clang-format)"; exit 1; }
	@find server -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

clean:
	rm -rf build web/dist
