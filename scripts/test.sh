#!/usr/bin/env bash
# The one test command: every step runs, in order, and the first failure stops the run.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$1"; }

step "lint"
npx eslint --max-warnings=0 .

step "typecheck"
npx next typegen >/dev/null
npx tsc --noEmit

step "unit and integration tests on embedded PGlite"
TEST_DATABASE_URL= npx vitest run

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  step "unit and integration tests on PostgreSQL (${TEST_DATABASE_URL%%\?*})"
  npx vitest run
else
  step "unit and integration tests on PostgreSQL: NOT RUN"
  echo "TEST_DATABASE_URL is not set. To include PostgreSQL, create an empty database and run:"
  echo "  TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/docket_test npm test"
  if [ -n "${CI:-}" ]; then echo "CI must test PostgreSQL too." >&2; exit 1; fi
fi

step "browser for end-to-end tests"
bash scripts/ensure-browser.sh

step "production build"
npx next build

step "end-to-end tests (Playwright, Chromium)"
npx playwright test
