"""Attachments: the scanned materials of a case (JPEG, PNG, PDF), imported from files or a scanner folder.

What a file is comes from its bytes, never from its name: JPEG starts ``FF D8 FF``, PNG
``89 50 4E 47 0D 0A 1A 0A``, PDF ``%PDF-``; anything else is refused (``AttachmentUnsupported``).

Images are normalised for documents before they are stored:

* decoded completely with Pillow (a truncated or damaged file is ``AttachmentCorrupt``), EXIF
  orientation applied, then every metadata block dropped (no camera, GPS or software tags);
* downscaled so that the long side is at most 2000 px (an A4 page at about 170 dpi, plenty to
  read and print a scanned document);
* colour kept only when there is colour (a red seal keeps the page in colour); pages that are grey
  in fact (a scanner's "colour" grey scan) become greyscale;
* recompressed as JPEG, quality 80, except **line art**: a PNG with at most 16 distinct colours
  (a bilevel or few-tone scan of a form, a signature, a stamp) stays PNG, because JPEG blurs sharp
  edges and is larger for such pages. After downscaling it is reduced to 16 tones again; a
  black-and-white page is stored with 1 bit per pixel.

PDFs are kept byte for byte after a minimal structure check (``%PDF-x.y`` header, ``%%EOF`` near the
end), up to 20 MiB. Any file over 30 MiB is refused before it is read, and so are images over
80 megapixels.

Content is addressed by the SHA-256 of the *stored* bytes: the same content is stored once however
often it is attached. The bytes live inside the encrypted store (no clear temporary files); reading
them back checks the hash. Attaching writes the ``case.attachment_added`` journal event in the same
transaction; the sync sends the event, then uploads the content (``sync.attachments``).
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, ImageChops, ImageOps

from app import textcheck
from app.errors import (
    AttachmentCorrupt,
    AttachmentError,
    AttachmentNotFound,
    AttachmentTooLarge,
    AttachmentUnsupported,
    CaseNotFound,
    ValidationError,
)
from app.events import AttachmentAdded
from app.journal import EventType
from app.services.cases.rows import causal_after
from app.station import Station
from app.store import attachments as store
from app.store import cases as case_store

log = logging.getLogger(__name__)

EVENT_TYPE = store.EVENT_TYPE

MIB = 1024 * 1024
MAX_RAW = 30 * MIB  # any file, as read from disk
MAX_PDF = 20 * MIB  # a PDF is kept as it is
MAX_PIXELS = 80_000_000  # decoded image size (an A3 page at 600 dpi is 70 MP); below Pillow's bomb warning
MAX_SIDE = 2000  # long side of a stored image, px: A4 at ~170 dpi
JPEG_QUALITY = 80
LINE_ART_COLOURS = 16  # a PNG with at most this many colours is line art and stays PNG
GREY_TOLERANCE = 8  # channel difference under which a "colour" scan is grey in fact (JPEG noise)
MAX_NAME = 255

JPEG = "image/jpeg"
PNG = "image/png"
PDF = "application/pdf"
MIME_TYPES = (JPEG, PNG, PDF)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", JPEG),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"%PDF-", PDF),
)
_PIL_FORMAT = {JPEG: "JPEG", PNG: "PNG"}
_PDF_HEADER = re.compile(rb"%PDF-[12]\.[0-9]")
_PDF_TAIL = 1024
# What a scanner or a desktop leaves in a folder besides the scans.
_FOLDER_JUNK = {"thumbs.db", "desktop.ini", ".ds_store"}


@dataclass(frozen=True)
class AttachmentInfo:
    """One attachment of a case: the stored content and how it came to the case."""

    sha256: str
    mime: str
    size: int
    width: int | None
    height: int | None
    case_no: str
    item_code: str
    material_code: str
    name: str  # the original file's name
    added_at: str
    operator: str
    already_attached: bool = False  # this case had that content already: nothing was added


@dataclass(frozen=True)
class FolderResult:
    """One file of a scanner folder: imported (``info``) or refused (``error``, typed)."""

    name: str
    info: AttachmentInfo | None = None
    error: AttachmentError | None = None
    removed: bool = False  # the scanner's original was deleted (after the copy was read back intact)

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class Prepared:
    """The bytes to store and what they are."""

    data: bytes
    mime: str
    width: int | None
    height: int | None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


# -- detection and preparation (pure: bytes in, bytes out) -----------------------------------
def detect(raw: bytes) -> str | None:
    """The MIME type by the first bytes, or None when it is none of ours."""
    for magic, mime in _MAGIC:
        if raw.startswith(magic):
            return mime
    return None


def prepare(raw: bytes, name: str = "") -> Prepared:
    """Check and normalise a file's bytes for storage; raises the typed attachment errors."""
    if len(raw) > MAX_RAW:
        raise AttachmentTooLarge("file too large", name=name, reason="file_size", size=len(raw), limit=MAX_RAW,
                                 limit_text=f"{MAX_RAW // MIB} MB")
    mime = detect(raw)
    if mime is None:
        raise AttachmentUnsupported("not JPEG, PNG or PDF by content", name=name, detected="empty" if not raw
                                    else "unknown")
    if mime == PDF:
        return _prepare_pdf(raw, name)
    return _prepare_image(raw, mime, name)


