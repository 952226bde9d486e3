#!/usr/bin/env sh
# Print the path of a Python >= 3.12 (3.12 preferred: measured fastest with spaCy here): PATH first, then pyenv's installs (whose shims may fail
# when 3.12 is not pyenv's global version). Exit 1 with advice when there is none.
ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; }
for name in python3.12 python3.13 python3.14 python3 python; do
  p=$(command -v "$name" 2>/dev/null) || continue
  if ok "$p"; then echo "$p"; exit 0; fi
done
root=${PYENV_ROOT:-$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")}
for p in $(ls -d "$root"/versions/3.1[2-9]*/bin/python 2>/dev/null | sort -V); do
  if ok "$p"; then echo "$p"; exit 0; fi
done
echo "dateline needs Python >= 3.12 and found none on PATH or in pyenv ($root/versions)." >&2
echo "Install one (e.g. 'pyenv install 3.12', 'apt-get install python3.12 python3.12-venv', or python.org), then re-run make." >&2
exit 1
