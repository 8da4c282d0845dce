# Sourced by bin/castline-local and .ci/run: points JAVA_HOME (and PATH) at a JDK >= 21, since the
# machine's default java may be older. Prefers JAVA_HOME when it qualifies, else the newest JDK in
# the system's JVM folder; as a last resort tries Debian's packages.
_castline_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1
}
_castline_pick_jdk() {
  local candidate best="" best_major=0 major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(_castline_java_major "$candidate") || continue
    if [ "${major:-0}" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then
      best="$candidate"; best_major=$major
    fi
  done
  [ -n "$best" ] && echo "$best"
}
if ! _castline_jdk=$(_castline_pick_jdk); then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "No JDK 21 or newer found; trying Debian's packages." >&2
    apt-get update -qq >/dev/null && { apt-get install -y -qq openjdk-21-jdk-headless >/dev/null 2>&1 \
      || apt-get install -y -qq openjdk-25-jdk-headless >/dev/null 2>&1; } || true
  fi
  _castline_jdk=$(_castline_pick_jdk) || { echo "Castline needs JDK 21 or newer: install one or set JAVA_HOME." >&2; return 1 2>/dev/null || exit 1; }
fi
export JAVA_HOME="$_castline_jdk"
export PATH="$JAVA_HOME/bin:$PATH"
