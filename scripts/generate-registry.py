#!/usr/bin/env python3
"""Writes a synthetic registry of qualified-invoice issuers in the National Tax Agency's format.

24 columns, every field quoted, UTF-8, no header, LF line ends, valid check-digit T-numbers.
About 194 bytes a row, so 5,000,000 rows make a file of about 970 MB (like the real full data).
A mix of kinds (個人 with and without a published name, 法人), registrations from 2023-10-01 on,
some expired (失効) or cancelled (取消), some with a history row (latest=0) before a name change,
a few deleted (process 99). Deterministic for a given --seed.

  scripts/generate-registry.py 5000000 /tmp/registry-full.csv
  scripts/generate-registry.py --diff 2000 --date 2024-04-01 --rows-in-full 5000000 /tmp/diff.csv

With --diff, writes N change rows (name changes, cancellations, expiries, deletions, new
registrations) for numbers of a full file made with the same --seed and --rows-in-full.
"""
import argparse
import random
import sys

PREFECTURES = [
    ("01", "北海道", "札幌市中央区"), ("04", "宮城県", "仙台市青葉区"), ("11", "埼玉県", "さいたま市大宮区"),
    ("12", "千葉県", "千葉市美浜区"), ("13", "東京都", "千代田区"), ("13", "東京都", "港区"),
    ("13", "東京都", "新宿区"), ("14", "神奈川県", "横浜市西区"), ("23", "愛知県", "名古屋市中区"),
    ("26", "京都府", "京都市下京区"), ("27", "大阪府", "大阪市北区"), ("28", "兵庫県", "神戸市中央区"),
    ("34", "広島県", "広島市中区"), ("40", "福岡県", "福岡市博多区"), ("47", "沖縄県", "那覇市"),
]
TOWNS = ["丸の内", "大手町", "西新宿", "梅田", "栄", "天神", "本町", "中央", "駅前", "港南", "緑町", "桜木町"]
CORP_FORMS = ["株式会社", "有限会社", "合同会社", "一般社団法人", "医療法人社団"]
CORP_WORDS = ["山田", "さくら", "アオバ", "東洋", "日本", "テクノ", "グローバル", "みらい", "北斗", "ひかり",
              "商事", "工業", "建設", "物産", "システムズ", "フーズ", "ロジスティクス", "不動産", "電機", "精工"]
CORP_KANA = ["ヤマダ", "サクラ", "アオバ", "トウヨウ", "ニホン", "テクノ", "グローバル", "ミライ", "ホクト", "ヒカリ"]
SURNAMES = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山口"]
GIVEN = ["太郎", "花子", "一郎", "美咲", "健太", "陽子", "翔", "由美", "大輔", "直子"]
TRADE = ["商店", "工房", "デザイン事務所", "カフェ", "整体院", "塾", "写真館", "設計室"]

MULTIPLIER = 982_451_653  # prime, coprime with 10**12: index -> unique 12-digit body


def check_digit(body):
    total = 0
    for n in range(1, 13):
        total += (body % 10) * (1 if n % 2 == 1 else 2)
        body //= 10
    return 9 - total % 9


def number(index):
    body = (index * MULTIPLIER + 123_456_789) % 10**12
    return "T%d%012d" % (check_digit(body), body)


def date(rng, start_year=2023, end_year=2025):
    year = rng.randint(start_year, end_year)
    month = rng.randint(10, 12) if year == 2023 else rng.randint(1, 12)
    return "%04d-%02d-%02d" % (year, month, rng.randint(1, 28))


def address(rng):
    code, pref, city = rng.choice(PREFECTURES)
    building = "%s%sビル%d階" % (rng.choice(CORP_WORDS), rng.choice(TOWNS), rng.randint(1, 30)) if rng.random() < 0.85 else ""
    return code, "101", "%s%s%s%d丁目%d番%d号%s" % (
        pref, city, rng.choice(TOWNS), rng.randint(1, 9), rng.randint(1, 30), rng.randint(1, 20), building)


def corp_name(rng):
    return rng.choice(CORP_FORMS) + rng.choice(CORP_WORDS) + rng.choice(CORP_WORDS)


def quote(fields):
    return '"' + '","'.join(fields) + '"\n'