def _prepare_pdf(raw: bytes, name: str) -> Prepared:
    if len(raw) > MAX_PDF:
        raise AttachmentTooLarge("PDF too large", name=name, reason="pdf_size", size=len(raw), limit=MAX_PDF,
                                 limit_text=f"PDF {MAX_PDF // MIB} MB")
    if not _PDF_HEADER.match(raw):
        raise AttachmentCorrupt("bad PDF header", name=name, reason="pdf_header")
    if b"%%EOF" not in raw[-_PDF_TAIL:]:
        raise AttachmentCorrupt("PDF without %%EOF at the end (truncated?)", name=name, reason="pdf_truncated")
    return Prepared(data=raw, mime=PDF, width=None, height=None)


def _too_many_pixels(name: str, width: int, height: int) -> AttachmentTooLarge:
    return AttachmentTooLarge("image too large", name=name, reason="pixels", width=width, height=height,
                              limit=MAX_PIXELS, limit_text=f"{MAX_PIXELS // 1_000_000} MP")


def _decode(raw: bytes, mime: str, name: str) -> Image.Image:
    """The fully decoded image (JPEGs decoded at a reduced scale when that is enough)."""
    fmt = _PIL_FORMAT[mime]
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(raw), formats=[fmt]) as probe:
                width, height = probe.size
                if width * height > MAX_PIXELS:
                    raise _too_many_pixels(name, width, height)
                probe.verify()
            image = Image.open(io.BytesIO(raw), formats=[fmt])
            long_side = max(image.size)
            if mime == JPEG and long_side > MAX_SIDE:
                # Let libjpeg decode at 1/2, 1/4 or 1/8 scale: the result is still >= the target size.
                scale = MAX_SIDE / long_side
                image.draft(None, (max(1, int(image.width * scale) + 1), max(1, int(image.height * scale) + 1)))
            image.load()
        except AttachmentTooLarge:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise AttachmentTooLarge("image too large", name=name, reason="pixels", limit=MAX_PIXELS,
                                     limit_text=f"{MAX_PIXELS // 1_000_000} MP") from exc
        except Exception as exc:  # Pillow reports damaged data with many exception types
            raise AttachmentCorrupt("image cannot be decoded", name=name, reason="decode") from exc
    return image


def _to_grey_or_rgb(image: Image.Image) -> Image.Image:
    """L or RGB: transparency flattened onto white paper, 16-bit and float greys scaled down."""
    mode = image.mode
    if mode == "L":
        return image
    if mode == "1":
        return image.convert("L")
    if mode.startswith("I") or mode == "F":
        scale = 1 / 256 if mode.startswith("I;16") or mode == "I" else 255.0
        return image.convert("I" if mode != "F" else "F").point(lambda v: v * scale).convert("L")
    if mode == "P":
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
        mode = image.mode
    if mode in ("LA", "La", "PA", "RGBA", "RGBa"):
        rgba = image.convert("RGBA")
        paper = Image.new("RGB", rgba.size, (255, 255, 255))
        paper.paste(rgba, mask=rgba.getchannel("A"))
        image = paper
        return image.convert("L") if mode in ("LA", "La") else image
    return image if mode == "RGB" else image.convert("RGB")


def _grey_in_fact(image: Image.Image) -> bool:
    """An RGB image whose channels agree (within JPEG noise) everywhere."""
    small = image.copy()
    small.thumbnail((512, 512), Image.Resampling.BOX)
    red, green, blue = small.split()
    worst = max(_spread(red, green), _spread(green, blue))
    return int(worst) <= GREY_TOLERANCE


def _spread(band: Image.Image, other: Image.Image) -> float:
    """The largest difference between two bands of one image."""
    highest = ImageChops.difference(band, other).getextrema()[1]
    assert isinstance(highest, int | float)  # a single band's extrema are two numbers
    return highest


