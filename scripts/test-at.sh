#!/usr/bin/env bash
# Runs the test suite with the system clock faked to a chosen instant (Debian's faketime, libfaketime), so a test
# that depends on the day or hour it runs fails here, not on some future morning in CI.
#
#   scripts/test-at.sh "2027-03-28 00:30:00" Europe/Berlin [vitest arguments]   that instant, in that time zone
#   scripts/test-at.sh --hostile N [vitest arguments]                           hostile instant N of the list below
#   scripts/test-at.sh --hostile today [vitest arguments]                       the one chosen by the day of the year
#   scripts/test-at.sh --list                                                   the list
#
# The clock starts at the instant and runs on from there, in every process the suite starts. TEST_DATABASE_URL is
# passed through: on a PostgreSQL server only the app's clock is faked, the server's stays real.
set -euo pipefail
cd "$(dirname "$0")/.."

# Instants chosen to be hostile: weekends, the edge of business hours, DST changes, the year's end, a leap day.
HOSTILE=(
  "2026-12-05 07:52:00|UTC|a Saturday morning"
  "2026-12-10 16:59:00|Pacific/Auckland|Thursday, a minute before the end of the working day"
  "2027-03-28 00:30:00|Europe/Berlin|the night the clocks go forward"
  "2026-12-31 23:59:00|UTC|New Year's Eve, a minute to midnight"
  "2028-02-29 23:30:00|America/Los_Angeles|a leap day, already 1 March in UTC"
  "2027-10-31 01:30:00|Europe/London|the hour that happens twice when the clocks go back"
  "2027-01-04 08:59:00|Asia/Tokyo|Monday, a minute before the working day"
)

usage() {
  sed -n '5,8p' "$0" | sed 's/^#  //' >&2
  exit 2
}

[ $# -ge 1 ] || usage
case "$1" in
  --list)
    for index in "${!HOSTILE[@]}"; do
      IFS='|' read -r instant zone why <<<"${HOSTILE[$index]}"
      printf '%d  %s %s  (%s)\n' "$index" "$instant" "$zone" "$why"
    done
    exit 0
    ;;
  --hostile)
    [ $# -ge 2 ] || usage
    index=$2
    # 10# : the day of the year has leading zeros, which would otherwise read as octal.
    [ "$index" = today ] && index=$((10#$(date -u +%j) % ${#HOSTILE[@]}))
    [[ "$index" =~ ^[0-9]+$ ]] && [ "$index" -lt "${#HOSTILE[@]}" ] || usage
    IFS='|' read -r instant zone why <<<"${HOSTILE[$index]}"
    shift 2
    ;;
  -*) usage ;;
  *)
    [ $# -ge 2 ] || usage
    instant=$1
    zone=$2
    why="chosen"
    shift 2
    ;;
esac

if ! command -v faketime >/dev/null 2>&1; then
  echo "faketime is not installed: apt-get install faketime" >&2
  exit 2
fi
[ -e "/usr/share/zoneinfo/$zone" ] || { echo "unknown time zone: $zone" >&2; exit 2; }

echo "--- tests with the clock at $instant $zone ($why)"
TZ="$zone" exec faketime -f "@$instant" npx vitest run "$@"
