#!/usr/bin/env bash
# Renders every kustomize overlay and checks each rendered object against the Kubernetes schemas,
# offline (no cluster needed). Exits non-zero when an overlay does not render or an object is invalid.
# Overlays that read a secrets file kept out of git render with their committed *.example instead.
set -euo pipefail

K8S="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

command -v kubectl >/dev/null 2>&1 || { echo "error: kubectl is needed (kubectl kustomize)" >&2; exit 1; }
command -v npm >/dev/null 2>&1 || { echo "error: node and npm are needed for the schema check" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A copy, so that stand-in secrets never land in the working tree.
tar -C "$K8S" --exclude=node_modules -cf - . | tar -C "$work" -xf -
while IFS= read -r example; do
  real="${example%.example}"
  [[ -e $real ]] || cp "$example" "$real"
done < <(find "$work/overlays" -name '*.example')

echo "installing the schema checker (npm ci)"
(cd "$work" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

status=0
for overlay in "$work"/overlays/*/; do
  name="overlays/$(basename "$overlay")"
  if ! kubectl kustomize "$overlay" >"$work/rendered.yaml"; then
    echo "$name: kubectl kustomize failed" >&2
    status=1
    continue
  fi
  node "$work/schema-check.mjs" "$name" <"$work/rendered.yaml" || status=1
done
exit "$status"