def _line_art(image: Image.Image) -> Image.Image:
    """At most ``LINE_ART_COLOURS`` tones again after resampling; 1 bit per pixel for black and white."""
    colours = image.getcolors(LINE_ART_COLOURS)
    if image.mode == "L":
        if colours is not None and {v for _, v in colours} <= {0, 255}:
            return image.convert("1", dither=Image.Dither.NONE)
        if colours is None:
            step = 255 / (LINE_ART_COLOURS - 1)
            image = image.point([round(round(v / step) * step) for v in range(256)])
        return image
    return image.quantize(colors=LINE_ART_COLOURS, dither=Image.Dither.NONE)


def _prepare_image(raw: bytes, mime: str, name: str) -> Prepared:
    image = _decode(raw, mime, name)
    try:
        image = ImageOps.exif_transpose(image)
        image = _to_grey_or_rgb(image)
        line_art = mime == PNG and image.getcolors(LINE_ART_COLOURS) is not None
        if max(image.size) > MAX_SIDE:
            image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
        if image.mode == "RGB" and _grey_in_fact(image):
            image = image.convert("L")
        out = io.BytesIO()
        if line_art:
            image = _line_art(image)
            image.save(out, "PNG", optimize=True)
            stored = PNG
        else:
            image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
            stored = JPEG
    except (OSError, ValueError, SyntaxError) as exc:  # damaged EXIF, an odd mode
        raise AttachmentCorrupt("image cannot be converted", name=name, reason="convert") from exc
    return Prepared(data=out.getvalue(), mime=stored, width=image.width, height=image.height)


def read_file(path: Path) -> bytes:
    """A file's bytes, refusing oversized files before reading them."""
    name = path.name
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise ValidationError("not a file", problems=[{"field": "file", "problem": "not_found"}])
        if size > MAX_RAW:
            raise AttachmentTooLarge("file too large", name=name, reason="file_size", size=size, limit=MAX_RAW,
                                     limit_text=f"{MAX_RAW // MIB} MB")
        with path.open("rb") as fh:
            raw = fh.read(MAX_RAW + 1)
    except FileNotFoundError as exc:
        raise ValidationError("no such file", problems=[{"field": "file", "problem": "not_found"}]) from exc
    except OSError as exc:
        raise AttachmentError("file cannot be read", name=name, reason="unreadable") from exc
    if len(raw) > MAX_RAW:  # grew while we looked
        raise AttachmentTooLarge("file too large", name=name, reason="file_size", size=len(raw), limit=MAX_RAW,
                                 limit_text=f"{MAX_RAW // MIB} MB")
    return raw


# -- the service -----------------------------------------------------------------------------
def _check_material(station: Station, case_no: str, item_code: str, material_code: str) -> str:
    case_no = case_no.strip()
    row = case_store.get_row(station.db, case_no)
    if row is None:
        raise CaseNotFound(case_no=case_no)
    materials = {(m["item_code"], m["material_code"]) for m in case_store.get_materials(station.db, row["id"])}
    if (item_code, material_code) not in materials:
        raise ValidationError("material not in case", problems=[
            {"field": f"materials.{item_code}.{material_code}", "problem": "not_in_case"}])
    return case_no


def _info(row: dict[str, Any], already: bool = False) -> AttachmentInfo:
    return AttachmentInfo(sha256=row["sha256"], mime=row["mime"], size=int(row["size"]), width=row["width"],
                          height=row["height"], case_no=row["case_no"], item_code=row["item_code"],
                          material_code=row["material_code"], name=row["name"], added_at=row["added_at"],
                          operator=row["operator"], already_attached=already)


def add_bytes(station: Station, case_no: str, item_code: str, material_code: str, raw: bytes,
              name: str) -> AttachmentInfo:
    """Attach content (as read from a file called ``name``) to one of the case's materials."""
    case_no = _check_material(station, case_no, item_code, material_code)
    # A file's name is text a file brings: a control character in it is kept visible as an escape.
    name = textcheck.visible(name.strip() or "unnamed")[:MAX_NAME]
    prepared = prepare(raw, name)
    sha = prepared.sha256
    stamp = station.clock.stamp()
    db = station.db
    with db.transaction():
        new_content = store.insert_content(db, sha256=sha, mime=prepared.mime, size=len(prepared.data),
                                           width=prepared.width, height=prepared.height, created_at=stamp,
                                           data=prepared.data)
        store.queue_upload(db, sha, stamp)
        linked = store.link(db, case_no=case_no, item_code=item_code, material_code=material_code, sha256=sha,
                            name=name, added_at=stamp, operator=station.operator.login)
        if linked:
            station.journal(EventType.attachment_added, case_no, AttachmentAdded(
                sha256=sha, mime=prepared.mime, size=len(prepared.data), material=material_code, item=item_code,
                name=name, after=causal_after(station, case_no)).encode())
        row = store.get_link(db, case_no, sha)
    assert row is not None
    log.info("attachment %s… %s (%s, %d bytes%s)", sha[:12], "added" if linked else "already attached",
             prepared.mime, len(prepared.data), "" if new_content else ", content known")
    return _info(row, already=not linked)


