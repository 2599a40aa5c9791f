#!/bin/sh
# Glances discovers exports by directory name under glances/exports/.
set -e
target="$(python3 -c 'import glances.exports, os; print(os.path.dirname(glances.exports.__file__))')/glances_clickhouse"
mkdir -p "$target"
cp glances_clickhouse/__init__.py "$target/__init__.py"
echo "installed to $target; run: glances --export clickhouse -C /etc/glances/glances.conf"
