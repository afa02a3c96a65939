#!/usr/bin/env python3
"""crosscheck on Apache Spark: the extract/report split, partitioned by story.

Input: files, directories (read recursively, as `crosscheck report` reads them) and globs of
articles (.txt, .md, .html, .warc, .warc.gz ...). Output, in --out:

  findings/part-*   one JSON line per story: {"story", "sources", "findings"}
  summary.json      sources, stories, findings by verdict, grouping figures, timings

Steps (see README.md next to this file):

  map      each partition runs `crosscheck extract --format jsonl --story-keys` on its files
           (the one implementation of extraction); every line carries its source's story keys
  year     the story year (median year of the dated sources) is computed over the corpus and
           the few sources that borrowed their partition's year are extracted again with it
  ids      source ids repeated across partitions are renamed as one run would name them
  stories  sources sharing two rare keys are linked; connected components by label
           propagation over DataFrames; a source linked to none joins the biggest story
  reduce   stories are hash-partitioned; each partition's lines, labelled with their story
           (`story_id`), go through one `crosscheck report --format json --claims-from -`,
           which aligns and compares each story on its own

`--mode exact` keeps the map but sends every line, unlabelled, to one `report` process: the
findings are then those of `crosscheck report` on the same inputs, also where a quote or a
name is grouped across stories (for small corpora).
"""

import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import time

ARTICLE_EXT = (".txt", ".md", ".markdown", ".text", ".html", ".htm", ".xhtml", ".warc", ".warc.gz")


def article_files(inputs):
    """The files `crosscheck` would read for these inputs, in its order, each once."""
    out, seen = [], set()

    def add(path):
        real = os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            out.append(path)

    def walk(d):
        try:
            names = sorted(os.listdir(d), key=os.fsencode)
        except OSError as e:
            print(f"warning: cannot list `{d}`: {e}", file=sys.stderr)
            return
        for name in names:
            p = os.path.join(d, name)
            if os.path.isdir(p):
                walk(p)
            elif not name.startswith(".") and name.lower().endswith(ARTICLE_EXT):
                add(p)

    for arg in inputs:
        matches = sorted(glob.glob(arg)) if glob.has_magic(arg) else [arg]
        for m in matches:
            if os.path.isdir(m):
                walk(os.path.normpath(m) if m not in ("/", "//") else m)
            else:
                add(m)
    return out


def run_binary(args, stdin=None):
    """Runs crosscheck; its stderr passes through. Exit code 2 (an unreadable input, named
    on stderr) still gives the output of the rest."""
    p = subprocess.run(args, input=stdin, stdout=subprocess.PIPE, check=False)
    if p.returncode not in (0, 2):
        raise RuntimeError(f"{args[0]} exited with {p.returncode}")
    return p.stdout


def extract(binary, files, batch, year=None):
    """(file ordinal, path, line) rows from `crosscheck extract` over (ordinal, path) pairs."""
    files = list(files)
    for at in range(0, len(files), batch):
        chunk = files[at:at + batch]
        run = f"{os.getpid()}-{chunk[0][0]}"
        args = [binary, "-q", "extract", "--format", "jsonl", "--story-keys"]
        if year is not None:
            args += ["--story-year", str(year)]
        out = run_binary(args + ["--"] + [p for _, p in chunk])
        ordinal = {p: o for o, p in chunk}
        for k, line in enumerate(out.decode("utf-8").splitlines()):
            if not line.strip():
                continue
            head, story, slim = slim_line(line)
            path = head["path"]
            base = path.split("#", 1)[0] if "#" in path and path not in ordinal else path
            yield (ordinal.get(base, -1), k, run, head["id"], path,
                   story.get("keys") or [], story.get("year"), slim)


