#!/usr/bin/env bash
# Serves the production build on a fresh, seeded embedded database for Playwright.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-3100}"
export DATA_DIR="${E2E_DATA_DIR:-.data-e2e}"
unset DATABASE_URL
rm -rf "$DATA_DIR"
npx tsx scripts/db-seed.ts
mkdir -p e2e/.auth
npx tsx scripts/e2e-fixtures.ts e2e/.auth/fixtures.json
export NEXTAUTH_SECRET="e2e-only-secret-0123456789abcdef0123456789"
export NEXTAUTH_URL="http://127.0.0.1:${port}"
# As if behind a reverse proxy on this machine: specs say where a browser is with X-Forwarded-For.
export TRUSTED_PROXIES="127.0.0.1,::1"
exec npx next start -p "$port" -H 127.0.0.1
