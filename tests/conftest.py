from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bot.settings import PROJECT_ROOT, Settings

sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(scope="session")
def real_index(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings on the real knowledge base, indexed once per session in a temporary data dir."""
    from bot.index.ingest import ingest

    settings = Settings(
        knowledge_dir=PROJECT_ROOT / "knowledge",
        data_dir=tmp_path_factory.mktemp("real-index"),
        llm_enabled=False,
    )
    result = ingest(settings)
    result.store.close()
    assert result.ok
    return settings
