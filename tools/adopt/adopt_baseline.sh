#!/usr/bin/env bash
# Adopt this repository's main branch: the baseline declared and approved as a recorded event.
#
#   tools/adopt/adopt_baseline.sh            # declare, approve, then check the trail
#
# The management representative declares the baseline (doccontrol baseline: a branch setting
# control_since to main's tip, the paper approvals of tools/adopt/paper-approvals.yml written as
# legacy_history); the general manager approves it by merge (doccontrol approve), reviewed by
# the 体系经理. The identities are the people in doccontrol.yml; set DECLARER_*, APPROVER_* and
# REVIEWER to others if they differ. Run it as the very last commit on main: a commit made
# directly on main after it is an unapproved change again (DC501).
set -euo pipefail
cd "$(dirname "$0")/../.."
DOCCONTROL=${DOCCONTROL:-doccontrol}
DECLARER_NAME=${DECLARER_NAME:-刘静}
DECLARER_EMAIL=${DECLARER_EMAIL:-liu.jing@example.com}
APPROVER_NAME=${APPROVER_NAME:-陈明远}
APPROVER_EMAIL=${APPROVER_EMAIL:-chen.mingyuan@example.com}
REVIEWER=${REVIEWER:-王芳}

as() {  # run a command as NAME EMAIL: every git it calls sees that identity
  local name=$1 email=$2
  shift 2
  GIT_CONFIG_COUNT=2 GIT_CONFIG_KEY_0=user.name GIT_CONFIG_VALUE_0="$name" \
    GIT_CONFIG_KEY_1=user.email GIT_CONFIG_VALUE_1="$email" "$@"
}

[ "$(git symbolic-ref --short HEAD)" = main ] || { echo "check out main first" >&2; exit 2; }
out=$(as "$DECLARER_NAME" "$DECLARER_EMAIL" "$DOCCONTROL" baseline --legacy tools/adopt/paper-approvals.yml)
echo "$out"
branch=$(printf '%s\n' "$out" | sed -n 's/^declared the baseline on branch \([^:]*\):.*/\1/p')
as "$APPROVER_NAME" "$APPROVER_EMAIL" "$DOCCONTROL" approve "$branch" --reviewer "$REVIEWER"
git branch -d "$branch"
"$DOCCONTROL" trail --strict | tail -n 1
