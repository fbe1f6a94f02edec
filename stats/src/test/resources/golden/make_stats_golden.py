#!/usr/bin/python3
"""Golden cases for strix-stats, computed by NumPy/SciPy (see README.md next to this file).

Usage: /usr/bin/python3 make_stats_golden.py [name ...]   (writes <name>.json next to itself for
each of descriptive, distributions, hypothesis, kde, mvn, descriptive_axis; all when none is named;
deterministic for a given NumPy/SciPy version; each file has its own seed, so regenerating one
leaves the others unchanged).
Array encoding as in shared/oracle: {"dtype", "shape", "data"}; non-finite floats as strings.
"""
import json
import math
import os
import warnings

import numpy as np
import scipy
import scipy.stats as st

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20240607)


def num(v):
    v = float(v)
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return v


def enc(a):
    a = np.asarray(a)
    if a.dtype.kind in "iu":
        return {"dtype": "int64", "shape": list(a.shape), "data": [int(v) for v in a.ravel()]}
    return {"dtype": "float64", "shape": list(a.shape), "data": [num(v) for v in a.astype(np.float64).ravel()]}


def case(out, op, inputs, params, fn, rtol=1e-12, atol=1e-13):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with np.errstate(all="ignore"):
            try:
                res = fn()
                expected = {k: enc(v) for k, v in res.items()}
                error = None
            except Exception as e:
                expected, error = None, type(e).__name__
    out.append({"op": op, "params": params, "inputs": {k: enc(v) for k, v in inputs.items()},
                "expected": expected, "error": error, "rtol": rtol, "atol": atol})


def hf3(x, p):
    """Hyndman-Fan type 3 (R's quantile(type=3)). NumPy 1.24's closest_observation tests the parity
    of the 0-based index instead of the 1-based one (median of 1..7 gives 3); Strix follows R and
    Commons Statistics, so the golden value comes from this definition."""
    x = np.sort(np.ravel(x))
    n = len(x)
    h = n * p - 0.5
    j = math.floor(h)
    g = h - j
    k = j + (0 if (g == 0 and j % 2 == 0) else 1)
    return x[min(max(k, 1), n) - 1]


def quantile_ref(x, q, ax, m):
    if m != "closest_observation":
        return np.quantile(x, q, axis=ax, method=m)
    if ax is None:
        return np.float64(hf3(x, q))
    return np.apply_along_axis(lambda v: hf3(v, q), ax, x)