def slim_line(line):
    """The id and path, the story keys, and what the reduce reads of an extract line: `id`,
    `path`, `story` and `record`, without the claims, mentions and dates shown to people
    (two fifths of the bytes). Strings in JSON escape their quotes, so the field names
    found are the line's own; the record is not parsed."""
    at_pub = line.find(',"published":')
    at_story = line.find(',"story":{')
    at_record = line.find(',"record":', max(at_story, 0))
    if min(at_pub, at_story, at_record) < 0:
        obj = json.loads(line)
        return obj, obj.get("story") or {}, line
    head = json.loads(line[:at_pub] + "}")
    story = json.loads(line[at_story + len(',"story":'):at_record])
    return head, story, line[:at_pub] + line[at_story:]


def weighted_median(counts):
    """The median (the lower middle for an even count) of years given as (year, count)."""
    counts = sorted(counts)
    total = sum(c for _, c in counts)
    seen = 0
    for y, c in counts:
        seen += c
        if seen >= (total - 1) // 2 + 1:
            return y
    return None


def relabel(line, old_id, new_id):
    """`line` with its `id` set to `new_id` (extract lines open with the id)."""
    head = '{"id":' + json.dumps(old_id, ensure_ascii=False) + ","
    if not line.startswith(head):
        obj = json.loads(line)
        obj["id"] = new_id
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return '{"id":' + json.dumps(new_id, ensure_ascii=False) + "," + line[len(head):]


def unique_id(path, used):
    """The id a run gives a source whose stem is taken (crosscheck's rule)."""
    parts = [p for p in path.replace("\\", "/").split("/") if p not in ("", ".")]
    if parts:
        last = parts[-1]
        if "." in last.lstrip("."):
            last = last[: last.rfind(".")]
        parts[-1] = last
    base = "/".join(parts[-2:])
    new, n = base, 2
    while new in used:
        new, n = f"{base}-{n}", n + 1
    return new


