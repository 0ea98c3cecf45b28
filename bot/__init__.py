"""Levier, a Slack assistant for PR and communication strategy."""

import os

# OpenBLAS's worker threads spin while they wait for work: on a busy 2-core machine they take
# the cores from the thread they serve, and a 20-token query embedding takes 20-500 ms instead
# of 4 ms. One BLAS thread per process gives the same vectors (bit for bit: the products split
# the output, not the sums); a cold ingest gets the other core from a helper process instead
# (`USEEmbeddings.embed_batches`). Set before numpy loads OpenBLAS; a user's setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
