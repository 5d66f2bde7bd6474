"""Bytes → text: the encodings news pages come in (UTF-8 with or without BOM, GB18030/GBK,
whatever charset-normalizer detects), and the binary formats people rename to ``.txt``.

The lowest room of reading: :mod:`.load` and :mod:`.webpage` both decode through it.
"""
from __future__ import annotations

import re

from ..errors import InputError

# Magic numbers of formats people rename to .txt by mistake.
_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a zip archive (or docx/xlsx)",
    b"%PDF": "a PDF document",
    b"\x1f\x8b": "a gzip archive",
    b"Rar!": "a RAR archive",
}

def decode_bytes(data: bytes, path) -> tuple[str, str]:
    """Decode ``data`` as UTF-8 (with or without BOM), GB18030, or what charset-normalizer finds.

    >>> decode_bytes("经开区".encode("gb18030"), "x.txt")
    ('经开区', 'gb18030')
    """
    if not data.strip():
        raise InputError(path, "file is empty")
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(path, f"binary file ({what}), not text")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(path, "binary file (contains NUL bytes), not text")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
        if _looks_like_text(text):
            return text, "gb18030"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or not _looks_like_text(str(best)):
        raise InputError(path, "cannot detect the text encoding (tried UTF-8, GB18030 and charset-normalizer)")
    return str(best), best.encoding


def _looks_like_text(text: str) -> bool:
    if not text:
        return False
    bad = sum(1 for ch in text[:20000] if (ord(ch) < 32 and ch not in "\n\r\t\f") or "\ue000" <= ch <= "\uf8ff")
    return bad / min(len(text), 20000) < 0.01


_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_ENCODING_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
                     "utf8": "utf-8", "big5": "big5hkscs"}


def decode_html(data: bytes, path) -> tuple[str, str]:
    """Text of a page and the encoding it was read with.

    UTF-8 when the bytes are valid UTF-8 (whatever the page declares: a wrong declaration is
    common, valid UTF-8 by chance is not), else the encoding declared in a ``<meta>`` tag, else
    GB18030, else what charset-normalizer finds.

    >>> decode_html('<meta charset="gbk"><p>经开区</p>'.encode("gbk"), "x.html")[1]
    'gb18030'
    """
    head = data[:4096]
    for magic, what in _BINARY_MAGIC.items():
        if head.startswith(magic):
            raise InputError(path, f"binary file ({what}), not a web page")
    if not data.strip():
        raise InputError(path, "file is empty")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in head:
        raise InputError(path, "binary file (contains NUL bytes), not a web page")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    m = _CHARSET.search(head)
    if m:
        declared = m.group(1).decode("ascii", "replace").lower()
        enc = _ENCODING_ALIASES.get(declared, declared)
        if enc not in ("utf-8", "gb18030"):
            try:
                return data.decode(enc), enc
            except (UnicodeDecodeError, LookupError):
                pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        pass
    return decode_bytes(data, path)


# -- parsing ---------------------------------------------------------------------------------