def report(binary, lines):
    """Findings and sources of `crosscheck report --claims-from -` over JSONL lines."""
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    out = run_binary([binary, "-q", "report", "--format", "json", "--claims-from", "-"], data)
    return json.loads(out) if out.strip() else {"sources": [], "findings": []}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", help="files, directories or globs of articles")
    ap.add_argument("--out", required=True, help="output directory (replaced)")
    ap.add_argument("--bin", default=os.environ.get("CROSSCHECK_BIN") or shutil.which("crosscheck")
                    or "target/release/crosscheck", help="the crosscheck binary")
    ap.add_argument("--master", default="local[2]", help="Spark master (default local[2])")
    ap.add_argument("--mode", choices=["stories", "exact", "both"], default="stories",
                    help="stories: one report per partition of stories; exact: one report for "
                         "all (findings-exact/); both: the two from one map")
    ap.add_argument("--map-partitions", type=int, default=0,
                    help="map partitions (default: 4 per core of the master)")
    ap.add_argument("--reduce-partitions", type=int, default=0,
                    help="story partitions of the reduce (default: as many as map partitions)")
    ap.add_argument("--batch", type=int, default=2000, help="files per extract process")
    ap.add_argument("--rare-limit", type=int, default=0,
                    help="most sources a story key may be in (default: as crosscheck, "
                         "max(sources/64, 64)); lower bounds the pairs a key makes at scale")
    ap.add_argument("--driver-memory", default="4g",
                    help="memory of the Spark driver, which is also the executor in local mode")
    ap.add_argument("--answers", help="gen_corpus answers.json: score the grouping against it")
    a = ap.parse_args(argv)

    from pyspark.sql import SparkSession, Window
    from pyspark.sql import functions as F
    from pyspark.storagelevel import StorageLevel

    binary = os.path.abspath(a.bin) if os.path.exists(a.bin) else a.bin
    t0 = time.time()
    spark = (SparkSession.builder.master(a.master).appName("crosscheck")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.driver.memory", a.driver_memory)
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    spark.sparkContext.setCheckpointDir(os.path.join(a.out + ".tmp", "checkpoints"))
    sc = spark.sparkContext
    spark.conf.set("spark.sql.shuffle.partitions", str(a.reduce_partitions or sc.defaultParallelism))
    timings = {}

    files = article_files(a.inputs)
    if not files:
        print("error: no article files among the inputs", file=sys.stderr)
        return 2
    parts = a.map_partitions or max(1, min(len(files), 4 * sc.defaultParallelism))
    batch = a.batch

    # map: extraction in the partitions, story keys on every line
    t = time.time()
    listing = sc.parallelize(list(enumerate(files)), parts)
    rows = listing.mapPartitions(lambda it: extract(binary, it, batch))
    df = spark.createDataFrame(rows, "ord long, k long, run string, id string, path string, "
                                     "keys array<string>, year int, line string")
    df = df.persist(StorageLevel.DISK_ONLY)
    n = df.count()
    timings["map_s"] = round(time.time() - t, 2)
    if n == 0:
        print("error: no source could be read", file=sys.stderr)
        return 2

    # aggregations over keys and pairs: a partition per 5,000 sources keeps each in memory
    if not a.reduce_partitions:
        spark.conf.set("spark.sql.shuffle.partitions",
                       str(max(sc.defaultParallelism, -(-n // 5000))))

    # year: the corpus's story year; sources that borrowed another one are extracted again
    t = time.time()
    hist = df.where(F.col("year").isNotNull()).groupBy("year").count().collect()
    year = weighted_median([(r["year"], r["count"]) for r in hist])
    redo = 0
    if year is not None:
        # each extract run's own story year, from its (run, year) counts: a small table
        by_run = {}
        for r in df.groupBy("run", "year").count().collect():
            e = by_run.setdefault(r["run"], [[], False])
            if r["year"] is None:
                e[1] = True
            else:
                e[0].append((r["year"], r["count"]))
        bad_runs = [run for run, (ys, undated) in by_run.items()
                    if undated and weighted_median(ys) != year]
        if bad_runs:
            ords = [r["ord"] for r in df.where(F.col("run").isin(bad_runs) & F.col("year").isNull())
                    .select("ord").distinct().collect()]
            again = sc.parallelize([(o, files[o]) for o in sorted(ords)], max(1, min(len(ords), parts)))
            fixed = spark.createDataFrame(
                again.mapPartitions(lambda it: extract(binary, it, batch, year)), df.schema)
            redo_ords = spark.createDataFrame([(o,) for o in ords], "ord long")
            df = df.join(redo_ords, "ord", "left_anti").unionByName(fixed)
            df = df.persist(StorageLevel.DISK_ONLY)
            redo = fixed.count()
    timings["year_s"] = round(time.time() - t, 2)

    # ids: a stem repeated across partitions is renamed as one run renames it
    t = time.time()
    w = Window.partitionBy("id").orderBy("ord", "k")
    df = df.withColumn("rn", F.row_number().over(w))
    dups = df.where(F.col("rn") > 1).select("ord", "k", "id", "path").orderBy("ord", "k").collect()
    if dups:
        used = set(r["id"] for r in df.where(F.col("id").contains("/")).select("id").collect())
        used |= set(r["id"] for r in dups)
        renamed = []
        for r in dups:
            new = unique_id(r["path"], used)
            used.add(new)
            renamed.append((r["ord"], r["k"], new))
        ren = spark.createDataFrame(renamed, "ord long, k long, new_id string")
        df = df.join(ren, ["ord", "k"], "left")
        fix = F.udf(lambda line, old, new: relabel(line, old, new) if new else line, "string")
        df = (df.withColumn("line", fix("line", "id", "new_id"))
              .withColumn("id", F.coalesce("new_id", "id")).drop("new_id"))
    df = df.drop("rn").persist(StorageLevel.DISK_ONLY)
    timings["ids_s"] = round(time.time() - t, 2)

    # stories: two shared rare keys link two sources; components by label propagation
    t = time.time()
    limit = a.rare_limit or max(n // 64, 64)
    postings = df.select("id", F.explode(F.array_distinct("keys")).alias("key"))
    df_key = postings.groupBy("key").count()
    rare = df_key.where((F.col("count") >= 2) & (F.col("count") <= limit)).select("key")
    post = postings.join(rare, "key")
    pairs = (post.alias("x").join(post.alias("y"), "key")
             .where(F.col("x.id") < F.col("y.id"))
             .groupBy(F.col("x.id").alias("a"), F.col("y.id").alias("b")).count()
             .where(F.col("count") >= 2).select("a", "b"))
    edges = pairs.union(pairs.select(F.col("b").alias("a"), F.col("a").alias("b")))
    edges = edges.localCheckpoint()
    label = df.select("id", F.col("id").alias("label"))
    rounds = 0
    while True:
        rounds += 1
        nb = (edges.join(label.withColumnRenamed("id", "b").withColumnRenamed("label", "lb"), "b")
              .groupBy("a").agg(F.min("lb").alias("lb")))
        new = (label.join(nb.withColumnRenamed("a", "id"), "id", "left")
               .select("id", F.least("label", F.coalesce("lb", "label")).alias("label")))
        new = new.localCheckpoint()
        changed = new.join(label.withColumnRenamed("label", "old"), "id").where(
            F.col("label") != F.col("old")).count()
        label = new
        if changed == 0:
            break
    sizes = label.groupBy("label").count()
    big = sizes.where(F.col("count") > 1).orderBy(F.desc("count"), "label").limit(1).collect()
    if big:
        alone = sizes.where(F.col("count") == 1).select("label")
        story = (label.join(alone.withColumn("lone", F.lit(True)), "label", "left")
                 .select("id", F.when(F.col("lone"), F.lit(big[0]["label"]))
                         .otherwise(F.col("label")).alias("story")))
    else:
        first = label.agg(F.min("id")).collect()[0][0]
        story = label.select("id", F.lit(first).alias("story"))
    df = df.join(story, "id").persist(StorageLevel.DISK_ONLY)
    stories = df.select("story").distinct().count()
    # what the reduce shuffles: the lines (characters; bytes for ASCII text)
    line_chars, key_count = df.agg(F.sum(F.length("line")), F.sum(F.size("keys"))).collect()[0]
    edge_count = pairs.count()
    timings["stories_s"] = round(time.time() - t, 2)

    grouping = None
    if a.answers:
        grouping = score_grouping(spark, F, df, a.answers)

    # reduce: one report per partition of stories (or one for all, in exact mode)
    t = time.time()
    if os.path.exists(a.out):
        shutil.rmtree(a.out)
    # (story, input order, id, line): a report lists sources, and so the claims of a
    # finding, in input order
    rows = df.select("story", "ord", "k", "id", "line").rdd.map(
        lambda r: (r[0], (r[1], r[2]), r[3], r[4]))
    modes = ["stories", "exact"] if a.mode == "both" else [a.mode]
    reduce_parts = a.reduce_partitions or parts
    counts, found = {}, {}
    for mode in modes:
        name = "findings" if mode == "stories" else "findings-exact"
        if mode == "exact":
            keyed = rows.map(lambda v: (0, v)).partitionBy(1)
        else:
            keyed = rows.map(lambda v: (v[0], v)).partitionBy(reduce_parts)
        keyed.mapPartitions(lambda it, m=mode: reduce_partition(binary, m, it)) \
            .saveAsTextFile(os.path.join(a.out, name))
        counts[mode], found[mode] = count_findings(os.path.join(a.out, name))
        timings[f"reduce_{mode}_s"] = round(time.time() - t, 2)
        t = time.time()
    timings["total_s"] = round(time.time() - t0, 2)
    summary = {
        "schema": "crosscheck-spark-summary@1",
        "mode": a.mode,
        "master": a.master,
        "files": len(files),
        "sources": n,
        "stories": stories,
        "story_links": edge_count,
        "story_keys": int(key_count or 0),
        "reduce_input_chars": int(line_chars or 0),
        "label_rounds": rounds,
        "rare_limit": limit,
        "story_year": year,
        "extracted_again": redo,
        "map_partitions": parts,
        "reduce_partitions": {m: (1 if m == "exact" else reduce_parts) for m in modes},
        "findings": found,
        "verdicts": {m: dict(sorted(c.items())) for m, c in counts.items()},
        "grouping": grouping,
        "timings": timings,
    }
    with open(os.path.join(a.out, "summary.json"), "w", encoding="utf-8") as fh:
        json.dump(summary, fh, indent=2)
        fh.write("\n")
    shutil.rmtree(a.out + ".tmp", ignore_errors=True)
    print(json.dumps(summary))
    spark.stop()
    return 0


def reduce_partition(binary, mode, it):
    """One `crosscheck report` over a partition's (story, id, line) rows: JSON lines, one per
    story, with its sources and findings."""
    rows = [v for _, v in it]
    if not rows:
        return
    if mode == "exact":
        rows.sort(key=lambda v: v[1])
        lines = [line for _, _, _, line in rows]
    else:
        rows.sort(key=lambda v: (v[0], v[1]))
        lines = ['{"story_id":' + json.dumps(s, ensure_ascii=False) + "," + line[1:]
                 for s, _, _, line in rows]
    story_of = {i: s for s, _, i, _ in rows}
    rep = report(binary, lines)
    per = {}
    for s, _, i, _ in rows:
        per.setdefault(s, {"story": s, "sources": [], "findings": []})["sources"].append(i)
    for f in rep.get("findings", []):
        ids = [c["source"] for c in f.get("claims", [])]
        s = story_of.get(ids[0]) if ids else None
        per.setdefault(s, {"story": s, "sources": [], "findings": []})["findings"].append(f)
    for s in sorted(per, key=lambda x: (x is None, x or "")):
        yield json.dumps(per[s], ensure_ascii=False, sort_keys=True)


def count_findings(out_dir):
    """Findings by verdict, and in all, in a findings directory."""
    counts, found = {}, 0
    for name in sorted(os.listdir(out_dir)):
        if name.startswith("part-"):
            with open(os.path.join(out_dir, name), encoding="utf-8") as fh:
                for line in fh:
                    for f in json.loads(line)["findings"]:
                        counts[f["verdict"]] = counts.get(f["verdict"], 0) + 1
                        found += 1
    return counts, found


def score_grouping(spark, F, df, answers_path):
    """Pairwise precision and recall of the stories against gen_corpus's answer key: of the
    source pairs put in one story, how many are in one story of the key, and of those in one
    story of the key, how many were put together. Counted from story sizes, no pair list."""
    with open(answers_path, encoding="utf-8") as fh:
        key = [(x["id"], int(x["story"])) for x in json.load(fh)["articles"]]
    truth = spark.createDataFrame(key, "id string, truth int")
    both = df.select("id", "story").join(truth, "id")
    pairs = lambda col: F.sum(F.col(col) * (F.col(col) - 1) / 2)
    got = both.groupBy("story").count().withColumnRenamed("count", "c").agg(pairs("c")).collect()[0][0] or 0
    want = both.groupBy("truth").count().withColumnRenamed("count", "c").agg(pairs("c")).collect()[0][0] or 0
    hit = both.groupBy("story", "truth").count().withColumnRenamed("count", "c").agg(pairs("c")).collect()[0][0] or 0
    return {
        "pairs_grouped": int(got),
        "pairs_in_key": int(want),
        "pairs_right": int(hit),
        "precision": round(hit / got, 4) if got else 1.0,
        "recall": round(hit / want, 4) if want else 1.0,
    }


if __name__ == "__main__":
    sys.exit(main())
