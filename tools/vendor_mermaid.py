#!/usr/bin/env python3
"""Replace docs/assets/vendor/mermaid/ with the UMD build of a given mermaid version from the npm registry.

    python3 tools/vendor_mermaid.py 11.17.2

Needs Node.js's npm (it runs `npm pack`). Prints the sha256 to record in the folder's README.md.
"""

import hashlib
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

TARGET = Path(__file__).resolve().parents[1] / "docs/assets/vendor/mermaid"


def main(version: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", f"mermaid@{version}", "--silent"], cwd=tmp, check=True)
        archive = next(Path(tmp).glob("mermaid-*.tgz"))
        with tarfile.open(archive) as tar:
            for member in ("package/dist/mermaid.min.js", "package/LICENSE"):
                source = tar.extractfile(member)
                with open(TARGET / Path(member).name, "wb") as out:
                    shutil.copyfileobj(source, out)
    digest = hashlib.sha256((TARGET / "mermaid.min.js").read_bytes()).hexdigest()
    print(f"mermaid {version} vendored; sha256 {digest}: update {TARGET / 'README.md'}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
