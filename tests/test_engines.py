"""Scale-out recipes, run on real engines: a Dask LocalCluster with process workers, and Spark
in local mode (Java 17). Results must equal the single-process frames."""

from __future__ import annotations

import pandas as pd
import pytest

import wirescan
import wirescan.engines


@pytest.fixture(scope="module")
def articles(seeds: dict[str, str]) -> pd.DataFrame:
    texts = [seeds[k] for k in sorted(seeds)] * 4
    return pd.DataFrame({"id": [f"doc{i}" for i in range(len(texts))], "text": texts})


def _sorted(df: pd.DataFrame) -> pd.DataFrame:
    return df.sort_values(["doc", "start", "end"]).reset_index(drop=True)


def test_dask_local_cluster_with_processes(articles: pd.DataFrame) -> None:
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    want = wirescan.Extractor().frame(articles["text"], "quotes", ids=articles["id"])
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        s = dd.from_pandas(articles.set_index("id")["text"], npartitions=4)
        got = wirescan.engines.dask_frame(s, "quotes").compute()
        # A DataFrame with text and id columns, partitions kept as they are (no set_index).
        frame = dd.from_pandas(articles, npartitions=4)
        got_df = wirescan.engines.dask_frame(frame, "quotes", text_col="text", id_col="id")
        assert got_df.npartitions == frame.npartitions
        got_df = got_df.compute()
    assert list(got.columns) == [n for n, _ in wirescan.schema.QUOTES]
    pd.testing.assert_frame_equal(
        _sorted(got), _sorted(want), check_dtype=False, check_index_type=False
    )
    pd.testing.assert_frame_equal(
        _sorted(got_df), _sorted(want), check_dtype=False, check_index_type=False
    )
    assert str(got["partial"].dtype) == "bool"


@pytest.fixture(scope="module")
def spark():  # type: ignore[no-untyped-def]
    import os
    import shutil
    import sys

    pyspark_sql = pytest.importorskip("pyspark.sql")
    # Spark's Python workers run `python3` from PATH unless told otherwise: the interpreter of
    # this test run is the one that has wirescan installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        pytest.fail(
            "the Spark test needs Java 17: apt install openjdk-17-jre-headless, or set JAVA_HOME"
        )
    session = (
        pyspark_sql.SparkSession.builder.master("local[2]")
        .appName("wirescan-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_spark_map_in_pandas_local(spark, articles: pd.DataFrame) -> None:  # type: ignore[no-untyped-def]
    df = spark.createDataFrame(articles).repartition(3)
    got = wirescan.engines.spark_frame(df, "numbers").toPandas()
    want = wirescan.Extractor().frame(articles["text"], "numbers", ids=articles["id"])
    assert list(got.columns) == [n for n, _ in wirescan.schema.NUMBERS]
    assert len(got) == len(want) > 0
    key = ["doc", "start"]
    g = got.sort_values(key).reset_index(drop=True)
    w = want.sort_values(key).reset_index(drop=True)
    assert g["value"].tolist() == w["value"].tolist()
    assert g["source_id"].fillna("-").tolist() == w["source_id"].fillna("-").tolist()
    counts = wirescan.engines.spark_frame(df, "entities").groupBy("entity_id").count().toPandas()
    want_counts = (
        wirescan.Extractor().frame(articles["text"], "entities")["entity_id"].value_counts()
    )
    assert dict(zip(counts["entity_id"], counts["count"])) == want_counts.to_dict()