def descriptive():
    out = []
    samples = [rng.normal(3, 2, (7,)), rng.uniform(-5, 5, (4, 6)), rng.gamma(2.0, 1.5, (3, 4, 5)),
               np.round(rng.normal(0, 2, (5, 8))), rng.standard_t(3, (40,))]
    for x in samples:
        axes = [None] + list(range(x.ndim))
        for ax in axes:
            p = {"axis": ax}
            case(out, "mean", {"x": x}, p, lambda x=x, ax=ax: {"out": np.mean(x, axis=ax)})
            case(out, "median", {"x": x}, p, lambda x=x, ax=ax: {"out": np.median(x, axis=ax)})
            for dd in (0, 1):
                case(out, "var", {"x": x}, dict(p, ddof=dd), lambda x=x, ax=ax, dd=dd: {"out": np.var(x, axis=ax, ddof=dd)})
                case(out, "std", {"x": x}, dict(p, ddof=dd), lambda x=x, ax=ax, dd=dd: {"out": np.std(x, axis=ax, ddof=dd)})
                case(out, "zscore", {"x": x}, dict(p, ddof=dd), lambda x=x, ax=ax, dd=dd: {"out": st.zscore(x, axis=ax, ddof=dd)})
            for bias in (True, False):
                case(out, "skewness", {"x": x}, dict(p, bias=bias), lambda x=x, ax=ax, b=bias: {"out": st.skew(x, axis=ax, bias=b)}, 1e-10, 1e-12)
                case(out, "kurtosis", {"x": x}, dict(p, bias=bias), lambda x=x, ax=ax, b=bias: {"out": st.kurtosis(x, axis=ax, bias=b)}, 1e-10, 1e-12)
            case(out, "iqr", {"x": x}, p, lambda x=x, ax=ax: {"out": st.iqr(x, axis=ax)})
            case(out, "mad", {"x": x}, dict(p, scale="normal"), lambda x=x, ax=ax: {"out": st.median_abs_deviation(x, axis=ax, scale="normal")})
            case(out, "mad", {"x": x}, dict(p, scale=1.0), lambda x=x, ax=ax: {"out": st.median_abs_deviation(x, axis=ax)})
            for q in (0.0, 0.1, 0.25, 0.5, 0.9, 1.0):
                for m in ("inverted_cdf", "averaged_inverted_cdf", "closest_observation", "interpolated_inverted_cdf",
                          "hazen", "weibull", "linear", "median_unbiased", "normal_unbiased",
                          "lower", "higher", "nearest", "midpoint"):
                    if ax is not None and q not in (0.25, 0.9):
                        continue
                    case(out, "quantile", {"x": x}, dict(p, q=q, method=m),
                         lambda x=x, ax=ax, q=q, m=m: {"out": quantile_ref(x, q, ax, m)})
            if ax is not None:
                case(out, "minmax", {"x": x}, p, lambda x=x, ax=ax: {"out": (x - x.min(axis=ax, keepdims=True)) / np.ptp(x, axis=ax, keepdims=True)})
            for meth in ("average", "min", "max", "dense", "ordinal"):
                if ax is None or x.ndim > 1:
                    case(out, "rank", {"x": x}, dict(p, method=meth),
                         lambda x=x, ax=ax, meth=meth: {"out": st.rankdata(x, method=meth, axis=ax).reshape(x.shape) if ax is None else st.rankdata(x, method=meth, axis=ax)}, 0, 0)
    # nearest-halves and small samples for every quantile method
    for n in (1, 2, 3, 4, 5, 10):
        x = rng.normal(0, 1, n)
        for q in (0.0, 0.125, 0.25, 0.3, 0.5, 0.625, 0.75, 1.0):
            for m in ("inverted_cdf", "averaged_inverted_cdf", "closest_observation", "interpolated_inverted_cdf",
                      "hazen", "weibull", "linear", "median_unbiased", "normal_unbiased",
                      "lower", "higher", "nearest", "midpoint"):
                case(out, "quantile", {"x": x}, {"axis": None, "q": q, "method": m},
                     lambda x=x, q=q, m=m: {"out": quantile_ref(x, q, None, m)})
    # NaN-aware
    xn = np.array([[1.0, np.nan, 3.0, 7.5], [4.0, -2.0, np.nan, 0.5], [np.nan, np.nan, np.nan, np.nan]])
    for ax in (None, 1):
        p = {"axis": ax}
        case(out, "nanmean", {"x": xn}, p, lambda ax=ax: {"out": np.nanmean(xn, axis=ax)})
        case(out, "nanmedian", {"x": xn}, p, lambda ax=ax: {"out": np.nanmedian(xn, axis=ax)})
        case(out, "nanvar", {"x": xn}, dict(p, ddof=1), lambda ax=ax: {"out": np.nanvar(xn, axis=ax, ddof=1)})
        case(out, "nanstd", {"x": xn}, dict(p, ddof=0), lambda ax=ax: {"out": np.nanstd(xn, axis=ax)})
        case(out, "nanquantile", {"x": xn}, dict(p, q=0.3, method="linear"), lambda ax=ax: {"out": np.nanquantile(xn, 0.3, axis=ax)})
        case(out, "mean", {"x": xn}, p, lambda ax=ax: {"out": np.mean(xn, axis=ax)})
        case(out, "median", {"x": xn}, p, lambda ax=ax: {"out": np.median(xn, axis=ax)})
    # weighted
    for _ in range(3):
        x = rng.normal(10, 3, 15)
        w = rng.uniform(0, 2, 15)
        case(out, "weighted_mean", {"x": x, "w": w}, {}, lambda x=x, w=w: {"out": np.average(x, weights=w)})
        case(out, "weighted_var", {"x": x, "w": w}, {}, lambda x=x, w=w: {"out": np.average((x - np.average(x, weights=w)) ** 2, weights=w)})
    # covariance and correlation matrices (columns are variables)
    for shp in ((12, 3), (30, 4)):
        x = rng.normal(0, 1, shp)
        x[:, 1] += 0.7 * x[:, 0]
        xt = np.round(x * 2) / 2  # ties
        for dd in (0, 1):
            case(out, "cov", {"x": x}, {"ddof": dd}, lambda x=x, dd=dd: {"out": np.cov(x, rowvar=False, ddof=dd)})
        case(out, "corr", {"x": x}, {"method": "pearson"}, lambda x=x: {"out": np.corrcoef(x, rowvar=False)})
        for data in (x, xt):
            case(out, "corr", {"x": data}, {"method": "spearman"}, lambda d=data: {"out": st.spearmanr(d).statistic})
            p = data.shape[1]
            case(out, "corr", {"x": data}, {"method": "kendall"},
                 lambda d=data, p=p: {"out": np.array([[st.kendalltau(d[:, i], d[:, j]).statistic for j in range(p)] for i in range(p)])})
    # autocorrelation (NIST definition)
    for lag in (1, 2, 5):
        x = rng.normal(0, 1, 50).cumsum()
        m = x.mean()
        case(out, "autocorr", {"x": x}, {"lag": lag},
             lambda x=x, m=m, lag=lag: {"out": np.sum((x[:-lag] - m) * (x[lag:] - m)) / np.sum((x - m) ** 2)})
    # histograms
    for x in (rng.normal(0, 1, 200), rng.exponential(2, 57), np.round(rng.normal(5, 2, 100)), np.full(5, 3.0)):
        for bins in (1, 7, 10, "sturges", "scott", "fd", "rice", "sqrt", "auto"):
            case(out, "histogram", {"x": x}, {"bins": bins},
                 lambda x=x, bins=bins: dict(zip(("counts", "edges"), np.histogram(x, bins=bins))), 1e-12, 1e-12)
    x = rng.uniform(0, 10, 100)
    case(out, "histogram", {"x": x}, {"bins": 5, "range": [2.0, 8.0]},
         lambda: dict(zip(("counts", "edges"), np.histogram(x, bins=5, range=(2.0, 8.0)))))
    # ecdf
    x = np.round(rng.normal(0, 1, 20), 1)
    t = np.linspace(-3, 3, 13)
    case(out, "ecdf", {"x": x, "t": t}, {},
         lambda: {"values": np.unique(x), "probabilities": np.searchsorted(np.sort(x), np.unique(x), side="right") / len(x),
                  "at": np.searchsorted(np.sort(x), t, side="right") / len(x)})
    # mode
    x = np.array([3.0, 1.0, 2.0, 3.0, 1.0, 5.0])
    case(out, "mode", {"x": x}, {}, lambda: {"value": st.mode(x, keepdims=False).mode, "count": np.int64(st.mode(x, keepdims=False).count)})
    return out


