"""Article language detection with langdetect: loaded lazily, seeded, and fed a bounded sample."""
from __future__ import annotations

_factory_ready = False
SAMPLE_CHARS = 1500


def _ensure_factory():
    global _factory_ready
    if not _factory_ready:
        from langdetect import DetectorFactory

        DetectorFactory.seed = 0  # deterministic results across runs and processes
        _factory_ready = True


def detect(text: str) -> tuple[str, float]:
    """(language code, probability) for ``text``, or ('und', 0.0)."""
    if not text.strip():
        return "und", 0.0
    _ensure_factory()
    from langdetect import detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    try:
        best = detect_langs(text)[0]
    except LangDetectException:
        return "und", 0.0
    code = best.lang.split("-")[0]
    return code, best.prob


def detect_article_language(article) -> str:
    # the longest paragraphs say most about the language; cap the sample to keep this cheap
    parts, size = [], 0
    for b in sorted(article.paragraphs, key=lambda b: -len(b.text)):
        parts.append(b.text)
        size += len(b.text)
        if size >= SAMPLE_CHARS:
            break
    code, _ = detect(" ".join(parts)[:SAMPLE_CHARS * 2])
    return code
