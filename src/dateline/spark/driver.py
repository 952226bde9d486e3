"""The PySpark driver: one SparkSession set up for dateline, one input per task.

Environment, decided here once: workers run the driver's own Python (``PYSPARK_PYTHON`` =
``sys.executable``, so they import the same dateline and model); BLAS/OpenMP thread pools
are capped at one thread per task, in this process's environment before the JVM starts
(local mode) and in ``spark.executorEnv.*`` (clusters), because on 2 cores ``local[2]``
without the caps ran slower than ``local[1]``. Each Python worker keeps its pipeline
across tasks (``spark.python.worker.reuse``); budget 1-1.5 GB per task slot for it outside
the JVM (``spark.executor.memoryOverhead`` on a cluster).
"""

from __future__ import annotations

import functools
import os
import re
import sys
import time
from dataclasses import dataclass, field
from typing import Any

from dateline.errors import DatelineError, OptionError
from dateline.spark.plan import Plan
from dateline.spark.worker import KILL_ENV, WorkerConfig, process_many

INSTALL_HINT = (
    "pip install 'dateline[spark]'  (PySpark; it also needs Java 17: apt-get install openjdk-17-jre-headless)"
)
THREAD_VARS = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "NUMEXPR_NUM_THREADS",
    "BLIS_NUM_THREADS",
)
_LOCAL = re.compile(r"^local\[(\d+|\*)(?:,\s*(\d+))?\]$|^local$")


def require_pyspark() -> None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise DatelineError(f"dateline spark needs PySpark, which is not installed: {INSTALL_HINT}") from None


def worker_env() -> dict[str, str]:
    """The environment every Python worker gets: this Python, one BLAS/OpenMP thread per task.

    A ``PYSPARK_PYTHON`` already set (a packed environment's interpreter on a cluster) is
    kept; ``--conf spark.pyspark.python=...`` overrides both.
    """
    python = os.environ.get("PYSPARK_PYTHON") or sys.executable
    return {"PYSPARK_PYTHON": python, **dict.fromkeys(THREAD_VARS, "1")}


def master_with_retries(master: str, max_failures: int | None) -> str:
    """``local[N]`` never retries a task; ``local[N,F]`` allows F attempts, as ``--max-failures`` asks."""
    m = _LOCAL.match(master)
    if not m or max_failures is None:
        return master
    return f"local[{m.group(1) or 1},{max_failures}]"


def parse_conf(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise OptionError(f"--conf {pair!r}: expected key=value (e.g. spark.executor.memory=4g)")
        out[key.strip()] = value.strip()
    return out


def build_session(
    master: str = "local[*]", conf: dict[str, str] | None = None, max_failures: int | None = None
) -> Any:
    """A SparkSession (or the running one) with dateline's environment and quiet logs."""
    require_pyspark()
    from pyspark.sql import SparkSession

    env = worker_env()
    os.environ.update(env)  # read by the JVM and the local Python workers it starts
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    master = master_with_retries(master, max_failures)
    builder = SparkSession.builder.master(master).appName("dateline")
    settings = {
        "spark.python.worker.reuse": "true",
        "spark.ui.enabled": "false",
        "spark.ui.showConsoleProgress": "false",
        **{f"spark.executorEnv.{k}": v for k, v in env.items()},
    }
    if max_failures is not None:
        settings["spark.task.maxFailures"] = str(max_failures)
    if master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        settings["spark.driver.bindAddress"] = "127.0.0.1"
        settings["spark.driver.host"] = "127.0.0.1"
    settings.update(conf or {})
    for key, value in settings.items():
        builder = builder.config(key, value)
    try:
        spark = builder.getOrCreate()
    except Exception as exc:  # no Java, a bad master URL: one line, not a JVM stack trace
        raise DatelineError(f"cannot start Spark ({master}): {_first_line(exc)}") from None
    spark.sparkContext.setLogLevel("WARN")
    return spark


@dataclass
class JobSummary:
    inputs: int = 0
    processed: int = 0
    skipped: int = 0
    failed: int = 0
    articles: int = 0
    failures: int = 0
    words: int = 0
    seconds: float = 0.0
    task_seconds: float = 0.0
    rows: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in self.__dict__.items() if k != "rows"}
        out["words_per_s"] = round(self.words / self.seconds, 1) if self.seconds else None
        out["failed_inputs"] = [
            {"uri": r["uri"], "error": r.get("error")} for r in self.rows if r["status"] == "failed"
        ]
        return out


def worker_config(plan: Plan, model: str | None, factory: str | None, batch_size: int) -> WorkerConfig:
    return WorkerConfig(
        out=plan.out,
        version=plan.version,
        model=model,
        factory=factory,
        batch_size=batch_size,
        kill_first_attempt=os.environ.get(KILL_ENV) or None,
    )


def run_plan(spark: Any, plan: Plan, cfg: WorkerConfig) -> JobSummary:
    """Run the plan's inputs as Spark tasks (``mapPartitions``, one input per partition)."""
    summary = JobSummary(inputs=len(plan.inputs) + len(plan.done), skipped=len(plan.done))
    if not plan.inputs:
        return summary
    t0 = time.perf_counter()
    sc = spark.sparkContext
    rdd = sc.parallelize(plan.inputs, numSlices=plan.tasks)
    try:
        rows = rdd.mapPartitions(functools.partial(process_many, cfg=cfg)).collect()
    except Exception as exc:
        raise DatelineError(
            f"the Spark job failed ({_first_line(exc)}); committed inputs are kept: "
            "run the same command again to process the rest"
        ) from None
    summary.seconds = round(time.perf_counter() - t0, 3)
    summary.rows = rows
    for row in rows:
        status = row["status"]
        if status == "skipped":
            summary.skipped += 1
            continue
        if status == "failed":
            summary.failed += 1
            continue
        summary.processed += 1
        summary.articles += row.get("articles", 0)
        summary.failures += row.get("failures", 0)
        summary.words += row.get("words", 0)
        summary.task_seconds += row.get("seconds", 0.0)
    summary.task_seconds = round(summary.task_seconds, 3)
    return summary


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith(("Traceback", "at ", "File ")):
            return line[:300]
    return type(exc).__name__
