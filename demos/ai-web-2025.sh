#!/bin/sh
# The AI financing web of late 2025 (scenarios/ai-web-2025.yaml), step by step, through
# the generic loop engine. Every number printed is computed by `moneyloop simulate`;
# nothing here is typed in. Run from the repository: `sh demos/ai-web-2025.sh`
# (MONEYLOOP=path/to/moneyloop to use another build).
set -e
ml=${MONEYLOOP:-moneyloop}
step() { printf '\n== %s\n   %s\n\n' "$1" "$2"; }

step "1. The web as announced" \
  "Who runs out of cash first, and how much of each vendor's sales it financed itself."
$ml simulate --scenario ai-web-2025

step "2. Only signed contracts happen" \
  "loop.nonBinding=0 drops every deal that is announced, a letter of intent or only reported."
$ml simulate --scenario ai-web-2025 --set loop.nonBinding=0

step "3. Demand arrives a year late" \
  "Contracts that have not started slip 12 months; GPUs bought for them sit idle."
$ml simulate --scenario ai-web-2025 --set demand.delayMonths=12

step "4. The credit window closes" \
  "No new draws on delayed-draw loans or revolvers: purchases are paid in cash."
$ml simulate --scenario ai-web-2025 --set credit.window=0

step "5. The Oracle contract at half its reported value" \
  "Any figure of the loop is a parameter: deal.<id>.<key>, entity.<id>.cash."
$ml simulate --scenario ai-web-2025 --set deal.openai-oracle.value=150B
