#!/usr/bin/env bash
# Looks at the dashboard in a real xterm under Xvfb, on xterm's default
# white background and on black, and drives the mouse with xdotool; leaves
# PNG screenshots in the output folder (default: docs/screenshots).
#
#   apt-get install xvfb xterm xdotool imagemagick fonts-dejavu-core
#   swift build --product congdanso
#   tools/xterm-check.sh [OUTPUT_FOLDER] [extra dashboard options…]
#
# Not part of `swift test`: run it by hand and look at the pictures.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
shift || true
mkdir -p "$out"
binary=$(swift build --show-bin-path)/congdanso
display=:$(( 90 + RANDOM % 9 ))
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp -noreset >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
export DISPLAY=$display
sleep 1

# start TITLE XTERM-OPTIONS…: the dashboard in a 100x30 xterm
start() {
    local title=$1; shift
    xterm -T "$title" -geometry 100x30+0+0 -fa 'DejaVu Sans Mono:antialias=false' -fs 11 "$@" \
        -e env LANG=C.UTF-8 TERM=xterm-256color "$binary" dashboard --data sample-data "${extra[@]}" &
    xterm_pid=$!
    for _ in $(seq 50); do
        window=$(xdotool search --name "^$title\$" 2>/dev/null | head -1) && [ -n "$window" ] && break
        sleep 0.2
    done
    # Real (XTEST) input goes to the focused window; xterm ignores the
    # synthetic events `xdotool --window` would send.
    xdotool windowfocus --sync "$window" 2>/dev/null || true
    sleep 2
}
# A small PNG (16 colours are plenty for a terminal).
shot() { import -window "$window" -colors 16 "$out/$1.png"; echo "$out/$1.png"; }
stop() { xdotool type q; sleep 0.5; kill $xterm_pid 2>/dev/null || true; wait $xterm_pid 2>/dev/null || true; }

# Cell (column, row), 0-based, to a pointer position in the window.
cell_w=0; cell_h=0
measure() {
    local geometry; geometry=$(xdotool getwindowgeometry "$window" | awk '/Geometry/ {print $2}')
    cell_w=$(( ${geometry%x*} / 100 )); cell_h=$(( ${geometry#*x} / 30 ))
}
# click COLUMN ROW [TIMES]: the left button, TIMES times 80 ms apart.
click() {
    xdotool mousemove --window "$window" $(( $1 * cell_w + cell_w / 2 )) $(( $2 * cell_h + cell_h / 2 ))
    xdotool click --repeat "${3:-1}" --delay 80 1
    sleep 0.5
}

extra=("$@")

# xterm's defaults: black text on white.
start light
shot light-table
xdotool type "?"; sleep 0.5; shot light-help
xdotool key Escape; sleep 0.3
xdotool key Return; sleep 0.5; shot light-detail
stop

# White text on black.
start dark -bg black -fg white
shot dark-table
xdotool key Return; sleep 0.5; shot dark-detail
stop

# The mouse: a header click sorts, a double click opens a row.
start mouse
measure
click 44 4             # the "Hoàn thành" header at 100 columns: sorts by it
shot mouse-sorted
click 44 4             # again: reversed
shot mouse-reversed
click 20 8 2           # a double click on the fourth row opens it
shot mouse-opened
xdotool key Escape; sleep 0.3
click 60 29            # "p dừng" in the hint bar: pauses
shot mouse-paused
stop
