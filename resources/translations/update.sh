#!/usr/bin/env bash
# Refresh the translation sources from ui/ and compile them.
#   resources/translations/update.sh        (then translate the new entries in the .ts files)
set -euo pipefail
cd "$(dirname "$0")/../.."
mapfile -t sources < <(find ui -name '*.py' | sort)
for language in ru; do
    pyside6-lupdate "${sources[@]}" -no-obsolete -ts "resources/translations/subscriptions_${language}.ts"
    pyside6-lrelease "resources/translations/subscriptions_${language}.ts" \
        -qm "resources/translations/subscriptions_${language}.qm"
done
