"""The batch benchmark's Spark column: the reply figures DuckDB computes, by PySpark in local mode.

Run by io.squeaky.bench.BatchBenchmark as `python jobs/bench-spark.py CSV PARALLELISM`; prints one
JSON line: replied customer posts, median minutes to the first reply, the seconds the query took
once the session was up, and the seconds the session took to start. The same rule as the
benchmark's DuckDB query: a brand post answers the customer post its in_response_to_tweet_id
names, no earlier than it and within 7 days. TWCS times read as UTC; Spark cannot parse the
day-of-week name, so the first four characters ("Tue ") are dropped before parsing.
"""

import json
import sys
import time

from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import StringType, StructField, StructType

csv, parallelism = sys.argv[1], int(sys.argv[2])
started = time.monotonic()
spark = (
    SparkSession.builder.master(f"local[{parallelism}]")
    .appName("squeaky-bench")
    .config("spark.driver.memory", "2g")
    .config("spark.sql.session.timeZone", "UTC")
    .config("spark.ui.enabled", "false")
    .config("spark.sql.shuffle.partitions", str(parallelism * 4))
    .getOrCreate()
)
spark.sparkContext.setLogLevel("ERROR")
up = time.monotonic()

columns = ["tweet_id", "author_id", "inbound", "created_at", "text", "response_tweet_id",
           "in_response_to_tweet_id"]
raw = spark.read.csv(csv, header=True, multiLine=True, quote='"', escape='"',
                     schema=StructType([StructField(c, StringType()) for c in columns]))
posts = raw.select(
    F.col("tweet_id").cast("bigint").alias("tweet_id"),
    (F.lower(F.col("inbound")) == "true").alias("inbound"),
    F.unix_timestamp(F.substring("created_at", 5, 100), "MMM dd HH:mm:ss Z yyyy").alias("at"),
    F.col("in_response_to_tweet_id").cast("double").cast("bigint").alias("parent_id"),
).cache()
customer = posts.where("inbound").alias("c")
reply = posts.where("NOT inbound").alias("r")
first = (
    customer.join(reply, F.col("r.parent_id") == F.col("c.tweet_id"))
    .where((F.col("r.at") >= F.col("c.at")) & (F.col("r.at") <= F.col("c.at") + 7 * 86400))
    .groupBy("c.tweet_id")
    .agg(F.min(F.col("r.at") - F.col("c.at")).alias("seconds"))
)
row = first.agg(F.count("*").alias("n"), F.percentile("seconds", 0.5).alias("median")).first()
done = time.monotonic()
print(json.dumps({
    "replied": row["n"],
    "median_minutes": row["median"] / 60.0,
    "seconds": done - up,
    "startup_seconds": up - started,
}))
spark.stop()
