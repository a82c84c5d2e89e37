#!/usr/bin/env bash
# Copies into Sources/XMLValidation/DTD/ exactly the W3C DTD, module and entity files that the
# XHTML report's DTD (-//W3C//DTD XHTML 1.1 plus MathML 2.0 plus SVG 1.1//EN) loads, from
# Debian's w3c-sgml-lib, and writes a catalogue with only the entries that point at them.
# The files are traced, not guessed: xmllint validates a minimal document under strace and every
# file it opens below the package's folder is kept. Needs w3c-sgml-lib, libxml2-utils, strace.
# Run it again only to refresh the copy; xborder and `swift test` never need the package.
set -euo pipefail
cd "$(dirname "$0")/.."

source_root=/usr/share/xml/w3c-sgml-lib/schema/dtd
target=Sources/XMLValidation/DTD
public_id='-//W3C//DTD XHTML 1.1 plus MathML 2.0 plus SVG 1.1//EN'
system_id='http://www.w3.org/2002/04/xhtml-math-svg/xhtml-math-svg.dtd'

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "%s" "%s">\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body><p>t</p></body></html>\n' \
  "$public_id" "$system_id" >"$work/probe.xhtml"
XML_CATALOG_FILES=/etc/xml/catalog strace -f -e trace=openat -o "$work/trace" \
  xmllint --noout --valid --nonet "$work/probe.xhtml"
grep -v ENOENT "$work/trace" | grep -o "\"$source_root/[^\"]*\"" | tr -d '"' \
  | sed "s|^$source_root/||" | grep -v '^catalog.xml$' | sort -u >"$work/files"

rm -rf "$target"
mkdir -p "$target"
while read -r file; do
  mkdir -p "$target/$(dirname "$file")"
  cp "$source_root/$file" "$target/$file"
done <"$work/files"

{
  echo '<?xml version="1.0"?>'
  echo '<!-- The entries of w3c-sgml-lib'"'"'s schema/dtd/catalog.xml that point at the files in this'
  echo '     folder (Scripts/vendor-w3c-dtds.sh). Paths are relative to this file. -->'
  echo '<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">'
  while read -r file; do
    grep -F "uri=\"$file\"" "$source_root/catalog.xml" || true
  done <"$work/files"
  echo '</catalog>'
} >"$target/catalog.xml"

sed -n '/^License: W3C-Software/,/^License: Artistic/p' /usr/share/doc/w3c-sgml-lib/copyright \
  | sed '$d' | sed 's/^ //; s/^\.$//' >"$work/license"
{
  echo "W3C DTDs, modules and entity sets used to validate report.xhtml offline"
  echo "=========================================================================="
  echo
  echo "The files below this folder, except catalog.xml and this notice, are unmodified copies"
  echo "of W3C files as shipped by Debian's w3c-sgml-lib $(dpkg-query -W -f='${Version}' w3c-sgml-lib)"
  echo "(upstream: http://validator.w3.org/dist/sgml-lib.tar.gz), limited to the $(wc -l <"$work/files") files"
  echo "that the DTD '$public_id' loads."
  echo "catalog.xml holds the entries of that package's catalogue which point at them."
  echo "Each file keeps its own W3C copyright notice."
  echo
  echo "Copyright (c) 1994-2010 World Wide Web Consortium, (Massachusetts Institute of Technology,"
  echo "European Research Consortium for Informatics and Mathematics, Keio University)."
  echo "All Rights Reserved. http://www.w3.org/Consortium/Legal/"
  echo
  cat "$work/license"
} >"$target/LICENSE-W3C.txt"

echo "copied $(wc -l <"$work/files") files, $(grep -c '<public\|<system' "$target/catalog.xml") catalogue entries into $target"
