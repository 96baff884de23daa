#!/usr/bin/env bash
# Makes congdanso's man page and its bash, zsh and fish completions from the
# command definitions (swift-argument-parser), into OUT (default: .build/docs):
#
#   OUT/man/man1/congdanso.1
#   OUT/completions/congdanso.bash   (bash-completion)
#   OUT/completions/_congdanso       (zsh)
#   OUT/completions/congdanso.fish   (fish)
#
# Usage: tools/make_docs.sh [OUT] [BINARY]
#   BINARY: a built congdanso, e.g. the installed one (default: `swift build`'s
#   debug build; the page and the scripts are the same from any build).
#
# The man page comes from argument-parser's generate-manual tool (the same one
# its `swift package generate-manual` plugin runs). That tool drops every
# non-ASCII letter ("Công dân số" comes out "Cng dn s"), so the tool is given a
# wrapper of the binary that spells each such letter as an ASCII placeholder,
# and the placeholders become groff's \[uXXXX] afterwards: the page keeps its
# Vietnamese.
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-.build/docs}"
binary="${2:-}"
if [ -z "$binary" ]; then
    swift build --product congdanso >&2
    binary="$(swift build --show-bin-path)/congdanso"
fi
binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"
swift build --product generate-manual >&2
generator="$(swift build --show-bin-path)/generate-manual"

mkdir -p "$out/man/man1" "$out/completions"
"$binary" --generate-completion-script bash >"$out/completions/congdanso.bash"
"$binary" --generate-completion-script zsh >"$out/completions/_congdanso"
"$binary" --generate-completion-script fish >"$out/completions/congdanso.fish"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The wrapper must be called congdanso: the page is named after the tool.
cat >"$work/congdanso" <<WRAPPER
#!/usr/bin/env python3
import subprocess, sys
result = subprocess.run(["$binary"] + sys.argv[1:], capture_output=True)
text = result.stdout.decode("utf-8")
if "--experimental-dump-help" in sys.argv:
    text = "".join(c if ord(c) < 128 else "QQU%04XQQ" % ord(c) for c in text)
sys.stdout.write(text)
sys.stderr.write(result.stderr.decode("utf-8", "replace"))
sys.exit(result.returncode)
WRAPPER
chmod +x "$work/congdanso"
# The page's date: the last commit's, so that the page only changes with the code.
date="$(git log -1 --format=%cs 2>/dev/null || date +%F)"
"$generator" "$work/congdanso" --date "$date" --output-directory "$work" >&2
# Placeholders to \[uXXXX]; blank lines (mdoc warns about them) to paragraph
# breaks; the footer names the version.
version="$("$binary" --version)"
sed -E -e 's/QQU([0-9A-F]{4,6})QQ/\\[u\1]/g' -e 's/^$/.Pp/' -e "s/^\\.Os\$/.Os congdanso $version/" \
    "$work/congdanso.1" >"$out/man/man1/congdanso.1"

echo "$out/man/man1/congdanso.1"
echo "$out/completions/congdanso.bash"
echo "$out/completions/_congdanso"
echo "$out/completions/congdanso.fish"
