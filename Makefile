# Steady's two commands on a fresh Debian/Ubuntu machine:
#   make run    installs what is missing, builds, opens the app
#   make test   installs what the tests need, runs every check
# Other targets: deps, build, e2e, bench, package, screenshots, screenshots-lang,
# figures, clean.

SHELL      := /bin/bash
GO         ?= go
TAGS       := migrated_fynedo
BIN        := build/steady
BBOLT      := build/bbolt
BBOLT_PKG  := go.etcd.io/bbolt/cmd/bbolt@v1.4.3
FYNE_TOOLS := fyne.io/tools/cmd/fyne@v1.7.4
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT        := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get -o DPkg::Lock::Timeout=300

# Debian package names. To build: a C compiler and the X11, Wayland, OpenGL and
# ALSA headers. One binary draws on X11 and natively on Wayland (Fyne 2.8 picks
# at run time).
BUILD_PKGS := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
              libxinerama-dev libxi-dev libxxf86vm-dev libwayland-dev libxkbcommon-dev \
              wayland-protocols libasound2-dev
# To test as a person uses it: a virtual X server, input, screenshots, sound analysis;
# and a headless Wayland desktop with its own input and screenshots (sway, wtype, grim).
TEST_PKGS  := xvfb x11-utils xdotool imagemagick sox pv desktop-file-utils espeak-ng \
              sway grim wtype fonts-dejavu-core

.PHONY: run deps deps-test build test vet fmt-check unit e2e bench package screenshots screenshots-lang clean

run: deps build
	./$(BIN)

# install-missing PKGS: apt-get installs only what is not installed yet; on a
# system without apt it lists the packages and stops.
define install-missing
	@missing=$$(for p in $(1); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; \
	done); \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if ! command -v apt-get >/dev/null 2>&1; then \
	  echo "Steady needs these packages (Debian names; install their equivalents):"; \
	  echo "  $$missing"; exit 1; \
	fi; \
	echo "Installing: $$missing"; \
	$(APT) update -qq && $(APT) install -y -qq --no-install-recommends $$missing
endef

deps:
	@command -v $(GO) >/dev/null 2>&1 || { echo "Steady needs Go 1.24 or newer: https://go.dev/doc/install"; exit 1; }
	$(call install-missing,$(BUILD_PKGS))

deps-test: deps
	$(call install-missing,$(TEST_PKGS))

build: deps
	$(GO) build -tags $(TAGS) -o $(BIN) .

vet:
	$(GO) vet -tags $(TAGS) ./...
	$(GO) vet -tags '$(TAGS) e2e' ./e2e/...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

unit:
	$(GO) test -race -tags $(TAGS) ./...

test: deps-test vet fmt-check unit e2e

# bbolt's own command line tool, to check journal files with `bbolt check`.
$(BBOLT):
	GOBIN=$(abspath build) $(GO) install $(BBOLT_PKG)

# The real binary in a real X window under Xvfb, driven with xdotool; and
# natively on Wayland under a headless sway, driven with wtype (TestWayland; as
# root it runs sway as the user steady-e2e, which it creates if missing).
e2e: deps-test build $(BBOLT)
	STEADY_BIN=$(abspath $(BIN)) BBOLT=$(abspath $(BBOLT)) $(GO) test -tags e2e -count=1 -timeout 45m -v ./e2e/

# The reliability drills alone, the thorough way (docs/RELIABILITY.md). The
# full-disk and no-network drills need root (a mount, a network namespace):
# without it they skip.
.PHONY: drills
drills: deps-test build $(BBOLT)
	$(GO) test -tags $(TAGS) -count=1 -run Drill -v ./program/ ./locale/ ./audio/
	STEADY_DRILLS=1 STEADY_BIN=$(abspath $(BIN)) BBOLT=$(abspath $(BBOLT)) \
	  $(GO) test -tags e2e -count=1 -run Drill -v ./e2e/

bench: deps-test build
	$(GO) run ./e2e/cmd/steady-bench -bin $(abspath $(BIN))

# Refresh the screenshots the README and docs show (look at them before committing).
screenshots: deps-test build $(BBOLT)
	STEADY_BIN=$(abspath $(BIN)) BBOLT=$(abspath $(BBOLT)) STEADY_SCREENSHOTS=$(abspath docs/screenshots) \
	  $(GO) test -tags e2e -count=1 -timeout 45m -v ./e2e/

# Every screen in every language, at the smallest window with larger text, to
# look at after a translation: e2e/out/lang/<lang>-<screen>.png and a contact
# sheet per language, e2e/out/lang/<lang>.png (docs/TRANSLATING.md). It fails
# where a screen reads as English or needs a larger window than in English.
screenshots-lang: deps-test build $(BBOLT)
	STEADY_BIN=$(abspath $(BIN)) BBOLT=$(abspath $(BBOLT)) \
	  $(GO) test -tags e2e -count=1 -run 'TestEveryScreenInEveryLanguage$$' -v ./e2e/; \
	  status=$$?; echo "Contact sheets: $(abspath e2e/out/lang)/{en,de,es,fr}.png"; exit $$status

# A desktop package: a tar.xz with the binary, the icon and a .desktop file.
# (fyne package counts builds in FyneApp.toml; the tracked file is put back.)
package: deps-test
	@mkdir -p build && cp FyneApp.toml build/FyneApp.toml.tracked
	$(GO) run $(FYNE_TOOLS) package -os linux -release -name Steady; \
	  status=$$?; mv -f build/FyneApp.toml.tracked FyneApp.toml; exit $$status
	@mv -f Steady.tar.xz build/
	@# The menu entry also offers "Start today's session" (steady -start, which
	@# starts it in the open window when Steady is running).
	@tmp=$$(mktemp -d) && tar -xJf build/Steady.tar.xz -C $$tmp && \
	  desktop=$$(find $$tmp -name '*.desktop') && \
	  printf 'Actions=start;\n\n[Desktop Action start]\nName=Start today%ss session\nExec=steady -start\n' "'" >> $$desktop && \
	  desktop-file-validate $$desktop && \
	  tar -cJf build/Steady.tar.xz -C $$tmp steady && \
	  echo "build/Steady.tar.xz: .desktop file valid, with the Start today's session action"; \
	  status=$$?; rm -rf $$tmp; exit $$status

clean:
	rm -rf build e2e/out
