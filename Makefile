# bangfu — the two commands a newcomer needs are `make run` and `make test`.
GO      ?= go
BIN     := bin/bangfu
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT  ?= $(shell git rev-parse HEAD 2>/dev/null || echo unknown)
LDFLAGS := -s -w -X main.version=$(VERSION) -X main.commit=$(COMMIT)

.PHONY: build run test bench fuzz lint release clean

build:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/bangfu

# run: the main job on the demo college: validate, then render every form and workbook.
run:
	$(GO) run ./cmd/bangfu validate || true
	$(GO) run ./cmd/bangfu build

test:
	$(GO) vet ./...
	$(GO) test -race -count=1 ./...

# lint: staticcheck, pinned (go vet runs in make test).
lint:
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

# bench: the performance figures quoted in the README (5,000 generated cases).
# Run it on an otherwise idle machine: the figures are wall time on 2 cores.
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./pipeline/docx
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 3x ./pipeline/store ./pipeline/build ./pipeline/workbook
	$(GO) test -run '^$$' -bench . -benchtime 20x ./cmd/bangfu
	./scripts/peak-memory.sh

# fuzz: each fuzz target for a while (the seed corpus also runs in `make test`).
FUZZTIME ?= 30s
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$t"; $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

release:
	@for t in linux/amd64 linux/arm64 windows/amd64 darwin/amd64 darwin/arm64; do \
	  os=$${t%/*}; arch=$${t#*/}; ext=; [ $$os = windows ] && ext=.exe; \
	  echo "bin/bangfu-$$os-$$arch$$ext"; \
	  CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o bin/bangfu-$$os-$$arch$$ext ./cmd/bangfu || exit 1; \
	done

clean:
	rm -rf bin output
