"""Fill and check the translations of a Qt Linguist file (the .ts is the source of truth).

    python tools/ts_fill.py fill resources/translations/bianmin_bo.ts /tmp/bo.json
    python tools/ts_fill.py dump resources/translations/bianmin_bo.ts > /tmp/todo.json
    python tools/ts_fill.py --check resources/translations/bianmin_bo.ts

``fill`` takes a JSON file ``{context: {source: translation}}`` and writes each translation into
the messages of that context whose translation is unfinished or empty, dropping
``type="unfinished"``. Only those ``<translation>`` elements are rewritten, character for character
as ``lupdate`` writes them, so ``make translations`` re-reads the file and leaves it as it is.
``dump`` lists the unfinished messages in the same JSON shape, with empty translations.
``--check`` (or ``check``) exits 1 when a translation is missing or does not keep its source's
placeholders ({name}, %1), mnemonic (&X), line breaks, leading and trailing spaces, key names and
codes, or contains Chinese characters or punctuation.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

PLACEHOLDER = re.compile(r"\{[^{}]*\}|%L?\d+|%n")
MNEMONIC = re.compile(r"(?<!&)&([^&])")
# Key names, codes, command names and numbers that stay as written: "Ctrl+1", "F5", "A4", "PDF", "2–32".
KEEP = re.compile(r"(?:Ctrl|Alt|Shift)\+[A-Za-z0-9←→↑↓]+|[A-Za-z0-9][A-Za-z0-9_.\-–]*")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
CHINESE_PUNCTUATION = re.compile(r"[，。：；！？、（）【】《》「」]")
TIBETAN = re.compile(r"[\u0f00-\u0fff]")
MESSAGE = re.compile(r"<message\b[^>]*>.*?</message>", re.DOTALL)
TRANSLATION = re.compile(r"<translation\b[^>]*?(?:/>|>.*?</translation>)", re.DOTALL)
DONE = ("vanished", "obsolete")


@dataclass
class Message:
    context: str
    source: str
    translation: str
    kind: str  # the translation's type attribute: "", "unfinished", "vanished" or "obsolete"
    numerus: bool

    @property
    def unfinished(self) -> bool:
        return self.kind == "unfinished" or (self.kind not in DONE and not self.translation)


def messages(root: ET.Element) -> list[Message]:
    found = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            tr = m.find("translation")
            forms = [f.text or "" for f in tr.iter("numerusform")] if tr is not None else []
            text = (forms[0] if forms else (tr.text or "")) if tr is not None else ""
            kind = tr.get("type", "") if tr is not None else "unfinished"
            found.append(Message(name, m.findtext("source") or "", text, kind, m.get("numerus") == "yes"))
    return found


def protect(text: str) -> str:
    """Escape text as lupdate does (Qt's protect() in its .ts writer)."""
    out = []
    for ch in text:
        if ch in "\"&<>'":
            out.append({'"': "&quot;", "&": "&amp;", "<": "&lt;", ">": "&gt;", "'": "&apos;"}[ch])
        elif (ord(ch) < 0x20 or (ord(ch) > 0x7F and ch.isspace())) and ch not in "\n\t":
            out.append(f"&#x{ord(ch):x};")
        else:
            out.append(ch)
    return "".join(out)


def translation_element(text: str, numerus: bool, indent: str = "        ") -> str:
    if numerus:
        return f"<translation>\n{indent}    <numerusform>{protect(text)}</numerusform>\n{indent}</translation>"
    return f"<translation>{protect(text)}</translation>"


def fill(ts: Path, table: dict[str, dict[str, str]]) -> tuple[int, list[Message]]:
    """Write the table's translations into the unfinished messages; the count and those left over."""
    raw = ts.read_text(encoding="utf-8")
    parsed = messages(ET.fromstring(raw.encode("utf-8")))
    blocks = list(MESSAGE.finditer(raw))
    if len(blocks) != len(parsed):
        raise SystemExit(f"{ts}: {len(parsed)} messages parsed but {len(blocks)} found in the text")
    pieces: list[str] = []
    last = 0
    filled = 0
    left: list[Message] = []
    for msg, block in zip(parsed, blocks, strict=True):
        if not msg.unfinished:
            continue
        text = table.get(msg.context, {}).get(msg.source, "")
        if not text:
            left.append(msg)
            continue
        element = ET.fromstring(block.group(0))
        if (element.findtext("source") or "") != msg.source:
            raise SystemExit(f"{ts}: message out of step with the parse: {msg.context}: {msg.source!r}")
        old = list(TRANSLATION.finditer(block.group(0)))
        if len(old) != 1:
            raise SystemExit(f"{ts}: no single <translation> in {msg.context}: {msg.source!r}")
        start = block.start() + old[0].start()
        pieces += [raw[last:start], translation_element(text, msg.numerus)]
        last = block.start() + old[0].end()
        filled += 1
    pieces.append(raw[last:])
    ts.write_text("".join(pieces), encoding="utf-8", newline="\n")
    return filled, left


def problems(msg: Message) -> list[str]:
    src, text = msg.source, msg.translation
    if msg.kind in DONE:
        return []
    if msg.unfinished:
        return ["no translation" if not text else "marked unfinished"]
    found = []
    if sorted(PLACEHOLDER.findall(src)) != sorted(PLACEHOLDER.findall(text)):
        found.append(f"placeholders {sorted(PLACEHOLDER.findall(src))} != {sorted(PLACEHOLDER.findall(text))}")
    # Qt's own texts (QMessageBox, QFileDialog, ...) have English sources: their words are
    # translated, not kept, and a mnemonic letter may change case ("&Yes" -> "(&Y)").
    english_source = not HAN.search(src)
    if english_source:
        if [m.upper() for m in MNEMONIC.findall(src)] != [m.upper() for m in MNEMONIC.findall(text)]:
            found.append(f"mnemonic {MNEMONIC.findall(src)} != {MNEMONIC.findall(text)}")
    elif MNEMONIC.findall(src) != MNEMONIC.findall(text):
        found.append(f"mnemonic {MNEMONIC.findall(src)} != {MNEMONIC.findall(text)}")
    plain = PLACEHOLDER.sub(" ", src)
    missing = [] if english_source else [k for k in KEEP.findall(plain) if k not in text]
    if missing:
        found.append(f"not kept as written: {missing}")
    if src.count("\n") != text.count("\n"):
        found.append("line breaks differ")
    if src[:1].isspace() != text[:1].isspace() or src[-1:].isspace() != text[-1:].isspace():
        found.append("leading or trailing space differs")
    if HAN.search(text):
        found.append("Chinese characters in the translation")
    if CHINESE_PUNCTUATION.search(text):
        found.append("Chinese punctuation in the translation")
    if HAN.search(src) and not TIBETAN.search(text):
        found.append("no Tibetan")
    if "ང།" in text:
        found.append("ང། needs a tsheg before the shad (ང་།)")
    return found


def check(ts: Path) -> int:
    count = 0
    for msg in messages(ET.parse(ts).getroot()):
        for problem in problems(msg):
            sys.stderr.write(f"{msg.context}: {msg.source!r} -> {msg.translation!r}: {problem}\n")
            count += 1
    total = len(messages(ET.parse(ts).getroot()))
    sys.stderr.write(f"{ts}: {total} messages, {count} problem(s)\n")
    return 1 if count else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="check the translations of TS, exit 1 on problems")
    parser.add_argument("action", nargs="?", choices=("fill", "dump", "check"), default="fill")
    parser.add_argument("ts", type=Path)
    parser.add_argument("json", type=Path, nargs="?", help="{context: {source: translation}} for fill")
    args = parser.parse_args(argv)
    if args.check or args.action == "check":
        return check(args.ts)
    if args.action == "dump":
        todo: dict[str, dict[str, str]] = {}
        for msg in messages(ET.parse(args.ts).getroot()):
            if msg.unfinished:
                todo.setdefault(msg.context, {})[msg.source] = ""
        sys.stdout.write(json.dumps(todo, ensure_ascii=False, indent=2) + "\n")
        return 0
    if args.json is None:
        parser.error("fill needs the JSON file of translations")
    table = json.loads(args.json.read_text(encoding="utf-8"))
    filled, left = fill(args.ts, table)
    sys.stderr.write(f"{args.ts}: {filled} translation(s) filled, {len(left)} still unfinished\n")
    for msg in left:
        sys.stderr.write(f"  {msg.context}: {msg.source!r}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
