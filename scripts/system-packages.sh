#!/bin/sh
# The Debian packages gongkai needs outside Python. `make install` runs this once.
#
#   fonts-arphic-uming   宋体 (and the stand-in for 仿宋 and 小标宋) → AR PL UMing CN
#   fonts-arphic-ukai    楷体 → AR PL UKai CN
#   fonts-wqy-zenhei     黑体 → WenQuanYi Zen Hei
#                        (TrueType: the PDF writer's ReportLab embeds TrueType outlines only;
#                        Debian has no free 仿宋, so 仿宋 text is set in the 宋体 above)
#   fonts-noto-cjk       Noto Serif/Sans CJK SC: the official faces' stand-ins when LibreOffice
#                        renders the DOCX for the docs' screenshots (scripts/render-docs-images.sh)
#   poppler-utils        pdftoppm: PDF pages to PNG for the docs (scripts/render-docs-images.sh)
#   gettext              msgfmt: compiles the interface's translations (make install)
#   chromium             the browser the Playwright tests drive (/usr/bin/chromium; never downloaded)
#   libreoffice-writer-nogui   optional: DOCX to PDF for the docs' screenshots
#   wrk                  optional: the HTTP load generator of `make bench` (platform requests/s)
#
# Idempotent and quiet: installs only what `dpkg -s` does not find. As root it uses apt-get
# directly, otherwise sudo without a password; with neither it prints one line saying what to
# install and exits 0.
set -eu

REQUIRED="fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei fonts-noto-cjk poppler-utils gettext chromium"
OPTIONAL="libreoffice-writer-nogui wrk"

missing=""
for package in $REQUIRED $OPTIONAL; do
  dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"
done
[ -n "$missing" ] || exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "gongkai: not a Debian system; please install the equivalents of:$missing"
  exit 0
fi
if [ "$(id -u)" = 0 ]; then
  as_root=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root="sudo -n"
else
  echo "gongkai: please install (as root): apt-get install --no-install-recommends$missing"
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
apt_get() {
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get -qq -o Dpkg::Use-Pty=0 "$@"
}

# A package is installable when apt knows a candidate for it; refresh the lists once if not.
candidate() {
  apt-cache policy "$1" 2>/dev/null | grep -q 'Candidate: [0-9]'
}
refreshed=""
for package in $missing; do
  if ! candidate "$package"; then
    apt_get update >/dev/null
    refreshed=1
    break
  fi
done

install=""
for package in $missing; do
  case " $OPTIONAL " in
    *" $package "*)
      if candidate "$package"; then
        install="$install $package"
      else
        echo "gongkai: optional package $package is not available here; skipped (DOCX screenshots need it)"
      fi
      ;;
    *) install="$install $package" ;;
  esac
done
[ -n "$install" ] || exit 0

echo "gongkai: installing Debian packages:$install"
# shellcheck disable=SC2086  # word splitting of the package list is intended
if ! apt_get install -y --no-install-recommends $install >/dev/null 2>&1; then
  [ -n "$refreshed" ] || apt_get update >/dev/null
  # shellcheck disable=SC2086
  apt_get install -y --no-install-recommends $install >/dev/null
fi
# New fonts are seen by fontconfig after its cache is rebuilt (the font packages' triggers
# normally do this; run it again in case triggers were deferred).
if command -v fc-cache >/dev/null 2>&1; then
  $as_root fc-cache -s >/dev/null 2>&1 || true
fi
