"""The fonts certificates are drawn with, found as files so every machine draws the same
PDF: Amiri (SIL Open Font License; Debian's `fonts-hosny-amiri`) for Arabic, Liberation
Serif (`fonts-liberation`) or else DejaVu Serif for Latin text, else Amiri's own Latin.

They are declared to the renderer as `@font-face` rules with `file:` URLs: nothing is
looked up by name on the machine, nothing is downloaded. A font file dropped into
`resolvers/certificates/fonts/` is used before the system's (a machine without Debian's
package can ship Amiri there). Without Amiri, rendering fails with `FontsMissing`, naming
the package to install: a certificate with boxes instead of Arabic letters is worse than none.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Final

SHIPPED: Final = Path(__file__).resolve().parent / "fonts"
AMIRI_DIRS: Final = (SHIPPED, Path("/usr/share/fonts/opentype/fonts-hosny-amiri"),
                     Path("/usr/share/fonts/truetype/fonts-hosny-amiri"))
# (folder, regular file, bold file), best first.
LATIN: Final = (
    (SHIPPED, "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf"),
    (Path("/usr/share/fonts/truetype/liberation"), "LiberationSerif-Regular.ttf",
     "LiberationSerif-Bold.ttf"),
    (Path("/usr/share/fonts/truetype/dejavu"), "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
)
ARABIC_FAMILY: Final = "Certificate Arabic"
LATIN_FAMILY: Final = "Certificate Latin"


class FontsMissing(RuntimeError):
    """The Arabic font is not installed: an operator's problem, said plainly."""


@dataclass(frozen=True, slots=True)
class Face:
    family: str
    regular: Path
    bold: Path


@dataclass(frozen=True, slots=True)
class Fonts:
    arabic: Face
    latin: Face

    def css(self) -> str:
        """The `@font-face` rules of both families (regular and bold)."""
        rules = []
        for face in (self.arabic, self.latin):
            for weight, path in (("normal", face.regular), ("bold", face.bold)):
                rules.append(f'@font-face {{ font-family: "{face.family}"; '
                             f'font-weight: {weight}; src: url("{path.as_uri()}"); }}')
        return "\n".join(rules)


@lru_cache(maxsize=1)
def certificate_fonts() -> Fonts:
    """The fonts found on this machine (looked up once per process)."""
    arabic = _amiri()
    latin = next((Face(LATIN_FAMILY, folder / regular, folder / bold)
                  for folder, regular, bold in LATIN
                  if (folder / regular).is_file() and (folder / bold).is_file()),
                 Face(LATIN_FAMILY, arabic.regular, arabic.bold))
    return Fonts(arabic, latin)


def _amiri() -> Face:
    for folder in AMIRI_DIRS:
        regular, bold = folder / "Amiri-Regular.ttf", folder / "Amiri-Bold.ttf"
        if regular.is_file() and bold.is_file():
            return Face(ARABIC_FAMILY, regular, bold)
    searched = ", ".join(str(folder) for folder in AMIRI_DIRS)
    raise FontsMissing(
        "Certificates need the Arabic font Amiri (Amiri-Regular.ttf and Amiri-Bold.ttf), "
        f"found in none of: {searched}. Install Debian's fonts-hosny-amiri "
        "(`make runtime-packages`), or put the two files in the first folder.")
