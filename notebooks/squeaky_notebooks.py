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
        if self.path.startswith(("s3://", "s3a://", "r2://")):
            # S3 credentials from the usual chain (environment, ~/.aws, instance role); needs
            # DuckDB's httpfs and aws extensions, which it downloads on first use.
            self.con.execute("CREATE OR REPLACE SECRET squeaky_s3 (TYPE s3, PROVIDER credential_chain)")
        self.present = []
        for name in TABLES:
            pattern = f"{self.path}/{name}/**/[!.]*.parquet"
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
    # The same tolerance as below: a product-limit curve meant to sit at exactly 1 - p can land
    # an ulp short of it.
    if not valid.any() or not (np.nanmax(dist) >= p - R_TOLERANCE):
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
    # S is right-continuous: its value at the last observed time at or before `seconds` (what
    # kmf.survival_function_at_times gives, without its per-call overhead)
    position = np.searchsorted(sf.index.to_numpy(dtype=float), seconds, side="right") - 1
    return 1 - float(sf.iloc[position]) if position >= 0 else 0.0


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


def follow_ups(t: Tables, period: str = "DAY") -> pd.DataFrame:
    """One row per case with its follow-ups as the data dictionary defines them (the statistics
    tables' "Follow-ups"), and the period it opened in (`period_start`, UTC).

    First reply: time `coalesce(seconds_to_first_reply, seconds_to_censor)`, event
    `first_reply_at IS NOT NULL`, business clock likewise. Resolution, every case (a ticket by
    its desk, a social case by what its conversation confirms): time `seconds_to_full_resolution`
    when fully resolved, else `censored_at - opened_at` in whole seconds. The business time to an unresolved ticket's censoring is in `cases` only when the
    case is also unanswered (`business_seconds_to_censor`), so `business_resolution_s` is null for
    answered, unresolved tickets.
    """
    trunc = {"HOUR": "hour", "DAY": "day", "WEEK": "week"}[period]
    return t.df(
        f"""
        SELECT case_id, brand, customer_id, first_channel,
               coalesce(pressure_bucket, 'UNKNOWN') AS pressure_bucket,
               opened_at, date_trunc('{trunc}', opened_at) AS period_start,
               ticket_id IS NOT NULL AS ticket,
               first_reply_at IS NOT NULL AS replied,
               coalesce(seconds_to_first_reply, seconds_to_censor) AS reply_s,
               coalesce(business_seconds_to_first_reply, business_seconds_to_censor) AS business_reply_s,
               full_resolution_at IS NOT NULL AS resolved,
               CASE WHEN full_resolution_at IS NOT NULL THEN seconds_to_full_resolution
                    ELSE (epoch_ms(censored_at) - epoch_ms(opened_at)) // 1000 END AS resolution_s,
               CASE WHEN full_resolution_at IS NOT NULL THEN business_seconds_to_full_resolution
                    WHEN first_reply_at IS NULL THEN business_seconds_to_censor END AS business_resolution_s
        FROM cases
        """
    )


FOLLOW_UP_COLUMNS = {
    ("first_reply", "calendar"): ("reply_s", "replied"),
    ("first_reply", "business"): ("business_reply_s", "replied"),
    ("resolution", "calendar"): ("resolution_s", "resolved"),
    ("resolution", "business"): ("business_resolution_s", "resolved"),
}


def check_brand_metrics(t: Tables, where: str = "pressure_bucket = 'ALL'") -> dict:
    """Recomputes `brand_metrics` rows (those matching `where`) from `cases` with lifelines'
    KaplanMeierFitter: counts, median and 90th percentile with their 95% log-log
    Brookmeyer-Crowley limits (R's quantile convention, see `r_quantile`), shares within 1 h and
    24 h. Returns the counts and a frame of every value that differs (empty when all agree).

    Also counts the rows where lifelines' own `median_survival_time_` (the first time
    S <= 0.5) differs from the job's median, and raises if any of them is not a curve flat at
    exactly 0.5, the one place where the two conventions may differ.
    """
    from lifelines import KaplanMeierFitter

    metrics = t.df(f"SELECT * FROM brand_metrics WHERE {where}")
    if metrics.empty:
        return {"checked": 0, "skipped": 0, "lifelines_differs": 0, "mismatches": pd.DataFrame()}
    cases = follow_ups(t, metrics.period.iloc[0])
    by_period = {key: frame for key, frame in cases.groupby(["brand", "period_start"])}
    checked = skipped = lifelines_differs = 0
    mismatches = []
    fits = {}
    for row in metrics.itertuples():
        group = by_period.get((row.brand, row.period_start))
        if group is None:
            mismatches.append((row.brand, str(row.period_start), row.first_channel, row.pressure_bucket,
                               row.endpoint, row.clock, "cases", row.cases, 0))
            continue
        if row.first_channel != "all":
            group = group[group.first_channel == row.first_channel]
        if row.pressure_bucket != "ALL":
            group = group[group.pressure_bucket == row.pressure_bucket]
        time_col, event_col = FOLLOW_UP_COLUMNS[(row.endpoint, row.clock)]
        if group[time_col].isna().any():
            skipped += 1
            continue
        # A channel's group is often the whole brand-period's: fit each distinct sample once.
        order = np.lexsort((group[event_col].to_numpy(), group[time_col].to_numpy()))
        key = (group[time_col].to_numpy()[order].tobytes(), group[event_col].to_numpy()[order].tobytes())
        if key not in fits:
            kmf = KaplanMeierFitter().fit(group[time_col].astype(float), group[event_col].astype(bool))
            median = r_median_with_interval(kmf, 0.5)
            p90 = r_median_with_interval(kmf, 0.9)
            fits[key] = kmf, {
                "cases": len(group), "events": int(group[event_col].sum()),
                "median_seconds": median[0], "median_lower_seconds": median[1], "median_upper_seconds": median[2],
                "p90_seconds": p90[0], "p90_lower_seconds": p90[1], "p90_upper_seconds": p90[2],
                "share_within_1h": share_within(kmf, 3600), "share_within_24h": share_within(kmf, 86400),
            }
        kmf, expected = fits[key]
        for column, value in expected.items():
            job = getattr(row, column)
            job = math.nan if pd.isna(job) else float(job)
            if not same(job, float(value)):
                mismatches.append((row.brand, str(row.period_start), row.first_channel, row.pressure_bucket,
                                   row.endpoint, row.clock, column, job, value))
        own = kmf.median_survival_time_
        job_median = math.nan if pd.isna(row.median_seconds) else row.median_seconds
        if not same(job_median, math.nan if math.isinf(own) else own):
            lifelines_differs += 1
            s = kmf.survival_function_.iloc[:, 0]
            if not (abs(s - 0.5) < 1e-8).any():
                raise AssertionError(f"lifelines' median {own} differs from the job's {job_median} "
                                     f"off a flat stretch at 0.5: {row}")
        checked += 1
    return {
        "checked": checked, "skipped": skipped, "lifelines_differs": lifelines_differs,
        "mismatches": pd.DataFrame(mismatches, columns=["brand", "period_start", "channel", "bucket", "endpoint",
                                                        "clock", "column", "job", "lifelines"]),
    }
