"""Small helpers shared by the notebooks: reading the job's tables with DuckDB, Kaplan-Meier
quantiles with R survival's conventions on top of a lifelines fit, and saving figures.

Kept deliberately thin: every statistic a notebook checks is computed in the notebook itself,
with lifelines or DuckDB, so that a reader sees the independent computation next to the figure.
"""

from __future__ import annotations

import math
import os
import re

import duckdb
import numpy as np
import pandas as pd

# The job's tables; `effects` and `case_intervals` come from the time-varying model when present.
TABLES = (
    "cases",
    "exchanges",
    "rejects",
    "late",
    "brand_metrics",
    "pressure_effect",
    "equity",
    "brand_hours",
    "effects",
    "case_intervals",
)

# R's sqrt(.Machine$double.eps), the tolerance of survival:::quantile.survfit (and of the job).
R_TOLERANCE = math.sqrt(np.finfo(float).eps)


class Tables:
    """The job's output folder as DuckDB views, one per table present: `FROM cases`, ...

    `path` is anything DuckDB's read_parquet globs: a local folder, `s3://bucket/prefix`
    (with the httpfs extension and credentials), `gs://...`, `https://...` for single files.
    """

    def __init__(self, path: str):
        self.path = str(path).rstrip("/")
        self.con = duckdb.connect()
        # Periods and local hours are computed in SQL: make "now" and date_trunc UTC.
        self.con.execute("SET TimeZone = 'UTC'")
        self.present = []
        for name in TABLES:
            pattern = f"{self.path}/{name}/**/*.parquet"
            if self.con.execute("SELECT count(*) FROM glob(?)", [pattern]).fetchone()[0] == 0:
                continue
            self.con.execute(
                f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{pattern}', "
                "hive_partitioning = true, union_by_name = true)"
            )
            self.present.append(name)

    def has(self, name: str) -> bool:
        return name in self.present

    def df(self, sql: str, params=None) -> pd.DataFrame:
        return self.con.execute(sql, params or []).df()

    def value(self, sql: str, params=None):
        return self.con.execute(sql, params or []).fetchone()[0]

    def columns(self, name: str) -> list[str]:
        return list(self.df(f"SELECT * FROM {name} LIMIT 0").columns)


def r_quantile(times, survival, p: float) -> float:
    """The p-quantile of a Kaplan-Meier curve as R's survival package (quantile.survfit) defines
    it, and as the job does: the first time 1 - S reaches p, values within R_TOLERANCE of p
    counting as equal; where the curve is flat at exactly 1 - p, the midpoint of the flat
    stretch (ending at the last observed time if the curve ends there). NaN when never reached.

    `times` and `survival`: the curve at the origin and at every distinct observed time, as in
    lifelines' `survival_function_` (NaN values, as a confidence band can have, are skipped).
    """
    times = np.asarray(times, dtype=float)
    dist = 1 - np.asarray(survival, dtype=float)
    if times[0] != 0:
        times = np.concatenate([[0.0], times])
        dist = np.concatenate([[0.0], dist])
    valid = ~np.isnan(dist)
    if not valid.any() or not (np.nanmax(dist) >= p):
        return math.nan

    def smallest_reaching(target):
        # R's approx() sorts by value: the smallest qualifying value, earliest on ties.
        candidates = np.where(valid & (dist >= target))[0]
        if len(candidates) == 0:
            return -1
        return candidates[np.argmin(dist[candidates])]

    first = smallest_reaching(p - R_TOLERANCE)
    if abs(p - dist[-1]) < R_TOLERANCE:
        return (times[first] + times[-1]) / 2
    beyond = smallest_reaching(p + R_TOLERANCE)
    return math.nan if beyond < 0 else (times[first] + times[beyond]) / 2


def r_log_log_band(kmf) -> tuple[np.ndarray, np.ndarray]:
    """lifelines' pointwise 95% band (its "exponential Greenwood" band is R's conf.type =
    "log-log"), with R's NA where the transform is undefined: at S = 1 and S = 0, where
    lifelines fills in 1 or 0."""
    s = kmf.survival_function_.iloc[:, 0].to_numpy()
    ci = kmf.confidence_interval_survival_function_
    lower = ci.iloc[:, 0].to_numpy(dtype=float).copy()
    upper = ci.iloc[:, 1].to_numpy(dtype=float).copy()
    undefined = (s == 1) | (s == 0)
    lower[undefined] = np.nan
    upper[undefined] = np.nan
    return lower, upper


def r_median_with_interval(kmf, p: float = 0.5) -> tuple[float, float, float]:
    """(point, lower, upper) of the p-quantile with R's Brookmeyer-Crowley log-log limits."""
    times = kmf.survival_function_.index.to_numpy(dtype=float)
    s = kmf.survival_function_.iloc[:, 0].to_numpy()
    lower_s, upper_s = r_log_log_band(kmf)
    return (
        r_quantile(times, s, p),
        r_quantile(times, lower_s, p),
        r_quantile(times, upper_s, p),
    )


def share_within(kmf, seconds: float) -> float:
    """1 - S(t), NaN when t lies beyond the last observed time while S there is above 0 (the
    job's null), as brand_metrics.share_within_1h and equity.answered_within_24h define it."""
    sf = kmf.survival_function_.iloc[:, 0]
    if seconds > sf.index[-1] and sf.iloc[-1] > 0:
        return math.nan
    return 1 - float(kmf.survival_function_at_times(seconds).iloc[0])


def same(a, b, tol: float = 1e-9) -> bool:
    """Two table cells agree: both null (None/NaN), or both numbers within tol (relative to
    their size above 1)."""
    a_null = a is None or (isinstance(a, float) and math.isnan(a)) or a is pd.NA
    b_null = b is None or (isinstance(b, float) and math.isnan(b)) or b is pd.NA
    if a_null or b_null:
        return a_null and b_null
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= tol * max(1.0, abs(a), abs(b))


def save(fig, name: str, figures_dir: str | None) -> None:
    """Writes the figure as `<figures_dir>/<name>.png` when a folder is given (the runner gives
    one), and leaves it to be shown inline."""
    if figures_dir:
        os.makedirs(figures_dir, exist_ok=True)
        safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-")
        fig.savefig(os.path.join(figures_dir, f"{safe}.png"), dpi=110, bbox_inches="tight",
                    metadata={"Software": None})
