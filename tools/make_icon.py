"""Draw the program's icon (resources/icons/): `python tools/make_icon.py`.

A blue rounded square with a golden counter top and 便民 in white, drawn with Pillow and the
bundled fonts, as PNGs for the Linux desktop entry and the window, and an .ico for Windows.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int = 1024) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(image)
    pad = size // 16
    d.rounded_rectangle((pad, pad, size - pad, size - pad), radius=size // 5, fill=(28, 78, 128, 255))
    # the counter: a golden top with its front below
    top = int(size * 0.66)
    d.rounded_rectangle((int(size * 0.17), top, int(size * 0.83), top + size // 14), radius=size // 40,
                        fill=(236, 178, 46, 255))
    d.rectangle((int(size * 0.23), top + size // 14, int(size * 0.77), int(size * 0.82)), fill=(214, 228, 240, 255))
    font = ImageFont.truetype(str(ROOT / "resources" / "fonts" / "DroidSansFallbackFull.ttf"), int(size * 0.33))
    d.text((size / 2, size * 0.40), "便民", font=font, fill=(255, 255, 255, 255), anchor="mm")
    return image


def main() -> int:
    out = ROOT / "resources" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    big = draw()
    for s in SIZES:
        big.resize((s, s), Image.Resampling.LANCZOS).save(out / f"bianmin-{s}.png", optimize=True)
    big.resize((256, 256), Image.Resampling.LANCZOS).save(out / "bianmin.ico", sizes=[(s, s) for s in SIZES])
    return 0


if __name__ == "__main__":
    sys.exit(main())
