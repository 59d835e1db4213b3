# Sourced by scripts/setup-browser.sh, setup-postgres.sh and setup-wordnet.sh: installs Debian
# packages for the test suite with apt-get, as root or through sudo, or stops with one line that
# says what to do instead.
#   apt_install "WHAT IS MISSING AND WHAT TO DO WITHOUT APT-GET" "WHAT IT IS FOR" PACKAGE...
# The first PACKAGE names the install in messages.

apt_install() {
  local missing=$1 purpose=$2
  shift 2
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "groundbrief: error: $missing" >&2
    exit 1
  fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo)
    else
      echo "groundbrief: error: installing $1 needs root; run this script as root or install the Debian package '$1' yourself" >&2
      exit 1
    fi
  fi
  echo "groundbrief: installing Debian $1 for $purpose (one time)" >&2
  # The package lists may be absent or stale on a fresh machine: update first, or install fails.
  # (A package's post-install may start a service, as postgresql's does; harmless: the tests
  # start their own servers on other ports.)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
