"""Executes every notebook against a tables folder and renders the results (run by
`jobs/squeaky notebooks`, inside its virtual environment).

    python notebooks/run.py --tables DIR --twcs-tables DIR --out DIR [NOTEBOOK ...]

Each notebook's cell tagged `parameters` is followed by an injected cell (tagged
`injected-parameters`, papermill's convention) that sets `tables` and `figures_dir`. Writes, under
--out: the executed notebooks, an HTML rendering of each, their figures as PNG under
`figures/<notebook>/`, and `index.html`. Exits 1 when any notebook raised (a failed check is an
`assert`), after running the others.
"""

from __future__ import annotations

import argparse
import html
import os
import pathlib
import shutil
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter

HERE = pathlib.Path(__file__).resolve().parent
# Notebooks that read the Kaggle (TWCS) output instead of --tables.
TWCS_NOTEBOOKS = {"05-kaggle-twcs.ipynb"}


def inject(notebook, parameters: dict) -> None:
    """Adds the parameters after the cell tagged `parameters` (at the top if there is none)."""
    source = "# Parameters injected by notebooks/run.py\n" + "".join(
        f"{name} = {value!r}\n" for name, value in parameters.items()
    )
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["tags"] = ["injected-parameters"]
    cell.pop("id", None)
    position = 0
    for index, existing in enumerate(notebook.cells):
        if "parameters" in existing.get("metadata", {}).get("tags", []):
            position = index + 1
            break
    else:
        print("  (no cell tagged parameters: parameters injected at the top)")
    notebook.cells.insert(position, cell)
    if notebook.nbformat_minor >= 5:
        cell["id"] = "injected-parameters"


def title(notebook) -> str:
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return ""


def where(path: str) -> str:
    """Local paths made absolute (notebooks run in notebooks/); URIs left as they are."""
    return path if "://" in path or not path else str(pathlib.Path(path).resolve())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tables", required=True)
    parser.add_argument("--twcs-tables", default="")
    parser.add_argument("--out", required=True)
    parser.add_argument("--timeout", type=int, default=900, help="seconds per cell")
    parser.add_argument("notebooks", nargs="*", help="notebook names (default: all)")
    args = parser.parse_args()

    out = pathlib.Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    paths = sorted(HERE.glob("*.ipynb"))
    if args.notebooks:
        paths = [p for p in paths if p.name in args.notebooks or p.stem in args.notebooks]
    exporter = HTMLExporter(template_name="lab")
    results = []
    started_all = time.monotonic()
    for path in paths:
        notebook = nbformat.read(path, as_version=4)
        tables = args.twcs_tables if path.name in TWCS_NOTEBOOKS else args.tables
        figures = out / "figures" / path.stem
        shutil.rmtree(figures, ignore_errors=True)
        inject(notebook, {"tables": where(tables) if tables else None, "figures_dir": str(figures)})
        started = time.monotonic()
        error = None
        client = NotebookClient(
            notebook,
            timeout=args.timeout,
            kernel_name="python3",
            # the kernel's own log (its TCP-transport notice) is not the notebook's output
            extra_arguments=["--IPKernelApp.log_level=ERROR"],
            resources={"metadata": {"path": str(HERE)}},
        )
        try:
            client.execute()
        except CellExecutionError as failure:
            error = failure
        except Exception as failure:  # a dead kernel, a timeout: still a failure of this notebook
            error = failure
        seconds = time.monotonic() - started
        nbformat.write(notebook, out / path.name)
        body, _ = exporter.from_notebook_node(notebook)
        (out / f"{path.stem}.html").write_text(body, encoding="utf-8")
        pngs = sorted(figures.glob("*.png")) if figures.exists() else []
        status = "ok" if error is None else "FAILED"
        print(f"{path.name:<34} {status:<6} {seconds:6.1f} s  {len(pngs)} figures", flush=True)
        if error is not None:
            summary = getattr(error, "ename", type(error).__name__) + ": " + str(getattr(error, "evalue", error))
            print("    " + summary.strip().splitlines()[0][:400], file=sys.stderr, flush=True)
        results.append((path, title(notebook), status, seconds, pngs, tables))

    write_index(out, results, args.tables, args.twcs_tables)
    failed = [r for r in results if r[2] != "ok"]
    print(f"{len(results)} notebooks in {time.monotonic() - started_all:.1f} s, {len(failed)} failed; "
          f"report: {out / 'index.html'}")
    return 1 if failed or not results else 0


def write_index(out: pathlib.Path, results, tables: str, twcs_tables: str) -> None:
    rows = []
    for path, heading, status, seconds, pngs, used in results:
        thumbs = "".join(
            f'<a href="{html.escape(str(p.relative_to(out)))}"><img src="{html.escape(str(p.relative_to(out)))}" '
            f'alt="{html.escape(p.stem)}" height="110"></a> '
            for p in pngs
        )
        rows.append(
            f"<tr><td><a href='{path.stem}.html'>{html.escape(path.stem)}</a><br><small>{html.escape(heading)}"
            f"</small></td><td class='{status.lower()}'>{status}</td><td>{seconds:.1f} s</td>"
            f"<td><small>{html.escape(str(used) or 'none')}</small></td><td>{thumbs}</td>"
            f"<td><a href='{path.name}'>ipynb</a></td></tr>"
        )
    page = f"""<!doctype html>
<html><head><meta charset="utf-8"><title>Squeaky notebooks</title>
<style>body{{font-family:sans-serif;margin:2em}} td{{vertical-align:top;padding:.4em;border-bottom:1px solid #ddd}}
.ok{{color:#070}} .failed{{color:#b00;font-weight:bold}} img{{border:1px solid #ccc;margin:2px}}</style></head>
<body><h1>Squeaky notebooks</h1>
<p>Tables: <code>{html.escape(tables)}</code>; Kaggle tables: <code>{html.escape(twcs_tables or 'none')}</code>.
Generated {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} by <code>jobs/squeaky notebooks</code>.</p>
<table><tr><th>notebook</th><th>status</th><th>time</th><th>tables</th><th>figures</th><th></th></tr>
{''.join(rows)}
</table></body></html>
"""
    (out / "index.html").write_text(page, encoding="utf-8")


if __name__ == "__main__":
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    sys.exit(main())
