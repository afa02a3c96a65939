#!/usr/bin/env python3
"""Compares the findings of the Spark job (its --out directory) with those of
`crosscheck report --format json` (a file), as sorted JSON.

    compare.py REPORT.json SPARK_OUT [--stories]

Exit 0 when they are equal. With --stories (the job's default mode, where nothing is compared
across stories), findings about quotes, credits and names that single-machine `report` grouped
across stories may differ; every figure finding must still be equal. The differences are
counted on stderr either way."""
import json
import os
import sys

WORDING = {"quote", "attribution", "name"}


def canon(finding):
    return json.dumps(finding, sort_keys=True, ensure_ascii=False)


def spark_findings(out):
    found = []
    d = os.path.join(out, "findings")
    for name in sorted(os.listdir(d)):
        if name.startswith("part-"):
            with open(os.path.join(d, name), encoding="utf-8") as fh:
                for line in fh:
                    found.extend(json.loads(line)["findings"])
    return found


def main(argv):
    stories = "--stories" in argv
    args = [a for a in argv if a != "--stories"]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(args[0], encoding="utf-8") as fh:
        one = json.load(fh)["findings"]
    spark = spark_findings(args[1])
    a = sorted(canon(f) for f in one)
    b = sorted(canon(f) for f in spark)
    only_one = sorted(set(a) - set(b))
    only_spark = sorted(set(b) - set(a))
    bad = len(a) != len(b) or only_one or only_spark
    print(f"compare: one machine {len(a)} findings, spark {len(b)}; "
          f"{len(only_one)} only on one machine, {len(only_spark)} only in spark", file=sys.stderr)
    if not bad:
        return 0
    kinds = lambda xs: sorted({json.loads(x)["kind"] for x in xs})
    print(f"compare: kinds that differ: {kinds(only_one + only_spark)}", file=sys.stderr)
    if stories and all(json.loads(x)["kind"] in WORDING for x in only_one + only_spark):
        figures = lambda xs: sorted(x for x in xs if json.loads(x)["kind"] not in WORDING)
        if figures(a) == figures(b):
            print("compare: figure findings equal; quote, credit and name findings differ "
                  "where one machine grouped them across stories", file=sys.stderr)
            return 0
    for x in (only_one + only_spark)[:3]:
        print(x[:400], file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
