#!/usr/bin/env bash
# Sets up what the Spark job needs: a Java runtime (Debian's openjdk-17-jre-headless, only
# when `java` is missing; installing it needs root) and PySpark from PyPI, pinned, in a
# virtual environment (default contrib/spark/.venv, or the directory given as $1).
#
#     bash contrib/spark/setup.sh && contrib/spark/.venv/bin/python contrib/spark/crosscheck_spark.py --help
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="${1:-$here/.venv}"
PYSPARK_VERSION=3.5.5

if ! command -v java >/dev/null 2>&1; then
  echo "setup: installing openjdk-17-jre-headless" >&2
  sudo_=""
  [ "$(id -u)" -eq 0 ] || sudo_=sudo
  $sudo_ apt-get update -qq
  # the package's postinst wants man page folders that slim images leave out
  $sudo_ mkdir -p /usr/share/man/man1
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq --no-install-recommends \
    openjdk-17-jre-headless >/dev/null
fi
if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  echo "setup: installing python3-venv" >&2
  sudo_=""
  [ "$(id -u)" -eq 0 ] || sudo_=sudo
  $sudo_ apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq python3-venv >/dev/null
fi
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')" 2>/dev/null; then
  echo "setup: installing pyspark==$PYSPARK_VERSION into $venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check "pyspark==$PYSPARK_VERSION"
fi
java -version 2>&1 | head -1 >&2
echo "setup: $("$venv/bin/python" -c 'import pyspark; print("pyspark", pyspark.__version__)') in $venv" >&2
