"""Rewrite ``expected.py`` from the current output. Review the diff before committing!"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from conftest import write_tree  # noqa: E402
from test_corpus import run_validate  # noqa: E402

from corpus.cases import CASES  # noqa: E402

HEADER = '''"""Expected results of the corpus cases: exit code and exact lines of `validate --strict`.

Reviewed by hand. Regenerate with `python tests/corpus/update.py` after a deliberate change
of wording, and read the diff before committing it.
"""

EXPECTED: dict[str, tuple[int, list[str]]] = {
'''


def main() -> None:
    out = [HEADER.rstrip("\n")]
    for case in CASES:
        with tempfile.TemporaryDirectory() as tmp:
            code, lines = run_validate(write_tree(Path(tmp) / case.name, case.tree()))
        out.append(f"    {case.name!r}: ({code}, [")
        out.extend(f"        {line!r}," for line in lines)
        out.append("    ]),")
    out.append("}")
    (HERE / "expected.py").write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
