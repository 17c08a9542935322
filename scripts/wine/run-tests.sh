#!/usr/bin/env bash
# Runs a module's JUnit tests on the Windows JVM under Wine, with the JUnit Platform console
# launcher. Called by `mvn verify` (windows-backend/pom.xml, integration-test phase) after Maven
# wrote target/wine/test-classpath.txt and target/wine/junit-platform-console-standalone.jar.
#   bash scripts/wine/run-tests.sh <module-dir>
# Missing Wine or the Windows runtime: installed here by scripts/wine/setup-wine.sh (as root, about
# a minute, once), so `mvn verify` needs nothing installed by hand. Set IOCP4J_NO_WINE_SETUP=1 to
# skip that. If they are still missing: with CI=true the build fails; otherwise the tests are
# skipped with a loud message naming the set-up command.
# Exits with the launcher's code: non-zero when a test failed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
module="$(cd "${1:?usage: run-tests.sh <module-dir>}" && pwd)"
# shellcheck source=scripts/wine/wine-env.sh
. "$root/scripts/wine/wine-env.sh"
target="$module/target"
say() { printf '[wine-tests] %s\n' "$*"; }

check_missing() {
missing=()
[ -n "$(wine_binary)" ] || missing+=("Wine (Debian packages wine64 and wine)")
[ -f "$IOCP4J_WINDOWS_JAVA" ] || missing+=("the Windows Java runtime ($IOCP4J_WINDOWS_JAVA)")
[ -f "$WINEPREFIX/system.reg" ] || missing+=("the Wine prefix ($WINEPREFIX)")
[ -f "$IOCP4J_JAVA_SECURITY" ] || missing+=("the java.security override ($IOCP4J_JAVA_SECURITY)")
}
check_missing
if [ "${#missing[@]}" -gt 0 ] && [ "${IOCP4J_NO_WINE_SETUP:-}" != "1" ] && [ "$(id -u)" -eq 0 ]; then
    say "setting up Wine and the Windows runtime (once): bash scripts/wine/setup-wine.sh"
    bash "$root/scripts/wine/setup-wine.sh" || say "set-up failed (see above)" >&2
    check_missing
fi
if [ "${#missing[@]}" -gt 0 ]; then
    bar='!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!'
    printf '%s\n' "$bar" >&2
    say "the Windows backend's tests need Wine and a Windows JVM; missing:" >&2
    for m in "${missing[@]}"; do say "  - $m" >&2; done
    say "install them with:  bash scripts/wine/setup-wine.sh   (as root; about a minute)" >&2
    if [ "${CI:-}" = "true" ]; then
        say "CI=true: failing, because CI must run these tests" >&2
        printf '%s\n' "$bar" >&2
        exit 1
    fi
    say "SKIPPING the Windows backend's tests (set CI=true to make this an error)" >&2
    printf '%s\n' "$bar" >&2
    exit 0
fi
if [ ! -d "$target/test-classes" ]; then
    say "no compiled tests in $target/test-classes (maven.test.skip?): nothing to run"
    exit 0
fi

# Linux paths seen from Windows: Wine maps / to drive Z:.
win() { printf 'Z:%s' "$1"; }
cp="$(win "$target/test-classes");$(win "$target/classes")"
IFS=: read -r -a deps < "$target/wine/test-classpath.txt" || true  # no newline at its end
for d in "${deps[@]}"; do
    [ -n "$d" ] && cp="$cp;$(win "$d")"
done

reports="$target/wine-reports"
rm -rf "$reports"
mkdir -p "$reports"
log="$target/wine/console.txt"
say "running on $("$(wine_binary)" --version 2>/dev/null) with $IOCP4J_WINDOWS_JAVA"
start=$SECONDS
set +e
"$(wine_binary)" "$IOCP4J_WINDOWS_JAVA" -XX:-PrintWarnings \
    "-Djava.security.properties=$(win "$IOCP4J_JAVA_SECURITY")" -Djna.nosys=true \
    -jar "$(win "$target/wine/junit-platform-console-standalone.jar")" execute \
    --disable-banner --disable-ansi-colors --details=tree --fail-if-no-tests \
    --class-path "$cp" --scan-class-path "$(win "$target/test-classes")" \
    --exclude-classname '.*OffWindowsTest' \
    --reports-dir "$(win "$reports")" 2>&1 | tee "$log"
code=${PIPESTATUS[0]}
set -e
count() {
    local n
    n="$(tr -d '\r' < "$log" | sed -n "s/^\[ *\([0-9][0-9]*\) tests $1 *\]\$/\1/p" | tail -n 1)"
    echo "${n:-0}"
}
passed="$(count successful)"; failed="$(count failed)"
# JUnit calls a test whose assumption failed "aborted": that is a skip with its reason.
skipped=$(( $(count skipped) + $(count aborted) ))
say "Wine run took $((SECONDS - start)) s; JUnit XML in $reports"
echo "wine: ${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$code"