CONTINUOUS = [
    ("normal", [0.5, 2.0], lambda: st.norm(0.5, 2.0)),
    ("normal", [0.0, 1.0], lambda: st.norm()),
    ("lognormal", [0.3, 0.8], lambda: st.lognorm(s=0.8, scale=math.exp(0.3))),
    ("uniform", [-1.0, 3.0], lambda: st.uniform(-1.0, 4.0)),
    ("exponential", [2.5], lambda: st.expon(scale=2.5)),
    ("gamma", [2.5, 1.5], lambda: st.gamma(2.5, scale=1.5)),
    ("gamma", [0.3, 2.0], lambda: st.gamma(0.3, scale=2.0)),
    ("beta", [0.5, 3.0], lambda: st.beta(0.5, 3.0)),
    ("beta", [2.0, 5.0], lambda: st.beta(2.0, 5.0)),
    ("chi2", [3.0], lambda: st.chi2(3.0)),
    ("chi2", [1e5], lambda: st.chi2(1e5)),
    ("t", [2.5], lambda: st.t(2.5)),
    ("t", [1e6], lambda: st.t(1e6)),
    ("f", [3.0, 7.5], lambda: st.f(3.0, 7.5)),
    ("cauchy", [1.0, 2.0], lambda: st.cauchy(1.0, 2.0)),
    ("laplace", [-1.0, 0.5], lambda: st.laplace(-1.0, 0.5)),
    ("logistic", [2.0, 1.5], lambda: st.logistic(2.0, 1.5)),
    ("gumbel", [0.5, 2.0], lambda: st.gumbel_r(0.5, 2.0)),
    ("weibull", [1.5, 2.0], lambda: st.weibull_min(1.5, scale=2.0)),
    ("pareto", [3.0, 1.5], lambda: st.pareto(3.0, scale=1.5)),
    ("rayleigh", [2.0], lambda: st.rayleigh(scale=2.0)),
    ("triangular", [0.0, 1.0, 4.0], lambda: st.triang(0.25, loc=0.0, scale=4.0)),
]
DISCRETE = [
    ("binomial", [20, 0.3], lambda: st.binom(20, 0.3)),
    ("bernoulli", [0.3], lambda: st.bernoulli(0.3)),
    ("poisson", [4.5], lambda: st.poisson(4.5)),
    ("poisson", [1000.0], lambda: st.poisson(1000.0)),
    ("geometric", [0.2], lambda: st.geom(0.2)),
    ("negativeBinomial", [3, 0.4], lambda: st.nbinom(3, 0.4)),
    ("hypergeometric", [50, 12, 10], lambda: st.hypergeom(50, 12, 10)),
]


