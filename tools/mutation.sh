#!/usr/bin/env bash
# Mutation testing of one core package, an occasional job (not in CI): every surviving mutant
# is a small bug the tests did not notice. Usage: tools/mutation.sh [PACKAGE] [TESTS]
#   tools/mutation.sh argmap/editing tests/editing     (the default; ~25 min on 2 busy cores)
#   tools/mutation.sh argmap/model tests/model
# It works on a copy in a temporary folder with its own venv (mutmut must import the mutated
# copy, which an editable install of argmap would shadow), then prints the survivors;
# `cd THE_COPY && .venv/bin/mutmut show NAME` shows one mutant's diff.
set -euo pipefail
package=${1:-argmap/editing}
tests=${2:-tests/editing}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/argmap-mutation.XXXXXX)
git -C "$root" archive HEAD | tar -x -C "$work"
cat >> "$work/pyproject.toml" <<TOML

[tool.mutmut]
source_paths = ["$package"]
pytest_add_cli_args_test_selection = ["$tests"]
also_copy = ["argmap", "tests"]
TOML
python3.12 -m venv "$work/.venv"
"$work/.venv/bin/pip" install -q "pydantic>=2.6,<3" "networkx>=3.2" pytest hypothesis "mutmut==3.8.1"
cd "$work"
.venv/bin/mutmut run --max-children "${MUTMUT_CHILDREN:-2}" > mutmut.log 2>&1 || true
.venv/bin/mutmut results
echo "copy kept in $work"
