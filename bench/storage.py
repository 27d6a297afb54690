"""Static files as production stores them, minus the source-map links of vendored files.

The vendored Bootstrap files end with ``sourceMappingURL`` comments naming ``.map`` files that
are not shipped, and Django's manifest storage refuses to collect such a file. The bench only
needs the pages to render, so it leaves those comments alone; the hashed names, compression
and manifest are those of production.
"""

from typing import Any

from whitenoise.storage import CompressedManifestStaticFilesStorage


class BenchStaticFilesStorage(CompressedManifestStaticFilesStorage):
    patterns: Any = tuple(
        (extension, tuple(p for p in rules if "sourceMappingURL" not in str(p)))
        for extension, rules in CompressedManifestStaticFilesStorage.patterns
    )
