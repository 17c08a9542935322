#!/usr/bin/env bash
# Prepares this machine to build and test iocp4j: Maven, a JDK >= 21 where
# maven-toolchains-plugin's discovery finds it (the JDK that runs Maven may be older), and, off
# Windows, Wine with a Windows JVM for the Windows backend's tests (scripts/wine/setup-wine.sh).
# Idempotent: when everything is there it only looks, in a few seconds.
# Installs with the machine's package tool (apt-get) when it can; otherwise it stops with
# a message saying what is missing and what to do.
set -euo pipefail

readonly MIN_JDK=21
# Where maven-toolchains-plugin 3.2.0 (select-jdk-toolchain) looks for JDKs on Linux, besides
# JAVA_HOME and JAVA<n>_HOME: these folders' children, and ~/.jdks, ~/.sdkman, ...
readonly JDK_PARENTS=(/usr/lib/jvm /opt/java /usr/java /usr/jdk "$HOME/.jdks" "$HOME/.sdkman/candidates/java")
# Packages to try, newest first; Debian 12 has none of them, newer Debian and Ubuntu do, and
# temurin-* comes from Adoptium's apt repository where a machine has it configured.
readonly JDK_PACKAGES=(openjdk-25-jdk-headless temurin-25-jdk openjdk-21-jdk-headless temurin-21-jdk)

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: ERROR: %s\n' "$*" >&2; exit 1; }

# The feature version (17, 21, 25, ...) of the JDK at $1, or nothing if it is not a usable JDK.
jdk_feature() {
  local home=$1 v=""
  [[ -x $home/bin/java && -x $home/bin/javac ]] || return 0
  if [[ -r $home/release ]]; then
    v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  fi
  if [[ -z $v ]]; then
    v=$("$home/bin/java" -XshowSettings:properties -version 2>&1 |
        sed -n 's/^ *java.specification.version = //p')
  fi
  v=${v#1.}
  printf '%s' "${v%%[.+-]*}"
}

# Prints "<feature> <home>" of the newest discoverable JDK >= MIN_JDK, or nothing.
find_jdk() {
  local best=0 best_home="" home f
  local candidates=()
  for parent in "${JDK_PARENTS[@]}"; do
    [[ -d $parent ]] || continue
    for home in "$parent"/*; do candidates+=("$home"); done
  done
  [[ -n ${JAVA_HOME:-} ]] && candidates+=("$JAVA_HOME")
  for home in "${candidates[@]}"; do
    f=$(jdk_feature "$home")
    if [[ $f =~ ^[0-9]+$ ]] && (( f >= MIN_JDK && f > best )); then
      best=$f best_home=$home
    fi
  done
  (( best > 0 )) && printf '%s %s\n' "$best" "$best_home"
  return 0
}

can_install() { command -v apt-get >/dev/null && [[ $(id -u) == 0 ]]; }

apt_updated=false
apt_install() {
  if ! $apt_updated; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null
    apt_updated=true
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" </dev/null
}

has_candidate() { [[ $(apt-cache policy "$1" 2>/dev/null | sed -n 's/^ *Candidate: //p') =~ ^[0-9] ]]; }

ensure_maven() {
  if ! command -v mvn >/dev/null; then
    can_install || die "Maven (mvn) is missing and this script cannot install it here; install Maven 3.6.3 or newer"
    say "installing Maven"
    apt_install maven
  fi
}

ensure_jdk() {
  local found
  found=$(find_jdk)
  if [[ -z $found ]] && can_install; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null
    apt_updated=true
    for pkg in "${JDK_PACKAGES[@]}"; do
      if has_candidate "$pkg"; then
        say "no JDK >= $MIN_JDK found; installing $pkg"
        apt_install "$pkg"
        found=$(find_jdk)
        break
      fi
    done
  fi
  [[ -n $found ]] || die "iocp4j needs a JDK $MIN_JDK or newer (with javac) for Maven's toolchains plugin to find.
  None is in ${JDK_PARENTS[*]} or \$JAVA_HOME, and none of ${JDK_PACKAGES[*]}
  can be installed from this machine's package sources. Unpack a JDK >= $MIN_JDK (e.g. Temurin 21
  or 25) into /usr/lib/jvm/<name> or ~/.jdks/<name>, then run this script again."
  say "JDK ${found%% *} at ${found#* } (maven-toolchains-plugin discovers it)"
}

ensure_wine() {
  case "$(uname -s)" in
    MINGW* | MSYS* | CYGWIN* | Windows_NT) return 0 ;; # the Windows backend's tests run natively
  esac
  bash "$(dirname "${BASH_SOURCE[0]}")/wine/setup-wine.sh"
}

ensure_maven
ensure_jdk
ensure_wine
say "Maven: $(mvn -v 2>/dev/null | sed -n 's/\x1b\[[0-9;]*m//g; 1s/^Apache Maven \([^ ]*\).*/\1/p'), run by $(java -version 2>&1 | head -1)"