def add_file(station: Station, case_no: str, item_code: str, material_code: str, path: Path | str) -> AttachmentInfo:
    """Import one scan or photo (JPEG, PNG, PDF by content) into a material of the case."""
    path = Path(path)
    _check_material(station, case_no, item_code, material_code)
    return add_bytes(station, case_no, item_code, material_code, read_file(path), path.name)


def _natural(name: str) -> list[Any]:
    """scan2 before scan10: digits compare as numbers."""
    return [(0, int(part), part) if part.isdigit() else (1, 0, part.casefold())
            for part in re.split(r"(\d+)", name) if part]


def scanner_files(folder: Path) -> list[Path]:
    """The files a scanner left in ``folder``, in name order (numbers in names compared as numbers)."""
    files = [p for p in folder.iterdir()
             if p.is_file() and not p.name.startswith(".") and p.name.lower() not in _FOLDER_JUNK]
    return sorted(files, key=lambda p: _natural(p.name))


def _stored_intact(station: Station, sha256: str) -> bool:
    """The content is in the store and reads back to its hash (committed, readable)."""
    data = store.content(station.db, sha256)
    return data is not None and hashlib.sha256(data).hexdigest() == sha256


def _remove_original(path: Path) -> bool:
    """Delete a scanner's file once its copy is safe; a link or a file that will not go is left."""
    try:
        if path.is_symlink() or not path.is_file():
            return False
        path.unlink()
    except OSError as exc:
        log.warning("a scanned file was imported but not removed from the folder: %s", type(exc).__name__)
        return False
    return True


def add_folder(station: Station, case_no: str, item_code: str, material_code: str, folder: Path | str,
               progress: Callable[[int, int, str], None] | None = None, *,
               remove_originals: bool = False) -> list[FolderResult]:
    """Import every file of a scanner folder; a file that cannot be imported is reported, not fatal.

    Each file is its own transaction. Errors that concern the case or the store (no such case,
    a material not in the case, a full disk) stop the import. ``remove_originals``: each file taken
    in is deleted from the folder once its copy is committed and reads back intact (a refused file
    stays), so the folder is ready for the next applicant and holds no personal data.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError("no such folder", problems=[{"field": "folder", "problem": "not_found"}])
    _check_material(station, case_no, item_code, material_code)
    files = scanner_files(folder)
    results: list[FolderResult] = []
    for n, path in enumerate(files):
        if progress is not None:
            progress(n, len(files), path.name)
        try:
            info = add_file(station, case_no, item_code, material_code, path)
        except AttachmentError as exc:
            log.info("file %d of the folder not imported: %s", n + 1, exc.code)
            results.append(FolderResult(name=path.name, error=exc))
        else:
            removed = remove_originals and _stored_intact(station, info.sha256) and _remove_original(path)
            results.append(FolderResult(name=path.name, info=info, removed=removed))
    return results


def list_for_case(station: Station, case_no: str) -> list[AttachmentInfo]:
    """The case's attachments in the order they were added (metadata only; no access is logged)."""
    case_no = case_no.strip()
    if case_store.get_row(station.db, case_no) is None:
        raise CaseNotFound(case_no=case_no)
    return [_info(r) for r in store.links_for_case(station.db, case_no)]


def read(station: Station, sha256: str, case_no: str | None = None) -> bytes:
    """The stored bytes, checked against their hash; logged as an "open" of the case."""
    cases = store.cases_of(station.db, sha256)
    if case_no is not None:
        case_no = case_no.strip()
        if case_no not in cases:
            raise AttachmentNotFound("attachment not in case", sha256=sha256)
    data = store.content(station.db, sha256)
    if data is None or not cases:
        raise AttachmentNotFound("no such attachment", sha256=sha256)
    if hashlib.sha256(data).hexdigest() != sha256:
        log.error("attachment %s… fails its hash check", sha256[:12])
        link = store.get_link(station.db, case_no or cases[0], sha256)
        raise AttachmentCorrupt("stored content fails its hash check", sha256=sha256, reason="hash_mismatch",
                                name=link["name"] if link else "")
    station.log_access("open", case_no or cases[0], detail=f"attachment {sha256}")
    return data
