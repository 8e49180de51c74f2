"""A certificate's public code: 136 random bits from `secrets`, written in RFC 4648 base32
(the letters A-Z and the digits 2-7, no case to get wrong) in groups of four:
`K7QX-M2PD-4RTA-...` (34 characters, 7 groups).

Why not `secrets.token_urlsafe`: its alphabet mixes cases with `-` and `_`, which people
misread and mistype when they copy a code from paper; base32 of the same kind of random
bytes reads aloud and types on a phone. 136 bits cannot be guessed (a billion tries a second
would take longer than the universe's age to find one code in a billion).

`canonical` turns what a person typed (any case, spaces or no dashes, 0/1/8 for O/I/B)
into the stored spelling, or None when it cannot be a code at all.
"""

from __future__ import annotations

import base64
import binascii
import re
import secrets
from typing import Final

CODE_BYTES: Final = 17  # 136 bits
GROUP: Final = 4
LETTERS: Final = 28  # base32 letters of 17 bytes, without padding
MAX_INPUT: Final = 100  # longer text is not a code: refused before any work
_NOT_CODE: Final = re.compile(r"[^A-Z2-7]")
_TYPOS: Final = str.maketrans({"0": "O", "1": "I", "8": "B"})
_SEPARATORS: Final = str.maketrans("", "", " -_.\t")


def new_code() -> str:
    """A fresh random code, grouped for reading."""
    letters = base64.b32encode(secrets.token_bytes(CODE_BYTES)).decode("ascii").rstrip("=")
    return _grouped(letters)


def canonical(text: str) -> str | None:
    """The stored spelling of a typed code, or None when `text` cannot be one."""
    if len(text) > MAX_INPUT:
        return None
    letters = text.upper().translate(_SEPARATORS).translate(_TYPOS)
    if len(letters) != LETTERS or _NOT_CODE.search(letters):
        return None
    # The last letter carries 4 unused bits, always 0 in a code we wrote.
    try:
        raw = base64.b32decode(letters + "====")
    except binascii.Error:  # pragma: no cover - the alphabet is checked above
        return None
    if base64.b32encode(raw).decode("ascii").rstrip("=") != letters:
        return None
    return _grouped(letters)


def _grouped(letters: str) -> str:
    return "-".join(letters[i:i + GROUP] for i in range(0, len(letters), GROUP))
