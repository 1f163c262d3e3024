#!/usr/bin/env bash
# npm run eval: the labeled-lead evaluation of the rules engine (and of the LLM when LLM_BASE_URL is set).
source "$(dirname "$0")/bootstrap.sh"
exec npx tsx eval/run.ts
