"""Scale-out on Apache Spark: the same pipeline and the same Parquet store, one input per task.

``plan`` turns sources into input tasks (one WARC or JSONL file each, keyed by URI and
pipeline version), ``worker.process_input`` is the engine-agnostic unit of work (input
URI in, committed part + manifest row out), and ``driver`` runs it on PySpark the way
Common Crawl's cc-pyspark does: an RDD over the path list, ``mapPartitions``, one input
per task. PySpark is only imported by ``driver``; install it with ``dateline[spark]``.
"""
