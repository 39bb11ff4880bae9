"""Simple easy-read pictograms drawn in code with Pillow, so the demo needs no image files.

Each picture is a thick-lined drawing on a pale background, the style easy-read documents use. Drawing is
deterministic: the same code always produces the same PNG bytes.
"""

from io import BytesIO

from PIL import Image, ImageDraw

SIZE = (480, 360)
BACKGROUND = (255, 248, 225)
INK = (11, 12, 12)
BLUE = (29, 112, 184)
GREEN = (0, 112, 60)
YELLOW = (255, 221, 0)
SKIN = (224, 172, 105)
WIDTH = 8


def _person(draw, x, y, scale=1.0, colour=BLUE):
    """A person standing, feet at y, centred on x."""
    head = 34 * scale
    draw.ellipse([x - head, y - 250 * scale, x + head, y - 182 * scale], fill=SKIN, outline=INK, width=WIDTH)
    draw.rounded_rectangle(
        [x - 55 * scale, y - 175 * scale, x + 55 * scale, y - 60 * scale],
        radius=int(30 * scale),
        fill=colour,
        outline=INK,
        width=WIDTH,
    )
    draw.line([x - 28 * scale, y - 62 * scale, x - 28 * scale, y], fill=INK, width=WIDTH + 6)
    draw.line([x + 28 * scale, y - 62 * scale, x + 28 * scale, y], fill=INK, width=WIDTH + 6)


def _tick(draw, x, y, size=60, colour=GREEN):
    draw.line(
        [(x, y), (x + size * 0.4, y + size * 0.45), (x + size, y - size * 0.55)],
        fill=colour,
        width=WIDTH + 8,
        joint="curve",
    )


def _you_choose(draw):
    _person(draw, 170, 330)
    # Three options as cards, one ticked.
    for row, top in enumerate((60, 150, 240)):
        draw.rounded_rectangle([280, top, 440, top + 70], radius=12, fill="white", outline=INK, width=WIDTH - 2)
        if row == 1:
            _tick(draw, 330, top + 38, size=60)


def _money(draw):
    # A purse with a pound coin in front.
    draw.rounded_rectangle([70, 120, 330, 300], radius=30, fill=(150, 80, 160), outline=INK, width=WIDTH)
    draw.arc([140, 50, 260, 170], start=180, end=360, fill=INK, width=WIDTH)
    draw.ellipse([250, 150, 420, 320], fill=YELLOW, outline=INK, width=WIDTH)
    # A pound sign drawn from strokes (fonts differ between machines): hook, stem, bar and base.
    draw.arc([312, 178, 372, 238], start=190, end=350, fill=INK, width=WIDTH + 2)
    draw.line([316, 205, 316, 268], fill=INK, width=WIDTH + 2)
    draw.line([292, 236, 348, 236], fill=INK, width=WIDTH + 2)
    draw.line([316, 266, 296, 284], fill=INK, width=WIDTH + 2)
    draw.line([294, 284, 378, 284], fill=INK, width=WIDTH + 2)


def _plan(draw):
    # A clipboard with lines, and a pencil.
    draw.rounded_rectangle([120, 40, 360, 330], radius=16, fill="white", outline=INK, width=WIDTH)
    draw.rounded_rectangle([190, 22, 290, 62], radius=10, fill=(140, 140, 140), outline=INK, width=WIDTH - 2)
    for row in range(4):
        top = 100 + row * 55
        _tick(draw, 150, top + 10, size=34)
        draw.line([205, top + 10, 330, top + 10], fill=INK, width=WIDTH - 2)
    draw.polygon([(390, 70), (430, 95), (330, 270), (300, 270), (295, 245)], fill=YELLOW, outline=INK, width=WIDTH - 2)


def _helpers(draw):
    # A person using support and a personal assistant standing together, holding hands.
    _person(draw, 150, 330, colour=BLUE)
    _person(draw, 330, 330, colour=GREEN)
    draw.line([205, 200, 275, 200], fill=INK, width=WIDTH + 4)
    # A small heart above them.
    draw.polygon(
        [(240, 110), (205, 70), (220, 45), (240, 60), (260, 45), (275, 70)], fill=(212, 53, 28), outline=INK, width=4
    )


def _phone(draw):
    # A telephone handset with sound waves.
    draw.rounded_rectangle([110, 60, 250, 320], radius=26, fill=(60, 60, 60), outline=INK, width=WIDTH)
    draw.rectangle([130, 95, 230, 260], fill=(200, 230, 255))
    draw.ellipse([165, 276, 195, 306], fill="white")
    for radius in (50, 90, 130):
        draw.arc([250 - radius, 170 - radius, 250 + radius, 170 + radius], start=-45, end=45, fill=BLUE, width=WIDTH)


PICTURES = {
    "you-choose": ("Easy read: you choose", _you_choose),
    "money": ("Easy read: money for your support", _money),
    "plan": ("Easy read: making a plan", _plan),
    "helpers": ("Easy read: people who help you", _helpers),
    "phone": ("Easy read: phone for help", _phone),
}


def draw_picture(key):
    """PNG bytes of one pictogram."""
    image = Image.new("RGB", SIZE, BACKGROUND)
    PICTURES[key][1](ImageDraw.Draw(image))
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
