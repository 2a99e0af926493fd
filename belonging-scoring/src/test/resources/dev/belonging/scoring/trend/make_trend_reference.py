"""Reference values for TrendReferenceTest, from lq2002.csv (shared/data), independent of the library.

Run from this directory:  python3 make_trend_reference.py /path/to/shared/data > trend_reference.txt
(Python 3, numpy 2.4, scipy 1.17.)

Waves: within each company, in file order, row i of n goes to wave floor(W * i / n) (W = 2: the first half
and the second half; W = 3: thirds). Scores: mean of a respondent's coded items per dimension (lq2002 has no
missing answers); hostility items are reverse-coded 4 - x into "civility".

Lines:
  change W DIMENSION SEGMENT FROM TO difference ciLow ciHigh pValue
      scipy.stats.ttest_ind(b, a, equal_var=False) and its .confidence_interval(0.95)
  q W DIMENSION SEGMENT FROM TO qValue
      scipy.stats.false_discovery_control(p, method='bh') over the population changes of W waves
  did W AFTER DIMENSION TREATED estimate standardError ciLow ciHigh pValue df
      OLS of score ~ treated + factor(wave) + treated:after by numpy.linalg.lstsq; classical
      SE = sqrt(sigma2 * inv(X'X)[j, j]), sigma2 = RSS / (n - p); p-value 2 * scipy.stats.t.sf(|t|, n - p);
      CI estimate -/+ scipy.stats.t.ppf(0.975, n - p) * SE
  placebo W AFTER DIMENSION TREATED PLACEBO estimate standardError
      the same OLS with PLACEBO as treated, everyone but PLACEBO and TREATED as control
"""
import csv
import sys

import numpy as np
from scipy import stats

DATA = sys.argv[1] if len(sys.argv) > 1 else "../../../../../../../../shared/data"
TREATED = "C18"
DIMS = {
    "leadership": ["LEAD%02d" % i for i in range(1, 12)],
    "significance": ["TSIG01", "TSIG02", "TSIG03"],
    "civility": ["HOSTIL%02d" % i for i in range(1, 6)],
}

rows = list(csv.DictReader(open(DATA + "/lq2002.csv", encoding="utf-8")))


def score(row, dim):
    items = DIMS[dim]
    vals = [(4 - int(row[q])) if q.startswith("HOSTIL") else int(row[q]) for q in items]
    return sum(vals) / len(vals)


def waves_of(w):
    seen, sizes = {}, {}
    for r in rows:
        sizes[r["company"]] = sizes.get(r["company"], 0) + 1
    out = []
    for r in rows:
        i = seen.get(r["company"], 0)
        seen[r["company"]] = i + 1
        out.append((w * i) // sizes[r["company"]])
    return out


def fmt(x):
    return repr(float(x))


def did(y, treated, wave, waves, after):
    n = len(y)
    cols = [np.ones(n), treated.astype(float)]
    for w in range(1, waves):
        cols.append((wave == w).astype(float))
    cols.append(treated * (wave >= after).astype(float))
    X = np.column_stack(cols)
    beta, _, _, _ = np.linalg.lstsq(X, y, rcond=None)
    resid = y - X @ beta
    p = X.shape[1]
    df = n - p
    sigma2 = resid @ resid / df
    cov = sigma2 * np.linalg.inv(X.T @ X)
    est = beta[-1]
    se = np.sqrt(cov[-1, -1])
    t = est / se
    pv = 2 * stats.t.sf(abs(t), df)
    q = stats.t.ppf(0.975, df)
    return est, se, est - q * se, est + q * se, pv, df


company = np.array([r["company"] for r in rows])
for W, AFTER in ((2, 1), (3, 2)):
    wave = np.array(waves_of(W))
    labels = ["w%d" % (i + 1) for i in range(W)]
    pairs = [(i, i + 1) for i in range(W - 1)] + ([(0, W - 1)] if W > 2 else [])
    pop_p, pop_keys = [], []
    for dim in DIMS:
        y = np.array([score(r, dim) for r in rows])
        for a, b in pairs:
            for seg, mask in (("all", np.ones(len(rows), bool)), ("company=" + TREATED, company == TREATED)):
                xa, xb = y[mask & (wave == a)], y[mask & (wave == b)]
                res = stats.ttest_ind(xb, xa, equal_var=False)
                ci = res.confidence_interval(0.95)
                print("change", W, dim, seg, labels[a], labels[b], fmt(xb.mean() - xa.mean()), fmt(ci.low),
                      fmt(ci.high), fmt(res.pvalue))
                if seg == "all":
                    pop_p.append(res.pvalue)
                    pop_keys.append((dim, seg, labels[a], labels[b]))
        treated = (company == TREATED).astype(float)
        est = did(y, treated, wave, W, AFTER)
        print("did", W, labels[AFTER], dim, "company=" + TREATED, *[fmt(v) for v in est[:5]], est[5])
        for other in sorted(set(company) - {TREATED}):
            keep = company != TREATED
            e = did(y[keep], (company[keep] == other).astype(float), wave[keep], W, AFTER)
            print("placebo", W, labels[AFTER], dim, "company=" + TREATED, "company=" + other, fmt(e[0]), fmt(e[1]))
    for key, q in zip(pop_keys, stats.false_discovery_control(pop_p, method="bh")):
        print("q", W, *key, fmt(q))
