#!/usr/bin/env bash
# Installs the Debian 12 packages Maturity Workbench needs (only those missing), then configures and builds
# one CMake preset. Usage: scripts/setup.sh PRESET [test]
set -euo pipefail
cd "$(dirname "$0")/.."

preset="${1:-release}"
want_test_tools="${2:-}"

packages=(build-essential cmake ninja-build pkg-config git
          qt6-base-dev qt6-base-dev-tools qt6-svg-dev libgl-dev
          libsqlitecpp-dev libsqlite3-dev nlohmann-json3-dev catch2 libxlsxwriter-dev
          libcpp-httplib-dev libsodium-dev libqrencode-dev libmagic-dev libzip-dev libpq-dev
          fonts-dejavu-core fonts-noto-cjk)
if [ "$want_test_tools" = "test" ]; then
  # The report tests read PDFs with poppler and qpdf and open ODT/XLSX files in LibreOffice.
  packages+=(poppler-utils qpdf libreoffice-writer-nogui libreoffice-calc-nogui xvfb xauth)
  # The phone page is tested in a real browser: headless Chromium driven through Selenium.
  packages+=(chromium chromium-driver python3-selenium)
  # The workbook is read back with openpyxl (validations, formats, formulas, paper).
  packages+=(python3-openpyxl)
  # The DOCX report is read back with python-docx (heading styles, sections, header text).
  packages+=(python3-docx)
  # The join slide's QR code is read back with zbarimg.
  packages+=(zbar-tools)
  # The team hub's tests start a real PostgreSQL 15 server of their own (initdb and pg_ctl).
  packages+=(postgresql-15)
  # The fuzz targets: clang-16 with libc++ and its sanitizer and libFuzzer runtimes.
  packages+=(clang-16 libc++-16-dev libc++abi-16-dev libfuzzer-16-dev libclang-rt-16-dev)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing missing Debian packages: ${missing[*]}"
  as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "error: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
    as_root=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# PostgreSQL refuses to run as root: as root, the hub tests run its server as this unprivileged user.
if [ "$want_test_tools" = "test" ] && [ "$(id -u)" -eq 0 ] && ! id mw-hub-test >/dev/null 2>&1; then
  useradd --system --no-create-home --shell /usr/sbin/nologin mw-hub-test
fi

cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)"
