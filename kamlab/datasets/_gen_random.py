"""The seeded random helpers of the data set generators: one generator per (data set, variant).

Examples
--------
>>> int(rng_for("chains", 0).integers(100)) == int(rng_for("chains", 0).integers(100))
True
"""

from __future__ import annotations

import zlib

import numpy as np

__all__ = ["rng_for"]


def rng_for(name: str, variant: int) -> np.random.Generator:
    """Return the generator seeded by ``(name, variant)`` (stable across runs and machines).

    Examples
    --------
    >>> int(rng_for("chains", 0).integers(100)) == int(rng_for("chains", 0).integers(100))
    True
    """
    return np.random.default_rng([zlib.crc32(name.encode("utf-8")), int(variant)])


def _pick(rng: np.random.Generator, probs: np.ndarray) -> np.ndarray:
    """One category index per row of *probs* (rows sum to 1), vectorised."""
    cum = np.cumsum(probs, axis=1)
    u = rng.random(len(probs))[:, None]
    return np.minimum((u >= cum).sum(axis=1), probs.shape[1] - 1)


def _share(rng: np.random.Generator, group: np.ndarray, p: np.ndarray) -> np.ndarray:
    """Flag exactly ``round(p[g] * size of g)`` random members of every group g (vectorised)."""
    u = rng.random(len(group))
    order = np.lexsort((u, group))
    counts = np.bincount(group, minlength=len(p))
    starts = np.cumsum(counts) - counts
    pos = np.empty(len(group), dtype=np.int64)
    pos[order] = np.arange(len(group)) - starts[group[order]]
    return pos < np.round(p * counts)[group]


def _scale(rng: np.random.Generator, x: np.ndarray, loc: float, sd: float,
           lo: float, hi: float, noise: float, decimals: int | None = 1) -> np.ndarray:
    out = np.clip(loc + sd * x + rng.normal(0, noise, len(x)), lo, hi)
    return np.round(out, decimals) if decimals is not None else out