def row(seq, num, process, kind, latest, registered, updated, disposal, expire, name, kana, addr, trade, popular):
    code, city, text = addr
    if kind == "2":
        fields = [str(seq), num, process, "0", kind, "1", latest, registered, updated, disposal, expire,
                  text, code, city, "", "", "", kana, name, "", "", "", trade, popular]
    else:
        fields = [str(seq), num, process, "0", kind, "1", latest, registered, updated, disposal, expire,
                  "", "", "", text, code if text else "", city if text else "", kana, name, "", "", "", trade,
                  popular]
    return quote(fields)


def issuer(rng, index):
    """The full-data rows of one registration (history row first)."""
    num = number(index)
    kind = "2" if rng.random() < 0.45 else "1"
    registered = date(rng, 2023, 2024)
    updated = registered
    disposal = expire = ""
    process = "01"
    r = rng.random()
    if r < 0.03:
        expire, process = date(rng, 2024, 2025), "03"
        updated = expire
    elif r < 0.04:
        disposal, process = date(rng, 2024, 2025), "04"
        updated = disposal
    if kind == "2":
        name, kana, addr = corp_name(rng), rng.choice(CORP_KANA) + rng.choice(CORP_KANA), address(rng)
        trade = popular = ""
    else:
        published = rng.random() < 0.5
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) if published else ""
        kana = ""
        addr = address(rng) if published and rng.random() < 0.6 else ("", "", "")
        trade = rng.choice(SURNAMES) + rng.choice(TRADE) if published and rng.random() < 0.4 else ""
        popular = rng.choice(SURNAMES) + rng.choice(GIVEN) if published and rng.random() < 0.05 else ""
    rows = []
    if rng.random() < 0.05 and process == "01":
        # A name or address change: the earlier state as a history row, the current one as latest.
        old_name = corp_name(rng) if kind == "2" else name
        rows.append((num, "01", kind, "0", registered, registered, "", "", old_name, kana, addr, trade, popular))
        updated, process = date(rng, 2024, 2025), "02"
        if updated < registered:
            updated = registered
    rows.append((num, process, kind, "1", registered, updated, disposal, expire, name, kana, addr, trade, popular))
    return rows


def write_full(count, out, seed):
    rng = random.Random(seed)
    seq = 0
    index = 0
    buffer = []
    while seq < count:
        for fields in issuer(rng, index):
            if seq >= count:
                break
            seq += 1
            buffer.append(row(seq, *fields))
        index += 1
        if len(buffer) >= 20000:
            out.write("".join(buffer))
            buffer.clear()
    out.write("".join(buffer))


def write_diff(count, out, seed, rows_in_full, day):
    rng = random.Random(seed * 7919 + sum(map(ord, day)))
    for seq in range(1, count + 1):
        r = rng.random()
        if r < 0.15:  # a new registration, past the numbers of the full data
            index = rows_in_full + rng.randrange(10**6)
            out.write(row(seq, number(index), "01", "2", "1", day, day, "", "", corp_name(rng), "", address(rng), "", ""))
            continue
        index = rng.randrange(max(rows_in_full // 2, 1))
        num = number(index)
        if r < 0.70:
            out.write(row(seq, num, "02", "2", "1", "2023-10-01", day, "", "", corp_name(rng), "", address(rng), "", ""))
        elif r < 0.85:
            out.write(row(seq, num, "04", "2", "1", "2023-10-01", day, day, "", corp_name(rng), "", address(rng), "", ""))
        elif r < 0.98:
            out.write(row(seq, num, "03", "2", "1", "2023-10-01", day, "", day, corp_name(rng), "", address(rng), "", ""))
        else:
            out.write(row(seq, num, "99", "2", "1", "2023-10-01", day, "", "", "", "", ("", "", ""), "", ""))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", type=int)
    parser.add_argument("output")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--diff", action="store_true", help="write change rows for a full file")
    parser.add_argument("--date", default="2024-04-01", help="the diff's update date")
    parser.add_argument("--rows-in-full", type=int, default=5_000_000)
    args = parser.parse_args()
    with open(args.output, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as out:
        if args.diff:
            write_diff(args.rows, out, args.seed, args.rows_in_full, args.date)
        else:
            write_full(args.rows, out, args.seed)


if __name__ == "__main__":
    sys.exit(main())
