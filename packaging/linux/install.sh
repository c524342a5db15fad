#!/bin/sh
# Install (or upgrade) the counter program for every user of this computer, from the unpacked
# one-folder build:   sudo ./install.sh            (into /opt/bianmin)
#                     sudo ./install.sh /opt/other  (elsewhere)
# The stations' data stays where it is (each user's ~/.local/share/bianmin); an upgrade replaces
# the program only, keeps the previous one as PREFIX.previous, and runs the self-test at the end.
# See docs/packaging.md.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX=${1:-/opt/bianmin}
# DESTDIR: install under another root (a package build, or the tests); empty on a station PC.
ROOT=${DESTDIR:-}

if [ ! -x "$HERE/bianmin" ] || [ ! -d "$HERE/_internal" ]; then
    echo "请在解压后的 bianmin 文件夹里运行本脚本（这里找不到 bianmin 程序）。" >&2
    exit 2
fi
if [ "$HERE" = "$PREFIX" ]; then
    echo "程序已在 $PREFIX，无需再安装。" >&2
    exit 2
fi

# Copy first, switch after: a copy cut short (a full disk, a pulled USB stick) leaves the
# installed program as it was.
TARGET=$ROOT$PREFIX
rm -rf "$TARGET.new"
mkdir -p "$TARGET.new"
cp -a "$HERE/." "$TARGET.new/"
if [ -d "$TARGET" ]; then
    rm -rf "$TARGET.previous"
    mv "$TARGET" "$TARGET.previous"
fi
mv "$TARGET.new" "$TARGET"

mkdir -p "$ROOT/usr/local/bin" "$ROOT/usr/share/applications"
ln -sf "$PREFIX/bianmin" "$ROOT/usr/local/bin/bianmin"
sed "s|^Exec=.*|Exec=$PREFIX/bianmin|" "$HERE/bianmin.desktop" > "$ROOT/usr/share/applications/bianmin.desktop"
chmod 644 "$ROOT/usr/share/applications/bianmin.desktop"
for size in 16 24 32 48 64 128 256; do
    dir=$ROOT/usr/share/icons/hicolor/${size}x${size}/apps
    mkdir -p "$dir"
    cp "$HERE/icons/bianmin-$size.png" "$dir/bianmin.png"
    chmod 644 "$dir/bianmin.png"
done
if [ -z "$ROOT" ]; then
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q /usr/share/applications || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q /usr/share/icons/hicolor || true
fi

echo "已安装到 $PREFIX。下面运行安装自检："
"$TARGET/bianmin" --self-test
