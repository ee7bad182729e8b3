"""The article's language, from py3langid's model, loaded once a process and at most once a machine.

py3langid ships its model LZMA-compressed (4.6 MB, 68 MB unpacked): unpacking it costs about half a second of CPU
at every `digest import`, more than everything else the command does. So the first load also writes the unpacked
arrays to the user's cache directory (`$XDG_CACHE_HOME/mkdocs-digest/`, or `~/.cache/...`), and later loads map
them from there, reading only the pages a text touches. The classifier is py3langid's own, with the same arrays,
so it detects exactly what it detected before; when the cache cannot be written, the model is loaded as before.
"""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
from pathlib import Path

import numpy as np
import py3langid
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
from py3langid.modelio import load_model

ARRAYS = ("ptc", "pc", "nextmove", "nextmove_row", "out_feat")


def cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA") or Path.home() / ".cache"
    return Path(base) / "mkdocs-digest"


def cache_dir(model: Path) -> Path:
    """A folder named after py3langid's version and the model file's size and time, so a new model is unpacked anew."""
    stat = model.stat()
    return cache_root() / f"langid-{getattr(py3langid, '__version__', '0')}-{stat.st_size}-{stat.st_mtime_ns}"


def unpack(model: Path, target: Path) -> None:
    """Write the model's arrays as .npy files, into a temporary folder renamed into place when complete."""
    import lzma

    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".langid-", dir=target.parent))
    try:
        with tempfile.TemporaryFile(suffix=".npz") as tmp:
            with lzma.open(model) as src:
                shutil.copyfileobj(src, tmp, length=1 << 20)
            tmp.seek(0)
            with np.load(tmp, allow_pickle=False) as data:
                for name in (*ARRAYS, "classes"):
                    np.save(work / f"{name}.npy", data[name], allow_pickle=False)
        work.rename(target)  # another process may have won the race: then its copy is used
    finally:
        shutil.rmtree(work, ignore_errors=True)


def from_cache(folder: Path) -> LanguageIdentifier:
    # plain arrays over the mapped files: a memmap's own indexing is slower in the byte-by-byte walk
    ptc, pc, nextmove, row, output = (np.asarray(np.load(folder / f"{name}.npy", mmap_mode="r")) for name in ARRAYS)
    classes = np.load(folder / "classes.npy", allow_pickle=False).tolist()
    return LanguageIdentifier(ptc, np.asarray(pc), classes, nextmove, output, norm_probs=True, tk_row=row.tolist())


@functools.cache
def identifier() -> LanguageIdentifier:
    model = MODEL_DIR / MODEL_FILE
    try:
        folder = cache_dir(model)
        if not folder.is_dir():
            unpack(model, folder)
        return from_cache(folder)
    except (OSError, ValueError, KeyError):  # no writable cache, or a damaged one: py3langid's own load
        ptc, pc, classes, nextmove, row, output = load_model(model)
        return LanguageIdentifier(np.asarray(ptc), np.asarray(pc), classes, nextmove, output, norm_probs=True, tk_row=row)


def detect_language(text: str) -> tuple[str, float]:
    """ISO 639-1 code and probability, from py3langid's model, which ships in its wheel (no download)."""
    lang, probability = identifier().classify(text)
    return lang, float(probability)
