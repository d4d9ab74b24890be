# Sourced by ./mvnw and ./run-local. The project targets Java 21: when JAVA_HOME is unset and the default `java` is
# older than 21, use the newest JDK 21+ installed in the usual places. An explicit JAVA_HOME is always respected.

receivables_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

if [ -z "${JAVA_HOME:-}" ]; then
  current_major=0
  if command -v java >/dev/null 2>&1; then
    current_major=$(receivables_java_major java)
  fi
  if [ "${current_major:-0}" -lt 21 ]; then
    best_home=""
    best_major=0
    case $- in *f*) receivables_noglob=1; set +f ;; *) receivables_noglob=0 ;; esac
    for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home /opt/java/* "$HOME"/.sdkman/candidates/java/*; do
      [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
      major=$(receivables_java_major "$candidate/bin/java")
      if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
        best_home=$candidate
        best_major=$major
      fi
    done
    [ "$receivables_noglob" = 1 ] && set -f
    if [ -n "$best_home" ]; then
      export JAVA_HOME="$best_home"
      export PATH="$JAVA_HOME/bin:$PATH"
    else
      echo "This project needs a JDK 21 or newer; none found. Install one and set JAVA_HOME." >&2
    fi
  fi
fi
