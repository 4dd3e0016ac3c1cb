#!/usr/bin/env python3
"""Character accuracy of `invoice-worker extract --json` output against the samples' ground truth.

Usage: invoice-worker extract --json FILE... | scripts/ocr_accuracy.py
Accuracy = 1 - edit distance / truth length, over non-whitespace NFKC characters, truth strings
put in reading order the way the reader groups words (rows by vertical centre); stamp text
("role": "seal") is not counted. Prints one line per file and the mean.
"""
import json, os, sys, unicodedata


def significant(text):
    return [c for c in unicodedata.normalize("NFKC", text) if not c.isspace()]


def distance(a, b):
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        ai = a[i - 1]
        for j in range(1, len(b) + 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ai != b[j - 1]))
        previous = current
    return previous[len(b)]


def reading_order(strings):
    """Rows of strings whose vertical centres are within half a height (as ReadingOrder.swift)."""
    rows = []
    for s in sorted(strings, key=lambda s: (s["box"][1] + s["box"][3] / 2, s["box"][0])):
        x, y, w, h = s["box"]
        mid = y + h / 2
        for row in reversed(rows[-4:]):
            if abs(mid - row["centre"]) <= 0.5 * min(h, row["height"]):
                n = len(row["items"])
                row["items"].append(s)
                row["centre"] = (row["centre"] * n + mid) / (n + 1)
                row["height"] = (row["height"] * n + h) / (n + 1)
                break
        else:
            rows.append({"items": [s], "centre": mid, "height": h})
    rows.sort(key=lambda r: (min(i["box"][1] for i in r["items"]), min(i["box"][0] for i in r["items"])))
    return "\n".join(" ".join(i["text"] for i in sorted(r["items"], key=lambda i: i["box"][0])) for r in rows)


def main():
    data = json.load(sys.stdin)
    documents = data if isinstance(data, list) else [data]
    scores = []
    for doc in documents:
        truth_path = os.path.splitext(doc["file"])[0] + ".json"
        if "pages" not in doc or not os.path.exists(truth_path):
            continue
        truth = json.load(open(truth_path, encoding="utf-8"))
        read = "\n".join(p["text"] for p in doc["pages"])
        expected = "\n".join(reading_order([s for s in p["strings"] if not s.get("role")]) for p in truth["pages"])
        a, b = significant(read), significant(expected)
        score = 1 - distance(a, b) / len(b)
        scores.append(score)
        sources = ",".join(p["source"] for p in doc["pages"])
        print(f"{os.path.basename(doc['file']):28s} {sources:22s} {score:.4f}")
    if scores:
        print(f"{'mean':28s} {'':22s} {sum(scores) / len(scores):.4f}")


if __name__ == "__main__":
    main()