def quantile_case(d, fn, qq):
    """SciPy's ppf/isf and, per element, whether SciPy's answer is self-consistent: its own cdf
    (sf for isf) at the answer gives q back to 1e-12. SciPy computes many isf as ppf(1 - q), which
    loses the tail, and Boost's inverse beta gives up near 0 (a RuntimeWarning); for those
    elements the Java test checks Strix by the same round trip on Strix's cdf/sf (which are
    themselves checked against SciPy) instead of comparing with a wrong number."""
    v = getattr(d, fn)(qq)
    back = d.cdf(v) if fn == "ppf" else d.sf(v)
    ok = ~np.isfinite(qq) | (qq <= 0) | (qq >= 1) | (np.abs(back - qq) <= 1e-12 * qq)
    return {"out": v, "consistent": ok.astype(np.int64)}


def distributions():
    out = []
    q = np.array([1e-12, 1e-6, 0.01, 0.3, 0.5, 0.7, 0.99, 1 - 1e-9])
    qtail = np.array([1e-300, 1e-100, 1e-30])
    edges = np.array([np.nan, -np.inf, np.inf])
    qedge = np.array([0.0, 1.0, -0.1, 1.5, np.nan])
    for name, args, mk in CONTINUOUS:
        d = mk()
        x = d.ppf(np.array([1e-10, 1e-4, 0.01, 0.2, 0.5, 0.8, 0.99, 1 - 1e-4]))
        if name == "normal" and args == [0.0, 1.0]:
            x = np.concatenate([x, [-38.0, -37.5, -20.0, 20.0, 37.5, 38.0]])
        x = np.concatenate([x, edges])
        p = {"dist": name, "args": args}
        for fn in ("pdf", "logpdf", "cdf", "sf"):
            case(out, fn, {"x": x}, p, lambda d=d, fn=fn, x=x: {"out": getattr(d, fn)(x)}, 1e-10, 1e-300)
        for fn in ("ppf", "isf"):
            for suffix, qq in (("", np.concatenate([q, qedge])), ("_tail", qtail)):
                case(out, fn + suffix, {"q": qq}, p, lambda d=d, fn=fn, qq=qq: quantile_case(d, fn, qq), 1e-9, 1e-15)
        case(out, "moments", {}, p, lambda d=d: {"mean": d.mean(), "var": d.var()}, 1e-12, 1e-300)
    for name, args, mk in DISCRETE:
        d = mk()
        lo, hi = d.ppf(1e-9), d.ppf(1 - 1e-9)
        k = np.arange(max(lo - 2, -2), hi + 3).astype(np.float64)
        k = np.concatenate([k, [2.5, -1.0, np.nan, 1e6]])
        p = {"dist": name, "args": args}
        for fn in ("pmf", "logpmf", "cdf", "sf"):
            case(out, fn, {"x": k}, p, lambda d=d, fn=fn, k=k: {"out": getattr(d, fn)(k)}, 1e-10, 1e-300)
        qd = np.array([0.0, 1e-9, 0.01, 0.25, 0.5, 0.75, 0.99, 1 - 1e-9, 1.0, -0.5, np.nan])
        for fn in ("ppf", "isf"):
            case(out, fn, {"q": qd}, p, lambda d=d, fn=fn: {"out": getattr(d, fn)(qd)}, 0, 0)
        case(out, "moments", {}, p, lambda d=d: {"mean": d.mean(), "var": d.var()}, 1e-12, 1e-300)
    return out


