#!/usr/bin/env bash
# Refresh the translation sources from ui/ and compile them.
#   resources/translations/update.sh        (then translate the new entries in the .ts files)
# subscriptions_ru.ts holds every string; subscriptions_en.ts only the English plural forms ("%n row(s)").
set -euo pipefail
cd "$(dirname "$0")/../.."
# lupdate reads only ui/: list the domain errors' message templates of services/ and scheduler/ there.
python -m ui.message_catalog
mapfile -t sources < <(find ui -name '*.py' | sort)
for language in ru en; do
    options=(-no-obsolete)
    [[ $language == en ]] && options+=(-pluralonly)
    pyside6-lupdate "${sources[@]}" "${options[@]}" -ts "resources/translations/subscriptions_${language}.ts"
    pyside6-lrelease "resources/translations/subscriptions_${language}.ts" \
        -qm "resources/translations/subscriptions_${language}.qm"
done
