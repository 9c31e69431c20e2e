-- The latest figures of every statistics window: its final rows once it is final, else the rows
-- of its latest provisional instant. One view per statistics table, named <table>_latest, with the
-- table's columns, then status ('final' or 'provisional') and as_of (NULL for final rows: they no
-- longer change). A window is a brand's period (brand, period, period_start) in brand_metrics,
-- pressure_effect, equity and brand_hours, and a period of the study (period, period_start) in
-- effects; config_hash keeps differently configured runs apart.
--
-- Standard SQL (CREATE OR REPLACE VIEW, UNION ALL, correlated subqueries): runs on DuckDB,
-- PostgreSQL, Trino, Spark SQL and most BI tools' SQL layers. It expects the ten tables by name;
-- in DuckDB, over a job's output folder OUT:
--
--   CREATE VIEW brand_metrics AS SELECT * FROM read_parquet('OUT/brand_metrics/dt=*/[!.]*.parquet');
--   CREATE VIEW brand_metrics_provisional AS
--       SELECT * FROM read_parquet('OUT/brand_metrics_provisional/dt=*/[!.]*.parquet');
--   ... the same for pressure_effect, equity, brand_hours and effects, then:
--   .read jobs/sql/latest_statistics.sql
--
-- The *_provisional tables are partitioned by the UTC date of as_of (dt), the final ones by that of
-- period_start: a window's latest provisional rows can lie in any partition, so register the
-- whole folder, as above, not only its newest dt.
--
-- A run that wrote no provisional rows has no *_provisional files: register an empty table with
-- the same columns instead (CREATE TABLE brand_metrics_provisional AS SELECT *, 'provisional'
-- AS status, CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS as_of FROM brand_metrics LIMIT 0).

CREATE OR REPLACE VIEW brand_metrics_latest AS
SELECT f.*, 'final' AS status, CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS as_of
FROM brand_metrics f
UNION ALL
SELECT p.*
FROM brand_metrics_provisional p
WHERE NOT EXISTS (
        SELECT 1 FROM brand_metrics f
        WHERE f.brand = p.brand AND f.period = p.period AND f.period_start = p.period_start
          AND f.config_hash = p.config_hash)
  AND p.as_of = (
        SELECT max(q.as_of) FROM brand_metrics_provisional q
        WHERE q.brand = p.brand AND q.period = p.period AND q.period_start = p.period_start
          AND q.config_hash = p.config_hash);

CREATE OR REPLACE VIEW pressure_effect_latest AS
SELECT f.*, 'final' AS status, CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS as_of
FROM pressure_effect f
UNION ALL
SELECT p.*
FROM pressure_effect_provisional p
WHERE NOT EXISTS (
        SELECT 1 FROM pressure_effect f
        WHERE f.brand = p.brand AND f.period = p.period AND f.period_start = p.period_start
          AND f.config_hash = p.config_hash)
  AND p.as_of = (
        SELECT max(q.as_of) FROM pressure_effect_provisional q
        WHERE q.brand = p.brand AND q.period = p.period AND q.period_start = p.period_start
          AND q.config_hash = p.config_hash);

CREATE OR REPLACE VIEW equity_latest AS
SELECT f.*, 'final' AS status, CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS as_of
FROM equity f
UNION ALL
SELECT p.*
FROM equity_provisional p
WHERE NOT EXISTS (
        SELECT 1 FROM equity f
        WHERE f.brand = p.brand AND f.period = p.period AND f.period_start = p.period_start
          AND f.config_hash = p.config_hash)
  AND p.as_of = (
        SELECT max(q.as_of) FROM equity_provisional q
        WHERE q.brand = p.brand AND q.period = p.period AND q.period_start = p.period_start
          AND q.config_hash = p.config_hash);

CREATE OR REPLACE VIEW brand_hours_latest AS
SELECT f.*, 'final' AS status, CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS as_of
FROM brand_hours f
UNION ALL
SELECT p.*
FROM brand_hours_provisional p
WHERE NOT EXISTS (
        SELECT 1 FROM brand_hours f
        WHERE f.brand = p.brand AND f.period = p.period AND f.period_start = p.period_start
          AND f.config_hash = p.config_hash)
  AND p.as_of = (
        SELECT max(q.as_of) FROM brand_hours_provisional q
        WHERE q.brand = p.brand AND q.period = p.period AND q.period_start = p.period_start
          AND q.config_hash = p.config_hash);

CREATE OR REPLACE VIEW effects_latest AS
SELECT f.*, 'final' AS status, CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS as_of
FROM effects f
UNION ALL
SELECT p.*
FROM effects_provisional p
WHERE NOT EXISTS (
        SELECT 1 FROM effects f
        WHERE f.period = p.period AND f.period_start = p.period_start
          AND f.config_hash = p.config_hash)
  AND p.as_of = (
        SELECT max(q.as_of) FROM effects_provisional q
        WHERE q.period = p.period AND q.period_start = p.period_start
          AND q.config_hash = p.config_hash);