def dump(name, obj):
    with open(os.path.join(HERE, name), "w") as fh:
        json.dump({"numpy": np.__version__, "scipy": scipy.__version__, "cases": obj}, fh,
                  allow_nan=False, separators=(",", ":"))
        fh.write("\n")
    print(name, len(obj))


def runs_ref(x, cutoff, alternative):
    """Wald-Wolfowitz runs test above/below a cutoff, the reference formula (statsmodels'
    runstest_1samp is not installed here; this is its definition, with the textbook continuity
    correction): x >= cutoff is 1, else 0; R = number of runs; n1, n0 the counts;
    E = 2 n1 n0 / n + 1, V = 2 n1 n0 (2 n1 n0 - n) / (n^2 (n - 1)); z = (R - E -+ 0.5) / sqrt(V)
    with the 0.5 moving R - E towards 0 (and z = 0 when |R - E| <= 0.5) when n < 50, no
    correction when n >= 50. p: two-sided 2 sf(|z|), less cdf(z) (too few runs: clustering),
    greater sf(z) (too many runs: alternation). statsmodels differs only for 0 < R - E < 0.5,
    where it adds 0.5 instead of returning 0."""
    ind = (np.asarray(x) >= cutoff).astype(int)
    runs = 1 + int(np.sum(ind[1:] != ind[:-1]))
    n1 = int(ind.sum())
    n0 = len(ind) - n1
    n = n1 + n0
    e = 2.0 * n1 * n0 / n + 1
    v = 2.0 * n1 * n0 * (2.0 * n1 * n0 - n) / n ** 2 / (n - 1.0)
    d = runs - e
    if n < 50:
        d = math.copysign(max(abs(d) - 0.5, 0.0), d)
    z = d / math.sqrt(v)
    p = {"two-sided": 2 * st.norm.sf(abs(z)), "less": st.norm.cdf(z), "greater": st.norm.sf(z)}[alternative]
    return {"statistic": z, "pvalue": p, "runs": runs}


ALTS = ("two-sided", "less", "greater")


