#!/bin/sh
# No arguments: the web server. Otherwise a waishi command: worker, migrate, sweep_deadlines …
set -eu
if [ "$#" -eq 0 ]; then
  if [ -n "${PROMETHEUS_MULTIPROC_DIR:-}" ]; then
    # Each start begins with an empty folder, so old processes' counts do not add up.
    rm -rf "${PROMETHEUS_MULTIPROC_DIR:?}"/* 2>/dev/null || true
    mkdir -p "$PROMETHEUS_MULTIPROC_DIR"
  fi
  exec gunicorn waishi.wsgi \
    --workers "${GUNICORN_WORKERS:-3}" \
    --bind "0.0.0.0:${PORT:-8000}" \
    --timeout "${GUNICORN_TIMEOUT:-60}"
fi
exec waishi "$@"
