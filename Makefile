# Nocturna make targets. `make help` lists them.
.DEFAULT_GOAL := help
SHELL := /bin/bash

.PHONY: help install build start test typecheck
help: ## List every target with one line
	@grep -hE '^[a-zA-Z0-9_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-26s %s\n", $$1, $$2}'

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund

install: node_modules/.package-lock.json ## Install dependencies from the lock file

build: install ## Compile TypeScript to dist/
	npm run build

start: build ## Start the service on its embedded defaults (PGlite in ./data, in-memory cache)
	npm start

test: install ## Run the whole test suite (unit, reference, integration)
	npm test

typecheck: install ## Type-check sources, scripts and tests
	npm run typecheck
