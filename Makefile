# Nocturna make targets. `make help` lists them.
#
# Docker targets use $(COMPOSE): `docker compose` when available, else `docker-compose`, else
# `podman-compose` (set it yourself, e.g. `make docker-up COMPOSE="podman-compose -p nocturna"`).
# Variables: ENV_FILE (.env), DEBUG=1 (also load compose.debug.yaml: db/redis on loopback),
# BACKUP_DIR (backups), BACKUP_KEEP (7), BACKUP=<file> (restore), CONFIRM=yes (skip prompts),
# WAIT_SECONDS (180), TAIL (200), SERVICES (docker-up: only these services and their dependencies).
.DEFAULT_GOAL := help
HERE := $(dir $(abspath $(lastword $(MAKEFILE_LIST))))
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c

COMPOSE ?= $(shell if docker compose version >/dev/null 2>&1; then echo "docker compose"; \
	elif command -v docker-compose >/dev/null 2>&1; then echo docker-compose; \
	elif command -v podman-compose >/dev/null 2>&1; then echo podman-compose; fi)
ENGINE ?= $(shell if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then echo docker; \
	elif command -v podman >/dev/null 2>&1; then echo podman; else echo docker; fi)
ENV_FILE ?= .env
COMPOSE_FILES := -f compose.yaml $(if $(filter 1 yes true,$(DEBUG)),-f compose.debug.yaml)
DC = $(COMPOSE) $(COMPOSE_FILES)
IMAGE ?= $(or $(shell sed -n 's/^NOCTURNA_IMAGE=//p' $(ENV_FILE) 2>/dev/null | tail -1),nocturna-api:latest)
BACKUP_DIR ?= backups
BACKUP_KEEP ?= 7
WAIT_SECONDS ?= 180
TAIL ?= 200
SUMMARY ?= deployment_summary.json

.PHONY: help install build start dev test lint typecheck codegen migrate bench container-test \
	docker-check docker-setup docker-build docker-up docker-down docker-restart docker-status \
	docker-logs docker-logs-api docker-shell docker-migrate docker-setup-production docker-deploy \
	docker-wait docker-clean docker-backup docker-restore docker-token-check docker-token-renew

help: ## List every target with one line
	@grep -hE '^[a-zA-Z0-9_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-26s %s\n", $$1, $$2}'

# ---------------------------------------------------------------------------------------------
# Local development (Node 20, npm)
# ---------------------------------------------------------------------------------------------
node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund

install: node_modules/.package-lock.json ## Install dependencies from the lock file

build: install ## Compile TypeScript to dist/ (Prisma client first) and bundle the GraphiQL explorer
	npm run build

start: build ## Start the service on its embedded defaults (PGlite in ./data, in-memory cache)
	npm start

dev: build ## Rebuild on change and restart the server (tsc --watch + node --watch)
	@trap 'kill 0' INT TERM EXIT; \
	npx tsc -p tsconfig.build.json --watch --preserveWatchOutput & \
	node --watch-path=dist dist/src/cli/nocturna.js serve

test: install ## Run the whole test suite (unit, reference, integration, static deploy checks)
	npm test

lint: install ## Type-check, ESLint, the dependency rules of src/ and the static checks of the deployment files
	npm run lint

typecheck: install ## Type-check sources, scripts and tests
	npm run typecheck

codegen: install ## Generate the Prisma client, print schema.graphql and generate GraphQL operation types
	npm run generate
	npm run schema:print
	npm run codegen

migrate: build ## Apply database migrations (DATABASE_URL, or the embedded PGlite in ./data)
	node dist/src/cli/nocturna.js migrate

bench: build ## Run the benchmarks (ephemeris throughput, HTTP load on loopback)
	node dist/scripts/bench-ephemeris.js
	node dist/scripts/bench-techniques.js
	node dist/scripts/bench-http.js

container-test: ## Build the image and run the compose stack under podman end to end (tests/containers/run.sh)
	bash $(HERE)tests/containers/run.sh

