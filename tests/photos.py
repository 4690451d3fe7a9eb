"""Pictures for tests and benchmarks, made on the spot: a photo-like JPEG that carries what a
phone writes into one (where it was taken, the camera's serial number), and a PNG with
transparent parts."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageFilter

SERIAL = "SN-0042-4242"


def make_photo(path: Path, size: tuple[int, int] = (2400, 1600), *, orientation: int = 1) -> None:
    """A photo-like JPEG (gradients, noise, blur) with the EXIF a phone writes: where it was
    taken (GPS) and the camera's make, model and serial number. `orientation` 6: the
    camera was held upright, and the pixels lie on their side."""
    red = Image.linear_gradient("L").resize(size)
    green = Image.linear_gradient("L").rotate(90).resize(size)
    blue = Image.blend(red.transpose(Image.Transpose.FLIP_LEFT_RIGHT), Image.effect_noise(size, 40), 0.5)
    photo = Image.merge("RGB", (red, green, blue)).filter(ImageFilter.GaussianBlur(1))
    exif = Image.Exif()
    exif[0x010F] = "TestCam"  # Make
    exif[0x0110] = "TestCam X100"  # Model
    exif[0x0112] = orientation
    exif.get_ifd(0x8769)[0xA431] = SERIAL  # BodySerialNumber
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (30.0, 39.0, 36.0), 3: "E", 4: (104.0, 3.0, 54.0)})  # Chengdu
    path.parent.mkdir(parents=True, exist_ok=True)
    photo.save(path, "JPEG", quality=90, exif=exif)


def make_transparent_png(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    logo = Image.new("RGBA", (1200, 600), (0, 0, 0, 0))
    logo.paste((200, 30, 40, 255), (100, 100, 1100, 500))
    logo.save(path, "PNG")
