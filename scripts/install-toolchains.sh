#!/usr/bin/env bash
# Installs the toolchains `npm run verify` runs the generated programs with, on Debian 12 as
# root: Go, PHP with ext-curl, Python 3, a JDK (java, javac, keytool), curl, openssl; chromium
# for the site's browser tests; pymdown-extensions for the MkDocs embedding test. Only what is
# missing is installed; running it again changes nothing. The .NET 10 SDK is not in Debian:
# see docs/verify.md.
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
  echo "install-toolchains: run as root (e.g. sudo $0)" >&2
  exit 1
fi

# command → Debian package that provides it.
declare -A wanted=(
  [go]=golang-go
  [php]=php-cli
  [python3]=python3
  [javac]=default-jdk-headless
  [curl]=curl
  [openssl]=openssl
  [chromium]=chromium
)

missing=()
for command in "${!wanted[@]}"; do
  command -v "$command" >/dev/null 2>&1 || missing+=("${wanted[$command]}")
done

# The MkDocs embedding test renders with Debian's Python-Markdown and pymdown-extensions.
if ! /usr/bin/python3 -c 'import pymdownx' >/dev/null 2>&1; then
  missing+=(python3-pymdownx)
fi

# The programs call curl_init, so PHP without ext-curl is as good as no PHP.
if command -v php >/dev/null 2>&1 && ! php -r 'exit(extension_loaded("curl") ? 0 : 1);'; then
  missing+=(php-curl)
elif ! command -v php >/dev/null 2>&1; then
  missing+=(php-curl)
fi

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-toolchains: everything is already installed"
else
  mapfile -t packages < <(printf '%s\n' "${missing[@]}" | sort -u)
  echo "install-toolchains: installing ${packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # Recommended packages stay in: Chromium's fonts among them, which the screenshots and the
  # accessibility checks rely on.
  apt-get install -y -qq "${packages[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "install-toolchains: dotnet is missing; install the .NET 10 SDK (see docs/verify.md)," \
    "or the C# runs are skipped (and fail with --strict)" >&2
fi