# ---------------------------------------------------------------------------------------------
# Docker / compose deployment (the old service's deployment guide)
# ---------------------------------------------------------------------------------------------
docker-check: ## Check the container engine, compose, the .env file and free ports
	@echo "container engine: $(ENGINE)"; $(ENGINE) --version
	@$(ENGINE) info >/dev/null 2>&1 && echo "engine: reachable" || { echo "engine: NOT reachable (is the daemon running? are you in the docker group?)"; exit 1; }
	@if [ -z "$(COMPOSE)" ]; then echo "compose: none found (install the docker compose plugin)"; exit 1; fi
	@echo "compose: $(COMPOSE)"; v=$$($(COMPOSE) version 2>/dev/null || $(COMPOSE) --version 2>/dev/null) \
	  || { echo "compose: '$(COMPOSE)' does not run"; exit 1; }; awk 'tolower($$0) ~ /compose.* version/ && !n++' <<<"$$v"
	@if [ -f $(ENV_FILE) ]; then echo "$(ENV_FILE): present"; \
	  if grep -q '=change-me$$' $(ENV_FILE); then echo "$(ENV_FILE): still has change-me placeholders"; exit 1; fi; \
	  else echo "$(ENV_FILE): missing (run make docker-setup)"; fi
	@port=$$(sed -n 's/^API_PORT=//p' $(ENV_FILE) 2>/dev/null | tail -1 || true); port=$${port:-8000}; \
	  if command -v ss >/dev/null 2>&1 && ss -ltnH "sport = :$$port" | grep -q .; then \
	    echo "port $$port: in use (fine if it is this stack)"; else echo "port $$port: free"; fi
	@echo "docker-check: OK"

docker-setup: ## Create .env from .env.example with generated SECRET_KEY and passwords (never overwrites)
	@sh $(HERE)docker/setup-env.sh $(ENV_FILE) $(or $(wildcard .env.example),$(HERE).env.example)

docker-build: ## Build the application image (NOCTURNA_IMAGE, default nocturna-api:latest) from the Dockerfile
	$(DC) build app

docker-up: ## Start the stack in the background (DEBUG=1 also publishes db/redis on loopback; SERVICES=… to pick)
	$(DC) up -d $(SERVICES)

docker-down: ## Stop and remove the stack's containers (volumes, i.e. data, are kept)
	$(DC) down

docker-restart: ## Restart every service of the stack
	$(DC) restart

docker-status: ## Show the containers and the app's /api/v1/health answer
	$(DC) ps
	@$(DC) exec -T app node -e "fetch('http://127.0.0.1:8000/api/v1/health').then(async r=>{console.log('GET /api/v1/health ->',r.status,await r.text())},e=>{console.log('app not answering:',e.message);process.exitCode=1})"

docker-logs: ## Show the last TAIL=200 log lines of every service (FOLLOW=1 to follow)
	$(DC) logs --tail=$(TAIL) $(if $(filter 1 yes true,$(FOLLOW)),-f)

docker-logs-api: ## Show the last TAIL=200 log lines of the app (FOLLOW=1 to follow)
	$(DC) logs --tail=$(TAIL) $(if $(filter 1 yes true,$(FOLLOW)),-f) app

docker-shell: ## Open a shell in the app container
	$(DC) exec app sh

docker-wait: ## Wait (up to WAIT_SECONDS) until the app answers GET /health
	@echo "waiting for the app to become healthy (up to $(WAIT_SECONDS) s)…"; \
	for i in $$(seq 1 $(WAIT_SECONDS)); do \
	  if $(DC) exec -T app node -e "fetch('http://127.0.0.1:8000/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" >/dev/null 2>&1; then \
	    echo "app healthy after $$i s"; exit 0; fi; \
	  sleep 1; \
	done; echo "app not healthy after $(WAIT_SECONDS) s: make docker-logs-api"; exit 1

docker-migrate: ## Apply database migrations (one-shot, idempotent)
	$(DC) exec -T app nocturna migrate

docker-setup-production: ## Create/update the admin and the service user, issue the service token, write deployment_summary.json
	@umask 077; tmp=$$(mktemp); \
	if $(DC) exec -T app sh -c 'nocturna setup-production --output /tmp/deployment_summary.json >&2 && cat /tmp/deployment_summary.json; rc=$$?; rm -f /tmp/deployment_summary.json; exit $$rc' >"$$tmp" \
	   && grep -q '"service_token"' "$$tmp"; then \
	  mv "$$tmp" $(SUMMARY); chmod 600 $(SUMMARY); echo "wrote $(SUMMARY) (mode 600): it holds the service token"; \
	else rm -f "$$tmp"; echo "setup-production failed"; exit 1; fi

docker-deploy: ## One command: setup if needed → build → up → wait healthy → migrate → setup-production → summary
	@[ -f $(ENV_FILE) ] || $(MAKE) --no-print-directory docker-setup
	$(MAKE) --no-print-directory docker-build
	$(MAKE) --no-print-directory docker-up
	$(MAKE) --no-print-directory docker-wait
	$(MAKE) --no-print-directory docker-migrate
	$(MAKE) --no-print-directory docker-setup-production
	@echo; echo "== Nocturna is deployed"; \
	sed -E 's/("service_token"[[:space:]]*:[[:space:]]*")[^"]*([^"]{8})"/\1…\2"/' $(SUMMARY); \
	port=$$(sed -n 's/^API_PORT=//p' $(ENV_FILE) 2>/dev/null | tail -1 || true); \
	echo; echo "API: http://localhost:$${port:-8000}/graphql   health: http://localhost:$${port:-8000}/health"; \
	echo "The full service token is in $(SUMMARY) (mode 600); give it to your backend as a Bearer token."

