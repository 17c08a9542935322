# Sourced by setup-wine.sh and run-tests.sh: where the Wine tools live and how to find them.
# Expects $root (the project's root). Everything goes under .tools/ (git-ignored).
IOCP4J_TOOLS="$root/.tools"
IOCP4J_WINDOWS_JRE_HOME="$IOCP4J_TOOLS/windows-jre"
IOCP4J_WINDOWS_JAVA="$IOCP4J_WINDOWS_JRE_HOME/bin/java.exe"
IOCP4J_JAVA_SECURITY="$IOCP4J_TOOLS/wine-java.security"
export WINEPREFIX="$IOCP4J_TOOLS/wine-prefix"
export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml="
# No window system is needed: the tests are console programs.
unset DISPLAY

# The Wine loader for 64-bit programs: Debian's wine64 is not on PATH.
wine_binary() {
    local c
    for c in "${IOCP4J_WINE:-}" "$(command -v wine64 2>/dev/null)" /usr/lib/wine/wine64 "$(command -v wine 2>/dev/null)"; do
        if [ -n "$c" ] && [ -x "$c" ]; then
            printf '%s\n' "$c"
            return 0
        fi
    done
    return 0
}

# Waits until the prefix's wineserver has finished its work (after wineboot).
wine_server_wait() {
    local server
    server="$(dirname "$(wine_binary)")/wineserver"
    [ -x "$server" ] || server="$(command -v wineserver 2>/dev/null || true)"
    [ -n "$server" ] && "$server" -w || true
}

unzip_any() {
    if command -v unzip >/dev/null 2>&1; then
        unzip -q "$1"
    else
        jar xf "$1"
    fi
}

write_java_security() {
    cat > "$IOCP4J_JAVA_SECURITY" <<'PROVIDERS'
# Written by scripts/wine/setup-wine.sh. Wine 8.0 lacks GetAnycastIpAddressTable, so the JVM dies
# when the default SecureRandom is seeded from the network interfaces (File.createTempFile,
# UUID.randomUUID, JNA unpacking its native library). With SunMSCAPI first, SecureRandom comes
# from the Windows CryptoAPI instead.
security.provider.1=SunMSCAPI
security.provider.2=SUN
security.provider.3=SunRsaSign
security.provider.4=SunEC
security.provider.5=SunJSSE
security.provider.6=SunJCE
security.provider.7=SunJGSS
security.provider.8=SunSASL
security.provider.9=XMLDSig
security.provider.10=SunPCSC
security.provider.11=JdkLDAP
security.provider.12=JdkSASL
security.provider.13=SunPKCS11
PROVIDERS
}
