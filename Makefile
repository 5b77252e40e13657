# Two commands do everything on a fresh machine with Python 3.11+, git and make:
#   make demo   build the demo compliance repository and its controlled site (build/demo)
#   make demo-pdf  the same with a PDF of every published document (publish.pdf; slower)
#   make test   lint, type-check and run the whole test suite (real git, pre-commit,
#               mkdocs and a real Chromium)
PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed-stamp
# Mermaid's version and sha256 are pinned in the package (tools/doccontrol/vendor.py), which
# checks the file the site and the PDFs use; read from there so there is one truth.
VENDOR_PY := $(dir $(lastword $(MAKEFILE_LIST)))tools/doccontrol/vendor.py
MERMAID_VERSION := $(shell sed -n 's/^MERMAID_VERSION = "\(.*\)"$$/\1/p' $(VENDOR_PY))
MERMAID_SHA256 := $(shell sed -n 's/^MERMAID_SHA256 = "\(.*\)"$$/\1/p' $(VENDOR_PY))
MERMAID := .cache/vendor/mermaid.min.js
AXE_VERSION := 4.14.1
AXE := .cache/vendor/axe.min.js
export NO_MKDOCS_2_WARNING := 1

.PHONY: FORCE install vendor browser pdf-deps demo demo-pdf serve site test lint typecheck pytest hooks bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# Mermaid (the procedures' flowcharts) is vendored from the npm registry so the site needs
# no internet when people read it. The file is fetched again unless it is the pinned one (a
# regular file with the pinned sha256): a copy committed to the repository, or a link, is
# replaced rather than trusted.
MERMAID_OK := $(shell [ -f $(MERMAID) ] && [ ! -L $(MERMAID) ] && echo "$(MERMAID_SHA256)  $(MERMAID)" | sha256sum --check --status 2>/dev/null && echo ok)
ifneq ($(MERMAID_OK),ok)
$(MERMAID): FORCE
endif
$(MERMAID):
	@command -v npm >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm; }
	rm -rf .cache/vendor/tmp && mkdir -p .cache/vendor/tmp
	cd .cache/vendor/tmp && npm pack --silent mermaid@$(MERMAID_VERSION) >/dev/null && tar -xzf mermaid-$(MERMAID_VERSION).tgz package/dist/mermaid.min.js
	echo "$(MERMAID_SHA256)  .cache/vendor/tmp/package/dist/mermaid.min.js" | sha256sum --check --status || { echo "mermaid@$(MERMAID_VERSION) from npm does not have the sha256 pinned in $(VENDOR_PY)" >&2; exit 1; }
	rm -f $(MERMAID)
	mv .cache/vendor/tmp/package/dist/mermaid.min.js $(MERMAID)
	rm -rf .cache/vendor/tmp

# axe-core (the accessibility rules the browser tests run) comes from the npm registry the same
# way; it is for the tests only and never reaches the site.
$(AXE):
	@command -v npm >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm; }
	rm -rf .cache/vendor/tmp-axe && mkdir -p .cache/vendor/tmp-axe
	cd .cache/vendor/tmp-axe && npm pack --silent axe-core@$(AXE_VERSION) >/dev/null && tar -xzf axe-core-$(AXE_VERSION).tgz package/axe.min.js
	mv .cache/vendor/tmp-axe/package/axe.min.js $(AXE)
	rm -rf .cache/vendor/tmp-axe

vendor: $(MERMAID) $(AXE)

FORCE:

# Debian's Chromium for the browser tests (Playwright drives the system browser), a CJK font so
# screenshots show Chinese, and ssh-keygen for the signed-approval tests.
browser:
	@command -v chromium >/dev/null 2>&1 && command -v ssh-keygen >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "wenquanyi" || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei openssh-client; }

# WeasyPrint (doccontrol pdf, the [pdf] extra) lays pages out with Pango and embeds the fonts it
# finds through fontconfig: Pango and a CJK font (WenQuanYi Micro Hei) on a fresh Debian machine.
pdf-deps:
	@{ ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 && fc-list 2>/dev/null | grep -qi "wenquanyi"; } || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fontconfig fonts-wqy-microhei; }

demo: $(STAMP) $(MERMAID)
	$(BIN)/python tools/demo/build_demo.py

# the demo with a PDF of every published document (publish.pdf): minutes more than make demo
demo-pdf: $(STAMP) $(MERMAID) pdf-deps
	$(BIN)/python tools/demo/build_demo.py --pdf

# serves the demo as it stands (your own edits and merges in build/demo kept); builds it only
# when there is none (make demo starts it afresh)
serve: $(STAMP) $(MERMAID)
	@[ -d build/demo/.git ] || $(BIN)/python tools/demo/build_demo.py
	$(BIN)/mkdocs serve -f build/demo/mkdocs.yml -a 127.0.0.1:8000

site: $(STAMP) $(MERMAID)
	$(BIN)/mkdocs build

lint: $(STAMP)
	$(BIN)/ruff check tools tests benchmarks
	$(BIN)/ruff format --check tools tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy tools

pytest: $(STAMP) $(MERMAID) $(AXE) browser pdf-deps
	$(BIN)/pytest

test: lint typecheck pytest

hooks: $(STAMP)
	$(BIN)/pre-commit install

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_history.py

clean:
	rm -rf build site .cache
