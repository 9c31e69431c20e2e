#!/usr/bin/env python3
"""Checks that committed notebooks carry no outputs (the nbstripout convention), so that diffs
show code and prose only. Standard library only: runs before any virtual environment exists.

    python3 notebooks/check_clean.py            # fails (exit 1) naming each cell with outputs
    python3 notebooks/check_clean.py --strip    # removes outputs and execution counts in place
"""

import json
import pathlib
import sys


def dirty_cells(notebook: dict) -> list[str]:
    problems = []
    for index, cell in enumerate(notebook.get("cells", [])):
        if cell.get("cell_type") != "code":
            continue
        if cell.get("outputs"):
            problems.append(f"cell {index} has {len(cell['outputs'])} output(s)")
        if cell.get("execution_count") is not None:
            problems.append(f"cell {index} has execution_count {cell['execution_count']}")
    return problems


def strip(notebook: dict) -> None:
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        cell.get("metadata", {}).pop("execution", None)


def main(argv: list[str]) -> int:
    folder = pathlib.Path(__file__).resolve().parent
    paths = sorted(folder.glob("*.ipynb"))
    if not paths:
        print(f"check_clean: no notebooks in {folder}", file=sys.stderr)
        return 1
    failures = 0
    for path in paths:
        notebook = json.loads(path.read_text(encoding="utf-8"))
        if "--strip" in argv:
            strip(notebook)
            path.write_text(json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
            continue
        for problem in dirty_cells(notebook):
            print(f"{path.name}: {problem}", file=sys.stderr)
            failures += 1
    if failures:
        print(f"check_clean: {failures} problem(s); strip with `python3 notebooks/check_clean.py --strip`",
              file=sys.stderr)
        return 1
    print(f"check_clean: {len(paths)} notebooks, no outputs or execution counts")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
