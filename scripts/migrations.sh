#!/usr/bin/env bash
# Migrations for both providers (one set each, as bitwarden/server keeps them).
#   scripts/migrations.sh add NAME   add a migration NAME to both sets
#   scripts/migrations.sh check      fail when the model has changes that no migration covers (CI)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
cmd=${1:-check}
for provider in Sqlite Postgres; do
  project="src/Migrations/Madoguchi.Migrations.$provider"
  case "$cmd" in
    add)
      dotnet ef migrations add "${2:?name}" --project "$project" --startup-project "$project" --output-dir Migrations ;;
    check)
      echo "Checking $provider migrations cover the model..."
      dotnet ef migrations has-pending-model-changes --project "$project" --startup-project "$project" ;;
    *) echo "usage: $0 add NAME | check" >&2; exit 2 ;;
  esac
done
