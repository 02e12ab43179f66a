#!/usr/bin/env python3
"""Writes the checked-in bad-input corpus (run once; the files are committed). Every raw file is one IMS-style
snapshot of 4 channels x 256 rows (the good files the tests write beside it have the same layout) with one fault;
cases.tsv says what the importer must do with it. Large cases (a 1.2 MB line, a 20,480-row CR-only file, 40 of
them) are written by the tests themselves."""
import math, os

ROWS, CH = 256, 4

def value(r, c):
    return round(0.1 * math.sin(0.3 * r + c) + 0.01 * c, 6)

def rows(fmt=lambda v: f"{v:.6f}", sep="\t", eol="\n", n=ROWS):
    return "".join(sep.join(fmt(value(r, c)) for c in range(CH)) + eol for r in range(n))

def raw(name, data):
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(os.path.join("raw", name), mode, **({} if mode == "wb" else {"newline": ""})) as f:
        f.write(data)

good = rows()
lines = good.splitlines(keepends=True)
raw("cr-only-line-endings.txt", rows(eol="\r"))
raw("decimal-comma.txt", rows(fmt=lambda v: f"{v:.6f}".replace(".", ",")))
raw("utf8-bom.txt", "\ufeff" + good)
raw("non-numeric-token.txt", "".join(lines[:100]) + "0.1\tabc\t0.2\t0.3\n" + "".join(lines[101:]))
raw("hex-float-literal.txt", "".join(lines[:10]) + "0x1p3\t0.1\t0.2\t0.3\n" + "".join(lines[11:]))
raw("float-suffix-literal.txt", "".join(lines[:10]) + "1.5f\t0.1\t0.2\t0.3\n" + "".join(lines[11:]))
raw("double-suffix-literal.txt", "".join(lines[:10]) + "2d\t0.1\t0.2\t0.3\n" + "".join(lines[11:]))
raw("token-longer-than-64.txt", "".join(lines[:10]) + "1." + "2" * 70 + "e42\t0.1\t0.2\t0.3\n" + "".join(lines[11:]))
raw("long-token-exact.txt", "".join(lines[:10]) + "1.230000000000000000000000000000000000000000e42\t0.1\t0.2\t0.3\n" + "".join(lines[11:]))
raw("nan-token.txt", "".join(lines[:10]) + "NaN\t0.1\t0.2\t0.3\n" + "".join(lines[11:]))
raw("infinity-token.txt", "".join(lines[:10]) + "Infinity\t0.1\t0.2\t0.3\n" + "".join(lines[11:]))
raw("beyond-double-range.txt", "".join(lines[:10]) + "1e400\t0.1\t0.2\t0.3\n" + "".join(lines[11:]))
raw("values-near-double-max.txt", "".join(("1.7e308\t-1.7e308\t0.1\t0.2\n" if r % 2 == 0 else "-1.7e308\t1.7e308\t0.1\t0.2\n") for r in range(ROWS)))
raw("values-1e308-one-sign.txt", "".join("1e308\t1e308\t1e308\t1e308\n" for r in range(ROWS)))
raw("nul-bytes.txt", ("".join(lines[:5]) + "0.1\t\x00\x00\x01\t0.2\t0.3\n" + "".join(lines[6:])).encode("latin-1"))
raw("wide-line-2000-tokens.txt", "\t".join("0.1" for _ in range(2000)) + "\n" + "".join(lines[1:]))
raw("extra-column-row.txt", "".join(lines[:50]) + "0.1\t0.1\t0.2\t0.3\t0.4\n" + "".join(lines[51:]))
raw("missing-column-row.txt", "".join(lines[:50]) + "0.1\t0.1\t0.2\n" + "".join(lines[51:]))
raw("truncated-last-row.txt", good[:-12])
raw("empty.txt", "")
raw("blank-lines-only.txt", "\n\n  \n\t\n")
raw("binary-garbage.txt", bytes((i * 37 + 11) % 256 for i in range(4096)))
raw("three-channels.txt", "".join("\t".join(f"{value(r, c):.6f}" for c in range(3)) + "\n" for r in range(ROWS)))
raw("fewer-rows.txt", "".join(lines[:100]))
raw("lone-sign.txt", "".join(lines[:10]) + "-\t0.1\t0.2\t0.3\n" + "".join(lines[11:]))

def csv(name, text):
    with open(os.path.join("csv", name), "w", newline="") as f:
        f.write(text)

H = "timestamp,file,rows,ch1_mean_abs,ch2_mean_abs\n"
def row(ts, a=0.1, b=0.2, rows=20480, file=None):
    return f"{ts},{file or ts.replace('-', '.').replace(' ', '.').replace(':', '.')},{rows},{a},{b}\n"
base = [f"2004-02-12 {10 + i // 6:02d}:{(i % 6) * 10:02d}:39" for i in range(12)]
good_csv = H + "".join(row(t, 0.1 + i * 0.001, 0.2) for i, t in enumerate(base))
csv("invalid-date-feb-30.csv", H + row("2025-02-30 10:00:00") + "".join(row(t) for t in base[1:]))
csv("duplicate-timestamp-same-values.csv", H + "".join(row(t) for t in base) + row(base[3]))
csv("duplicate-timestamp-other-values.csv", H + "".join(row(t) for t in base) + row(base[3], 9.9, 9.9))
csv("second-file-column.csv", "timestamp,file,rows,file,ch1_mean_abs\n" + "".join(f"{t},a,20480,b,0.1\n" for t in base))
csv("negative-rows.csv", H + row(base[0], rows=-5) + "".join(row(t) for t in base[1:]))
csv("feature-named-timestamp.csv", "timestamp,ch1_mean_abs,timestamp\n" + "".join(f"{t},0.1,0.2\n" for t in base))
csv("java-literal-cell.csv", H + row(base[0], a="0x1p3") + "".join(row(t) for t in base[1:]))
csv("nan-cell.csv", H + row(base[0], a="NaN") + "".join(row(t) for t in base[1:]))
csv("values-near-double-max.csv", H + "".join(row(t, 1.7e308 if i % 2 else -1.7e308, 0.2) for i, t in enumerate(base)))
csv("year-zero.csv", H + row("0000-01-01 00:00:00") + "".join(row(t) for t in base[1:]))
csv("good.csv", good_csv)
with open("scaler-max-below-min.json", "w") as f:
    f.write('{"data_min_": [0.5, 0.5, 0.5, 0.5], "data_max_": [0.1, 0.9, 0.9, 0.9]}\n')
with open("good-snapshot.txt", "w", newline="") as f:
    f.write(good)