def hypothesis():
    out = []
    r = np.random.default_rng(777)
    # Shapiro-Wilk: SciPy 1.10's swilk runs in float32 (its inputs are cast to float32), so the
    # data are float32-representable and the tolerance reflects single precision (see README).
    for n in (3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 20, 25, 30, 50, 100, 200, 500, 1000, 2000, 5000):
        for kind in ("normal", "expon", "uniform"):
            if kind != "normal" and n not in (3, 5, 10, 20, 50, 200, 1000, 5000):
                continue
            x = {"normal": r.normal(10, 2, n), "expon": r.exponential(1, n), "uniform": r.uniform(0, 1, n)}[kind]
            x = x.astype(np.float32).astype(np.float64)
            case(out, "shapiro", {"x": x}, {"kind": kind},
                 lambda x=x: dict(zip(("statistic", "pvalue"), st.shapiro(x))), 2e-6, 2e-6)
    # Fisher's exact test on 2x2 tables
    tables = [[[8, 2], [1, 5]], [[3, 1], [1, 3]], [[10, 20], [30, 25]], [[0, 5], [5, 0]], [[1, 9], [11, 3]],
              [[12, 5], [29, 2]], [[2, 7], [8, 2]], [[100, 80], [90, 110]], [[0, 0], [3, 4]], [[5, 0], [3, 4]],
              [[6, 6], [6, 6]], [[1, 0], [0, 1]], [[20, 15], [15, 20]]]
    for t in tables:
        for alt in ALTS:
            case(out, "fisher_exact", {"table": np.array(t, dtype=np.int64)}, {"alternative": alt},
                 lambda t=t, alt=alt: dict(zip(("statistic", "pvalue"), st.fisher_exact(t, alternative=alt))), 1e-10, 1e-14)
    # runs test (reference formula above)
    for n, gen in ((12, "normal"), (30, "normal"), (49, "ar"), (50, "normal"), (200, "ar"), (20, "alternating")):
        if gen == "normal":
            x = r.normal(0, 1, n)
        elif gen == "ar":
            x = np.cumsum(r.normal(0, 1, n)) * 0.3 + r.normal(0, 1, n)
        else:
            x = np.array([(-1) ** i + 0.1 * i for i in range(n)], dtype=np.float64)
        for cut in ("mean", "median", 0.5):
            c = {"mean": np.mean(x), "median": np.median(x)}.get(cut, cut)
            for alt in ALTS:
                case(out, "runs", {"x": x}, {"cutoff": cut, "alternative": alt},
                     lambda x=x, c=c, alt=alt: runs_ref(x, c, alt), 1e-12, 1e-14)
    # Levene and Bartlett
    groups_sets = [[r.normal(0, 1, 10), r.normal(0, 2, 12), r.normal(1, 1, 9)],
                   [r.normal(5, 1, 25), r.normal(5, 1.2, 30)],
                   [np.round(r.normal(0, 3, 15)), np.round(r.normal(0, 3, 15)), np.round(r.normal(0, 5, 15)), r.exponential(2, 40)]]
    for gs in groups_sets:
        ins = {"g%d" % i: g for i, g in enumerate(gs)}
        for center in ("median", "mean", "trimmed"):
            for cut in ((0.05, 0.2) if center == "trimmed" else (0.05,)):
                case(out, "levene", ins, {"center": center, "proportiontocut": cut},
                     lambda gs=gs, center=center, cut=cut: dict(zip(("statistic", "pvalue"), st.levene(*gs, center=center, proportiontocut=cut))), 1e-10, 1e-14)
        case(out, "bartlett", ins, {}, lambda gs=gs: dict(zip(("statistic", "pvalue"), st.bartlett(*gs))), 1e-10, 1e-14)
    # correlation tests
    pairs = []
    for n in (3, 4, 8, 20, 33, 34, 60):
        x = r.normal(0, 1, n)
        y = 0.5 * x + r.normal(0, 1, n)
        pairs.append((x, y))
    x = np.round(r.normal(0, 1, 25) * 2) / 2
    pairs.append((x, np.round((x + r.normal(0, 1, 25)) * 2) / 2))  # ties
    x = r.normal(0, 1, 15)
    pairs.append((x, -x ** 3))  # perfect monotone decreasing
    pairs.append((np.arange(10.0), np.array([1, 0, 2, 3, 4, 5, 6, 7, 9, 8.0])))
    for x, y in pairs:
        for alt in ALTS:
            def pear(x=x, y=y, alt=alt):
                res = st.pearsonr(x, y, alternative=alt)
                ci95 = res.confidence_interval(0.95)
                ci90 = res.confidence_interval(0.9)
                return {"statistic": res.statistic, "pvalue": res.pvalue, "ci95": [ci95.low, ci95.high], "ci90": [ci90.low, ci90.high]}
            case(out, "pearsonr", {"x": x, "y": y}, {"alternative": alt}, pear, 1e-10, 1e-14)
            case(out, "spearmanr", {"x": x, "y": y}, {"alternative": alt},
                 lambda x=x, y=y, alt=alt: dict(zip(("statistic", "pvalue"), st.spearmanr(x, y, alternative=alt))), 1e-10, 1e-14)
            for meth in ("auto", "asymptotic", "exact"):
                case(out, "kendalltau", {"x": x, "y": y}, {"alternative": alt, "method": meth},
                     lambda x=x, y=y, alt=alt, meth=meth: dict(zip(("statistic", "pvalue"), st.kendalltau(x, y, alternative=alt, method=meth))), 1e-10, 1e-14)
    # one-sided alternatives of the rank and KS tests already in Hypothesis
    for n1, n2 in ((8, 10), (25, 30), (60, 45)):
        a = r.normal(0, 1, n1)
        b = r.normal(0.6, 1.3, n2)
        for alt in ALTS:
            for meth in ("exact", "asymp"):
                case(out, "ks_2samp", {"x": a, "y": b}, {"alternative": alt, "method": meth},
                     lambda a=a, b=b, alt=alt, meth=meth: dict(zip(("statistic", "pvalue"), st.ks_2samp(a, b, alternative=alt, method=meth))), 1e-10, 1e-12)
            case(out, "kstest", {"x": a}, {"alternative": alt, "dist": "normal", "args": [0.2, 1.1]},
                 lambda a=a, alt=alt: dict(zip(("statistic", "pvalue"), st.kstest(a, st.norm(0.2, 1.1).cdf, alternative=alt))), 1e-10, 1e-12)
            for meth in ("exact", "asymptotic"):
                case(out, "mannwhitneyu", {"x": a, "y": b}, {"alternative": alt, "method": meth},
                     lambda a=a, b=b, alt=alt, meth=meth: dict(zip(("statistic", "pvalue"), st.mannwhitneyu(a, b, alternative=alt, method=meth))), 1e-10, 1e-12)
            d = a[:min(n1, 20)] - b[:min(n1, 20)]
            for meth in ("exact", "approx"):
                case(out, "wilcoxon", {"x": d}, {"alternative": alt, "method": meth},
                     lambda d=d, alt=alt, meth=meth: dict(zip(("statistic", "pvalue"), st.wilcoxon(d, alternative=alt, method=meth))), 1e-10, 1e-12)
    return out


