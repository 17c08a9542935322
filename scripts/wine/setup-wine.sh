#!/usr/bin/env bash
# Installs what the Windows backend's tests need on Linux, idempotently:
#   1. Wine from Debian (wine64 + wine), as root, non-interactively, if missing;
#   2. the Windows x64 Temurin 21 JRE, fetched from Maven Central with Maven (the coordinate is
#      pinned in windows-backend/pom.xml, property windows.jre.artifact) and unzipped into
#      .tools/windows-jre/ (git-ignored);
#   3. a Wine prefix in .tools/wine-prefix/;
#   4. a java.security override working around Wine 8.0's missing GetAnycastIpAddressTable
#      (see docs/windows.md).
# Every step is skipped when its result is already there. Run it from anywhere:
#   bash scripts/wine/setup-wine.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=scripts/wine/wine-env.sh
. "$root/scripts/wine/wine-env.sh"
start=$SECONDS

step() { printf '[setup-wine] %s\n' "$*"; }

# 1. Wine.
if [ -z "$(wine_binary)" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        step "Wine is missing and this is not root: run as root, or install the Debian packages wine64 and wine" >&2
        exit 1
    fi
    step "installing Wine from Debian (wine64, wine)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends wine64 wine
    [ -n "$(wine_binary)" ] || { step "Wine installed but no wine64 binary found" >&2; exit 1; }
fi
step "Wine: $(wine_binary) ($("$(wine_binary)" --version 2>/dev/null || echo unknown version))"

# 2. The Windows JRE.
if [ ! -f "$IOCP4J_WINDOWS_JAVA" ]; then
    artifact="$(sed -n 's:.*<windows.jre.artifact>\(.*\)</windows.jre.artifact>.*:\1:p' "$root/windows-backend/pom.xml")"
    [ -n "$artifact" ] || { step "no windows.jre.artifact property in windows-backend/pom.xml" >&2; exit 1; }
    step "fetching the Windows JRE $artifact with Maven"
    download="$IOCP4J_TOOLS/download"
    rm -rf "$download" "$IOCP4J_WINDOWS_JRE_HOME.unpack"
    mkdir -p "$download"
    # dependency:copy resolves to the plugin version pinned in the parent POM.
    mvn -B -q -N -Dstyle.color=never -f "$root/windows-backend/pom.xml" dependency:copy \
        -Dartifact="$artifact" -DoutputDirectory="$download"
    zip="$(ls "$download"/*.zip)"
    mkdir -p "$IOCP4J_WINDOWS_JRE_HOME.unpack"
    # unzip is not on every machine; the JDK's jar tool is (Maven needs a JDK).
    (cd "$IOCP4J_WINDOWS_JRE_HOME.unpack" && unzip_any "$zip")
    jre="$(dirname "$(dirname "$(find "$IOCP4J_WINDOWS_JRE_HOME.unpack" -path '*/bin/java.exe' | head -n 1)")")"
    rm -rf "$IOCP4J_WINDOWS_JRE_HOME"
    mv "$jre" "$IOCP4J_WINDOWS_JRE_HOME"
    rm -rf "$IOCP4J_WINDOWS_JRE_HOME.unpack" "$download"
    [ -f "$IOCP4J_WINDOWS_JAVA" ] || { step "the zip held no bin/java.exe" >&2; exit 1; }
fi
step "Windows JRE: $IOCP4J_WINDOWS_JRE_HOME"

# 3. The Wine prefix.
if [ ! -f "$WINEPREFIX/system.reg" ]; then
    step "creating the Wine prefix $WINEPREFIX"
    mkdir -p "$WINEPREFIX"
    "$(wine_binary)" wineboot -i >/dev/null 2>&1
    wine_server_wait
fi
step "Wine prefix: $WINEPREFIX"

# 4. The java.security override: SunMSCAPI first, so seeding SecureRandom does not touch the
#    network-interface calls Wine 8.0 lacks.
write_java_security
step "java.security override: $IOCP4J_JAVA_SECURITY"

step "done in $((SECONDS - start)) s"
