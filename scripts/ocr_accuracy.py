#!/usr/bin/env python3
"""Character accuracy of `invoice-worker extract --json` output against the samples' ground truth.

Usage: invoice-worker extract --json FILE... | scripts/ocr_accuracy.py [--diff]
(--diff prints, under each file, every row read differently from its truth, and words that
matched no row.)
Accuracy = 1 - errors / truth characters, over non-whitespace NFKC characters. The truth's
strings are grouped into rows (by vertical centre, as ReadingOrder.swift groups words); every
word read is assigned to the row whose vertical centre is nearest (within a row height, else
it counts whole as inserted), and each row's words, left to right, are compared with the row's
text by edit distance. Matching rows by position rather than by sequence keeps a block that the
reader put one line higher or lower from counting twice; every misread, dropped or extra
character still counts. Stamp text ("role": "seal") is not counted. One line per file, then
the mean.
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


def rows_of(strings):
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
    return rows


DIFF = "--diff" in sys.argv[1:]


def page_errors(truth_strings, words):
    """(errors, truth characters) for one page: words matched to truth rows by position."""
    rows = rows_of(truth_strings)
    for row in rows:  # a row's band is the union of its strings' boxes (as TextLine.box)
        top = min(i["box"][1] for i in row["items"])
        bottom = max(i["box"][1] + i["box"][3] for i in row["items"])
        row["centre"], row["height"] = (top + bottom) / 2, bottom - top
    assigned = [[] for _ in rows]
    errors = 0
    for word in words:
        x, y, w, h = word["box"]
        mid = y + h / 2
        best = min(range(len(rows)), key=lambda i: abs(rows[i]["centre"] - mid), default=None)
        if best is None or abs(rows[best]["centre"] - mid) > rows[best]["height"]:
            errors += len(significant(word["text"]))
            if DIFF:
                print(f"    extra   {word['text']!r}")
        else:
            assigned[best].append(word)
    total = 0
    for row, row_words in zip(rows, assigned):
        expected = significant("".join(i["text"] for i in sorted(row["items"], key=lambda i: i["box"][0])))
        read = significant("".join(w["text"] for w in sorted(row_words, key=lambda w: w["box"][0])))
        row_errors = distance(read, expected)
        errors += row_errors
        total += len(expected)
        if DIFF and row_errors:
            print(f"    {row_errors:3d}  want {''.join(expected)}\n         read {''.join(read)}")
    return errors, total


def main():
    data = json.load(sys.stdin)
    documents = data if isinstance(data, list) else [data]
    scores = []
    for doc in documents:
        truth_path = os.path.splitext(doc["file"])[0] + ".json"
        if "pages" not in doc or not os.path.exists(truth_path):
            continue
        truth = json.load(open(truth_path, encoding="utf-8"))
        errors = total = 0
        for page in doc["pages"]:
            truth_page = next(p for p in truth["pages"] if p["number"] == page["number"])
            words = [w for line in page["lines"] for w in line["words"]]
            e, t = page_errors([s for s in truth_page["strings"] if not s.get("role")], words)
            errors += e
            total += t
        score = 1 - errors / total
        scores.append(score)
        sources = ",".join(p["source"] for p in doc["pages"])
        print(f"{os.path.basename(doc['file']):28s} {sources:22s} {score:.4f}")
    if scores:
        print(f"{'mean':28s} {'':22s} {sum(scores) / len(scores):.4f}")


if __name__ == "__main__":
    main()