def kde():
    """gaussian_kde: SciPy takes data as d x n; the JSON stores n x d (Strix's rows-are-observations)."""
    out = []
    r = np.random.default_rng(4242)
    x1 = np.concatenate([r.normal(0, 1, 40), r.normal(4, 0.5, 20)])
    w1 = r.uniform(0.1, 2, 60)
    x2 = r.multivariate_normal([0, 1], [[1, 0.6], [0.6, 2]], 50)
    x3 = r.normal(0, 1, (30, 3)) @ np.array([[1, 0, 0], [0.5, 1, 0], [0.2, -0.3, 0.7]])
    pts1 = np.concatenate([np.linspace(-4, 7, 23), [-40.0, 60.0]])
    for data, w, pts in ((x1, None, pts1), (x1, w1, pts1),
                         (x2, None, np.array([[0, 1], [1, 2], [-2, 0.5], [3, -3], [30, 30]], dtype=float)),
                         (x3, None, np.array([[0, 0, 0], [1, 0.5, -0.5], [-1, 2, 1], [10, 10, 10]], dtype=float))):
        for bw in ("scott", "silverman", 0.3):
            def run(data=data, w=w, bw=bw, pts=pts):
                k = st.gaussian_kde(data.T, bw_method=bw, weights=w)
                res = {"factor": k.factor, "covariance": k.covariance, "pdf": k.evaluate(pts.T), "logpdf": k.logpdf(pts.T)}
                if data.ndim == 1:
                    res["box"] = np.array([k.integrate_box_1d(-1, 2), k.integrate_box_1d(-np.inf, 0.5), k.integrate_box_1d(3, np.inf)])
                return res
            ins = {"x": data, "points": pts}
            if w is not None:
                ins["w"] = w
            case(out, "gaussian_kde", ins, {"bw": bw}, run, 1e-11, 1e-300)
    return out


