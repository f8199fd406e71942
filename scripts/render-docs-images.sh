#!/bin/sh
# Regenerates the screenshots in docs/img/ from the seed report:
#   seed-pdf-page1.png, seed-pdf-table3.png     the PDF writer (ReportLab), page 1 and the
#                                               page holding 表三
#   seed-docx-page1.png, seed-docx-table3.png   the DOCX writer, rendered by LibreOffice
#                                               (skipped when soffice is not installed)
# Needs `make install` (fonts, poppler-utils; libreoffice-writer-nogui for the DOCX images).
# Usage: scripts/render-docs-images.sh [SEED_REPORT]
set -eu
cd "$(dirname "$0")/.."

SEED=${1:-../shared/corpus/seed/000_48de57da75f02281.txt}
OUT=docs/img
DPI=80
PY=.venv/bin/python

[ -f "$SEED" ] || { echo "render-docs-images: no seed report at $SEED" >&2; exit 1; }
command -v pdftoppm >/dev/null 2>&1 || { echo "render-docs-images: pdftoppm missing (make install)" >&2; exit 1; }

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"

# page N of PDF → PNG (pdftoppm names the file itself; -singlefile keeps the name exact)
page_png() {  # pdf page out.png
  pdftoppm -png -r "$DPI" -f "$2" -l "$2" -singlefile "$1" "${3%.png}"
}

# the first page whose text holds 表三 (the caption of table 三), 1-based
table3_page() {  # pdf
  "$PY" - "$1" <<'EOF'
import sys
import pypdfium2 as pdfium

doc = pdfium.PdfDocument(sys.argv[1])
for number, page in enumerate(doc, start=1):
    if "表三" in "".join(page.get_textpage().get_text_range().split()):
        print(number)
        break
else:
    print(1)
EOF
}

"$PY" - "$SEED" "$TMP/seed.pdf" <<'EOF'
import sys
from pathlib import Path

from gongkai.report import read_path
from gongkai.report.writers.pdf import write_pdf

Path(sys.argv[2]).write_bytes(write_pdf(read_path(sys.argv[1])))
EOF
page_png "$TMP/seed.pdf" 1 "$OUT/seed-pdf-page1.png"
page_png "$TMP/seed.pdf" "$(table3_page "$TMP/seed.pdf")" "$OUT/seed-pdf-table3.png"
echo "render-docs-images: $OUT/seed-pdf-page1.png $OUT/seed-pdf-table3.png"

if [ ! -f gongkai/report/writers/docx/__init__.py ]; then
  echo "render-docs-images: no DOCX writer yet; DOCX images skipped"
  exit 0
fi
if ! command -v soffice >/dev/null 2>&1; then
  echo "render-docs-images: soffice missing (libreoffice-writer-nogui); DOCX images skipped"
  exit 0
fi
mkdir "$TMP/docx"
"$PY" - "$SEED" "$TMP/docx/seed.docx" <<'EOF'
import sys
from pathlib import Path

from gongkai.report import read_path
from gongkai.report.writers.docx import write_docx

Path(sys.argv[2]).write_bytes(write_docx(read_path(sys.argv[1])))
EOF
# The DOCX names the official faces (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312, 宋体); where
# they are absent, map them to the same free stand-ins the PDF writer uses, for this run only.
cat >"$TMP/fonts.conf" <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <match target="pattern">
    <test name="family"><string>方正小标宋简体</string></test>
    <edit name="family" mode="append" binding="same"><string>Noto Serif CJK SC</string></edit>
    <edit name="weight" mode="assign"><const>bold</const></edit>
  </match>
  <alias binding="same"><family>仿宋_GB2312</family><accept><family>Noto Serif CJK SC</family></accept></alias>
  <alias binding="same"><family>仿宋</family><accept><family>Noto Serif CJK SC</family></accept></alias>
  <alias binding="same"><family>宋体</family><accept><family>Noto Serif CJK SC</family></accept></alias>
  <alias binding="same"><family>黑体</family><accept><family>Noto Sans CJK SC</family></accept></alias>
  <alias binding="same"><family>楷体_GB2312</family><accept><family>AR PL UKai CN</family></accept></alias>
  <alias binding="same"><family>楷体</family><accept><family>AR PL UKai CN</family></accept></alias>
</fontconfig>
EOF
# A private profile directory: no clash with a running LibreOffice, nothing left in $HOME.
FONTCONFIG_FILE="$TMP/fonts.conf" soffice --headless "-env:UserInstallation=file://$TMP/profile" --convert-to pdf \
  --outdir "$TMP/docx" "$TMP/docx/seed.docx" >"$TMP/soffice.log" 2>&1 || true
DOCX_PDF="$TMP/docx/seed.pdf"
if [ ! -f "$DOCX_PDF" ]; then
  echo "render-docs-images: LibreOffice did not convert the DOCX:" >&2
  cat "$TMP/soffice.log" >&2
  exit 1
fi
page_png "$DOCX_PDF" 1 "$OUT/seed-docx-page1.png"
page_png "$DOCX_PDF" "$(table3_page "$DOCX_PDF")" "$OUT/seed-docx-table3.png"
echo "render-docs-images: $OUT/seed-docx-page1.png $OUT/seed-docx-table3.png"

# The platform (issue 4): the browser test's screenshots of the public application form, the
# office dashboard and the answer letter (its PDF through pdftoppm).
GONGKAI_SCREENSHOTS="$TMP/browser" $PY -m pytest -p no:xdist -q tests/browser >/dev/null
for name in portal-apply office-dashboard answer-letter; do
  cp "$TMP/browser/$name.png" "$OUT/$name.png"
done
echo "render-docs-images: wrote the platform screenshots to $OUT"
