#!/usr/bin/env bash
# Run one manage.py command as production does: the production settings and the deployment's environment file
# (/etc/sds/env, or SDS_ENV_FILE). For cron lines, deploy steps and restores (README, "Deployment").
#
#   scripts/production-manage.sh send_review_reminders
set -euo pipefail
cd "$(dirname "$0")/.."
env_file=${SDS_ENV_FILE:-/etc/sds/env}
if [[ -e "$env_file" ]]; then
  set -a
  # shellcheck source=/dev/null
  . "$env_file"
  set +a
fi
export DJANGO_SETTINGS_MODULE=marketplace.settings.production
exec .venv/bin/python manage.py "$@"