def mvn():
    """multivariate_normal pdf/logpdf, and cdf with Genz's algorithm run to abseps 1e-8 as the reference."""
    out = []
    specs = [([0.0], [[2.0]]),
             ([0.5, -1.0], [[1.0, 0.8], [0.8, 2.0]]),
             ([0.0, 0.0], [[1.0, -0.95], [-0.95, 1.0]]),
             ([1.0, 0.0, -1.0], [[2.0, 0.3, 0.1], [0.3, 1.0, -0.4], [0.1, -0.4, 1.5]]),
             ([0.0] * 5, (np.eye(5) * 0.5 + 0.5).tolist())]
    for mean, cov in specs:
        mean = np.array(mean)
        cov = np.array(cov)
        d = len(mean)
        r = np.random.default_rng(100 + d)
        pts = np.vstack([mean, mean + 1, r.normal(0, 1.5, (4, d)) + mean, mean - 6, mean + 30])
        mv = st.multivariate_normal(mean, cov)
        case(out, "mvn_pdf", {"mean": mean, "cov": cov, "x": pts}, {},
             lambda mv=mv, pts=pts: {"pdf": mv.pdf(pts), "logpdf": mv.logpdf(pts)}, 1e-12, 1e-300)
        cpts = np.vstack([mean, mean + 1, mean - 1, mean + np.linspace(-1.5, 2, d), mean - 3])
        def cdf(mean=mean, cov=cov, cpts=cpts, d=d):
            np.random.seed(1)  # Genz's lattice rule in SciPy draws its random shifts from NumPy's global state
            return {"cdf": np.array([st.multivariate_normal.cdf(p, mean, cov, abseps=1e-8, releps=1e-8, maxpts=10000000 * d)
                                     for p in cpts])}
        case(out, "mvn_cdf", {"mean": mean, "cov": cov, "x": cpts}, {}, cdf, 0, 2e-5)
    return out


def descriptive_axis():
    """mode and weighted mean/var along an axis (weights of a's shape, or 1-D along the axis, as np.average)."""
    out = []
    r = np.random.default_rng(99)
    for x in (np.round(r.normal(0, 1.5, (6, 7))), np.round(r.normal(0, 1, (3, 4, 5))), r.integers(0, 3, (4, 9)).astype(float)):
        for ax in range(-1, x.ndim):
            case(out, "mode", {"x": x}, {"axis": ax}, lambda x=x, ax=ax: {
                "value": st.mode(x, axis=ax, keepdims=False).mode, "count": st.mode(x, axis=ax, keepdims=False).count.astype(np.int64)}, 0, 0)
            w = r.uniform(0, 2, x.shape)
            w1 = r.uniform(0, 2, x.shape[ax])
            for wname, ww in (("full", w), ("axis", w1)):
                def wm(x=x, ax=ax, ww=ww):
                    m = np.average(x, axis=ax, weights=ww)
                    if ww.ndim == 1:
                        shape = [1] * x.ndim
                        shape[ax] = -1
                        wb = ww.reshape(shape)
                    else:
                        wb = ww
                    v = np.average((x - np.expand_dims(m, ax)) ** 2, axis=ax, weights=np.broadcast_to(wb, x.shape))
                    return {"mean": m, "var": v}
                case(out, "weighted", {"x": x, "w": ww}, {"axis": ax, "weights": wname}, wm, 1e-12, 1e-14)
    return out


if __name__ == "__main__":
    import sys
    which = sys.argv[1:] or ["descriptive", "distributions", "hypothesis", "kde", "mvn", "descriptive_axis"]
    for name in which:
        dump(name + ".json", globals()[name]())