docker-clean: ## Remove the stack's containers, networks and built image (VOLUMES=1 also deletes the data volumes)
	@if [ "$(VOLUMES)" = 1 ]; then \
	  if [ "$(CONFIRM)" != yes ]; then read -r -p "Delete the database and Redis volumes (all data)? [y/N] " a; [ "$$a" = y ] || exit 1; fi; \
	  $(DC) down -v --remove-orphans; \
	else $(DC) down --remove-orphans; fi
	-$(ENGINE) image rm $(IMAGE)
	-$(ENGINE) image prune -f

docker-backup: ## Dump the database (pg_dump | gzip) to BACKUP_DIR=backups/, keep the newest BACKUP_KEEP=7
	@mkdir -p $(BACKUP_DIR); umask 077; \
	file=$(BACKUP_DIR)/nocturna_$$(date -u +%Y%m%d_%H%M%S).sql.gz; \
	$(DC) exec -T db sh -c 'pg_dump -U "$$POSTGRES_USER" -d "$$POSTGRES_DB" --clean --if-exists --no-owner' | gzip -9 >"$$file.tmp"; \
	gzip -t "$$file.tmp"; mv "$$file.tmp" "$$file"; \
	echo "backup written: $$file ($$(wc -c <"$$file") bytes)"; \
	ls -1t $(BACKUP_DIR)/nocturna_*.sql.gz | tail -n +$$(($(BACKUP_KEEP) + 1)) | while read -r old; do rm -f "$$old"; echo "removed old backup $$old"; done

docker-restore: ## Restore the database from BACKUP=<file.sql.gz> (default: the newest in BACKUP_DIR)
	@file="$(BACKUP)"; [ -n "$$file" ] || file=$$(ls -1t $(BACKUP_DIR)/nocturna_*.sql.gz 2>/dev/null | head -1 || true); \
	[ -n "$$file" ] && [ -f "$$file" ] || { echo "no backup found (BACKUP=<file>)"; exit 1; }; \
	gzip -t "$$file"; \
	if [ "$(CONFIRM)" != yes ]; then read -r -p "Replace the current database with $$file? [y/N] " a; [ "$$a" = y ] || exit 1; fi; \
	gzip -dc "$$file" | $(DC) exec -T db sh -c 'psql -q -v ON_ERROR_STOP=1 -U "$$POSTGRES_USER" -d "$$POSTGRES_DB"' >/dev/null; \
	echo "restored $$file"

docker-token-check: ## Check the service token (from deployment_summary.json, or TOKEN=…): valid, owner, expiry
	@token="$(TOKEN)"; [ -n "$$token" ] || token=$$(sed -nE 's/.*"service_token"[[:space:]]*:[[:space:]]*"([^"]+)".*/\1/p' $(SUMMARY) 2>/dev/null | head -1 || true); \
	[ -n "$$token" ] || { echo "no token: pass TOKEN=… or run make docker-setup-production"; exit 1; }; \
	printf '%s' "$$token" | $(DC) exec -T app nocturna token check

docker-token-renew: ## Issue a new service token, revoke the old one, update deployment_summary.json
	@field() { sed -nE "s/.*\"$$1\"[[:space:]]*:[[:space:]]*\"([^\"]+)\".*/\\1/p" | head -1; }; \
	old_id=$$( (field token_id <$(SUMMARY)) 2>/dev/null || true); \
	[ -n "$$old_id" ] || { echo "no token_id in $(SUMMARY): run make docker-setup-production"; exit 1; }; \
	new=$$($(DC) exec -T app nocturna token renew "$$old_id"); \
	info=$$(printf '%s' "$$new" | $(DC) exec -T app nocturna token check); \
	new_id=$$(printf '%s' "$$info" | field id); expires=$$(printf '%s' "$$info" | field expiresAt); \
	[ -n "$$new_id" ] && [ -n "$$expires" ] || { echo "the renewed token does not check out"; exit 1; }; \
	$(DC) exec -T app nocturna token revoke "$$old_id" >/dev/null; \
	umask 077; sed -E -e "s|(\"service_token\"[[:space:]]*:[[:space:]]*\")[^\"]*|\\1$$new|" \
	  -e "s|(\"token_id\"[[:space:]]*:[[:space:]]*\")[^\"]*|\\1$$new_id|" \
	  -e "s|(\"token_expires_at\"[[:space:]]*:[[:space:]]*\")[^\"]*|\\1$$expires|" $(SUMMARY) >$(SUMMARY).tmp; \
	mv $(SUMMARY).tmp $(SUMMARY); chmod 600 $(SUMMARY); \
	echo "renewed: token $$new_id (expires $$expires) is in $(SUMMARY); token $$old_id revoked"
