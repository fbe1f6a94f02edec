"""Goldens for the multinomial logit, GLM/Logit summaries, robust (HC) covariances and the formula
interface of strix-regression: statsmodels 0.13.5 and patsy 0.5.3 answers on generated data and
on the diabetes, wine and iris datasets (copies in src/test/resources).

Run with Debian's python (numpy/scipy/statsmodels/patsy from python3-statsmodels):
    /usr/bin/python3 regression/oracle/models_goldens.py
Writes src/test/resources/golden/models_goldens.json, formula_data.csv and the new-row tables
formula_new.csv and diabetes_new.csv. Deterministic (fixed
seeds). The build never runs this; regenerate only on purpose and review the diff.
"""
import json, os, warnings
import numpy as np
import pandas as pd
import patsy
import statsmodels
import statsmodels.api as sm
import statsmodels.formula.api as smf

HERE = os.path.dirname(os.path.abspath(__file__))
RES = os.path.join(HERE, "..", "src", "test", "resources")


def arr(a):
    a = np.asarray(a, dtype=float)
    return {"shape": list(a.shape), "data": [float(v) if np.isfinite(v) else str(v) for v in a.ravel()]}


def num(v):
    v = float(v)
    return v if np.isfinite(v) else str(v)


diab = pd.read_csv(os.path.join(RES, "diabetes.csv"))
wine = pd.read_csv(os.path.join(RES, "wine.csv"))
iris = pd.read_csv(os.path.join(RES, "iris.csv"))

# ---- multinomial logit ------------------------------------------------------------------------
mn = []


def mn_case(name, y, X, names, yname):
    """y: pandas Series of labels (ints or strings); X with the constant first."""
    m = sm.MNLogit(pd.Series(y, name=yname), pd.DataFrame(X, columns=names))
    r = m.fit(method="newton", maxiter=100, tol=1e-12, disp=0)
    assert r.mle_retvals["converged"], name
    labels = sorted(set(y))
    mn.append({"name": name, "yname": yname, "names": names, "X": arr(X),
               "y": [v if isinstance(v, str) else int(v) for v in y],
               "labels": [v if isinstance(v, str) else int(v) for v in labels],
               "params": arr(r.params), "bse": arr(r.bse), "tvalues": arr(r.tvalues),
               "pvalues": arr(r.pvalues),
               "conf_int": arr(np.asarray(r.conf_int(0.05)).reshape(len(labels) - 1, len(names), 2)),
               "llf": r.llf, "llnull": r.llnull, "prsquared": r.prsquared, "llr": r.llr,
               "llr_pvalue": r.llr_pvalue, "aic": r.aic, "bic": r.bic, "df_model": r.df_model,
               "df_resid": r.df_resid, "predict": arr(r.predict(pd.DataFrame(X[:6], columns=names))),
               "summary": str(r.summary())})


rng = np.random.default_rng(2026)
X = rng.normal(size=(300, 3))
B = np.array([[0.5, -0.4], [1.0, -0.8], [-0.7, 0.3], [0.2, 1.1]])
eta = np.column_stack([np.zeros(300), sm.add_constant(X) @ B])
P = np.exp(eta) / np.exp(eta).sum(1, keepdims=True)
yk = np.array([rng.choice(3, p=p) for p in P])
mn_case("random_k3", yk, sm.add_constant(X), ["const", "x1", "x2", "x3"], "y")

X = rng.normal(size=(400, 2))
B = np.array([[0.3, -0.2, 0.4], [0.9, -0.5, 0.1], [-0.6, 0.7, 1.2]])
eta = np.column_stack([np.zeros(400), sm.add_constant(X) @ B])
P = np.exp(eta) / np.exp(eta).sum(1, keepdims=True)
labs = np.array(["delta", "alpha", "charlie_long_label", "bravo"])  # sorted: alpha, bravo, charlie.., delta
ys = [labs[rng.choice(4, p=p)] for p in P]
mn_case("random_k4_strings", ys, sm.add_constant(X), ["const", "u", "v"], "grade")

mn_case("wine", wine["class"].values, sm.add_constant(wine[["alcohol", "malic_acid"]].values),
        ["const", "alcohol", "malic_acid"], "class")
tert = pd.qcut(diab["progression"], 3, labels=False).values
mn_case("diabetes_tertiles", tert, sm.add_constant(diab[["bmi", "bp", "s5"]].values),
        ["const", "bmi", "bp", "s5"], "tertile")
# iris on the sepal measurements: setosa is separated, statsmodels diverges (llf nan)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    r = sm.MNLogit(iris["species"], sm.add_constant(iris[["sepal_length", "sepal_width"]])).fit(disp=0)
iris_separated = bool(not r.mle_retvals["converged"] or not np.isfinite(r.llf))
assert iris_separated

# ---- Logit and Poisson GLM summaries ------------------------------------------------------------
glms = []
Xs = diab[["bmi", "bp", "s5"]].values
yd = diab["progression"].values.astype(float)
yb = (yd > np.median(yd)).astype(float)
for name, Xg, y, names, fam in [
        ("diabetes_logit", sm.add_constant(Xs), yb, ["const", "bmi", "bp", "s5"], "logit"),
        ("diabetes_poisson", sm.add_constant(Xs), np.round(yd / 10.0), ["const", "bmi", "bp", "s5"], "poisson"),
        ("wine_logit", sm.add_constant(wine[["alcohol", "hue"]].values), (wine["class"].values == 1).astype(float),
         ["const", "alcohol", "hue"], "logit")]:
    if fam == "logit":
        r = sm.Logit(y, Xg).fit(method="newton", tol=1e-12, maxiter=100, disp=0)
        extra = {"llnull": r.llnull, "prsquared": r.prsquared, "llr_pvalue": r.llr_pvalue, "bic": r.bic}
    else:
        r = sm.GLM(y, Xg, family=sm.families.Poisson()).fit(tol=1e-12, maxiter=100)
        extra = {"llnull": r.llnull, "pseudo_rsquared_cs": r.pseudo_rsquared(kind="cs"),
                 "iterations": int(r.fit_history["iteration"])}
    case = {"name": name, "family": fam, "yname": "y", "names": names, "X": arr(Xg), "y": arr(y),
            "params": arr(r.params), "bse": arr(r.bse), "llf": r.llf, "aic": r.aic,
            "summary": str(r.summary(yname="y", xname=names))}
    case.update(extra)
    glms.append(case)

# ---- robust covariances ---------------------------------------------------------------------------
hc = []
for name, Xh, y, names, w in [
        ("diabetes", sm.add_constant(Xs), yd, ["const", "bmi", "bp", "s5"], None),
        ("diabetes_noint", Xs, yd, ["bmi", "bp", "s5"], None),
        ("diabetes_wls", sm.add_constant(Xs), yd, ["const", "bmi", "bp", "s5"], 1.0 / (1.0 + diab["age"].values / 50.0))]:
    for ct in ["HC0", "HC1", "HC2", "HC3"]:
        m = sm.WLS(y, Xh, weights=w) if w is not None else sm.OLS(y, Xh)
        r = m.fit(cov_type=ct)
        hc.append({"name": name + "_" + ct, "cov_type": ct, "names": names, "X": arr(Xh), "y": arr(y),
                   "weights": arr(w) if w is not None else None,
                   "params": arr(r.params), "bse": arr(r.bse), "zvalues": arr(r.tvalues),
                   "pvalues": arr(r.pvalues), "conf_int": arr(r.conf_int(0.05)),
                   "cov_params": arr(r.cov_params()), "fvalue": num(r.fvalue), "f_pvalue": num(r.f_pvalue),
                   "summary": str(r.summary(yname="progression", xname=names))})

# ---- formula interface: patsy design matrices ------------------------------------------------------
rng = np.random.default_rng(99)
n = 40
fd = pd.DataFrame({
    "x": np.round(rng.normal(size=n), 3),
    "z": np.round(rng.uniform(-2, 2, size=n), 3),
    "w": np.round(rng.uniform(0.5, 5, size=n), 3),
    "g": rng.choice(["b", "a", "c"], size=n),
    "h": rng.choice(["lo", "hi"], size=n),
    "k": rng.choice([3, 1, 2], size=n),
})
fd["y"] = np.round(1 + fd.x - 0.5 * fd.z + (fd.g == "b") * 0.7 + rng.normal(size=n), 3)
fd["yc"] = rng.poisson(np.exp(0.3 + 0.4 * fd.x)).astype(int)
fd["yb"] = (rng.uniform(size=n) < 1 / (1 + np.exp(-fd.x))).astype(int)
fd["k3"] = np.array([rng.choice(3, p=p) for p in
                     np.exp(np.column_stack([np.zeros(n), 0.8 * fd.x, -0.6 * fd.z + 0.3]))
                     / np.exp(np.column_stack([np.zeros(n), 0.8 * fd.x, -0.6 * fd.z + 0.3])).sum(1, keepdims=True)])
for c in ("g", "h", "k"):  # every level present
    assert fd[c].nunique() == len(set(fd[c]))
fd.to_csv(os.path.join(RES, "golden", "formula_data.csv"), index=False)
fd = pd.read_csv(os.path.join(RES, "golden", "formula_data.csv"))
env = {"np": np, "log": np.log, "exp": np.exp, "sqrt": np.sqrt}
formulas = [
    "y ~ x + z", "y~x+z", "y ~ x + z - 1", "y ~ 0 + x", "y ~ x + 0 + z", "y ~ x:z", "y ~ x*z",
    "y ~ x*z*w", "y ~ I(x**2) + I(x*z/2) + I(x - 1)", "y ~ I(-x) + I((x + 1) * (z - 2)) + I(2**x)",
    "y ~ I(x / w + 3.5)", "y ~ np.log(w) + np.exp(x/4) + np.sqrt(w)", "y ~ log(w) + exp(x) + sqrt(w)",
    "np.log(w) ~ x", "y ~ C(g)", "y ~ C(g) - 1", "y ~ C(g) + x + C(g):x", "y ~ C(g):x", "y ~ x + C(g):x",
    "y ~ C(g)*C(h)", "y ~ C(g):C(h)", "y ~ C(g):C(h) - 1", "y ~ C(k) + x", "y ~ (x + z):C(h)",
    "y ~ x + C(h)*z", "y ~ C(h) + C(g) + x:z + w", "y ~ x*z - x:z", "y ~ np.log(w):C(g) + x",
    "y ~ (x + z + w)**2", "y ~ x + x:z + z:x + x",
]
designs = []
for f in formulas:
    yv, Xv = patsy.dmatrices(f, fd, eval_env=patsy.EvalEnvironment([env]), return_type="dataframe")
    designs.append({"formula": f, "yname": list(yv.columns)[0], "y": arr(yv.values[:, 0]),
                    "names": list(Xv.columns), "X": arr(Xv.values)})

# ---- formula fits --------------------------------------------------------------------------------
ffits = []
def ffit(kind, f, data, dataset):
    if kind == "ols":
        r = smf.ols(f, data).fit()
    elif kind == "logit":
        r = smf.logit(f, data).fit(method="newton", tol=1e-12, maxiter=100, disp=0)
    elif kind == "poisson":
        r = smf.glm(f, data, family=sm.families.Poisson()).fit(tol=1e-12, maxiter=100)
    else:
        r = smf.mnlogit(f, data).fit(method="newton", tol=1e-12, maxiter=100, disp=0)
    ffits.append({"kind": kind, "formula": f, "dataset": dataset, "names": list(r.model.exog_names),
                  "params": arr(r.params), "bse": arr(r.bse), "llf": r.llf, "summary": str(r.summary())})

ffit("ols", "progression ~ bmi + bp + s5", diab, "diabetes")
ffit("ols", "progression ~ bmi * bp + np.log(s1) + C(sex) + I(age ** 2)", diab, "diabetes")
ffit("ols", "y ~ x + C(g) + C(h):z", fd, "formula_data")
ffit("logit", "yb ~ x + z + C(h)", fd, "formula_data")
ffit("poisson", "yc ~ x + C(g)", fd, "formula_data")
ffit("mnlogit", "k3 ~ x + z", fd, "formula_data")

# ---- formula fits predicting on new tables ------------------------------------------------------------
# New rows in their own tables, written beside the goldens: the columns in another order, no response,
# and (for the generated data) only some of the levels, so that the design must take the fitted
# data's levels and column order rather than the new table's.
rng2 = np.random.default_rng(7)
m = 9
fnew = pd.DataFrame({
    "h": rng2.choice(["hi", "lo"], size=m),
    "z": np.round(rng2.uniform(-2, 2, size=m), 3),
    "k": rng2.choice([2, 3], size=m),
    "g": rng2.choice(["c", "a"], size=m),
    "x": np.round(rng2.normal(size=m), 3),
    "w": np.round(rng2.uniform(0.5, 5, size=m), 3),
})
fnew.to_csv(os.path.join(RES, "golden", "formula_new.csv"), index=False)
fnew = pd.read_csv(os.path.join(RES, "golden", "formula_new.csv"))
dnew = diab.iloc[[3, 17, 58, 101, 200, 333, 441]].drop(columns=["progression"])
dnew = dnew.assign(bmi=dnew.bmi + 1.5, bp=dnew.bp - 4.0)[["s6", "bp", "sex", "bmi", "age", "s1", "s5"]]
dnew.to_csv(os.path.join(RES, "golden", "diabetes_new.csv"), index=False)
dnew = pd.read_csv(os.path.join(RES, "golden", "diabetes_new.csv"))

fpreds = []
def fpred(kind, f, data, dataset, new, newname):
    if kind == "ols":
        r = smf.ols(f, data).fit()
    elif kind == "logit":
        r = smf.logit(f, data).fit(method="newton", tol=1e-12, maxiter=100, disp=0)
    elif kind == "poisson":
        r = smf.glm(f, data, family=sm.families.Poisson()).fit(tol=1e-12, maxiter=100)
    else:
        r = smf.mnlogit(f, data).fit(method="newton", tol=1e-12, maxiter=100, disp=0)
    case = {"kind": kind, "formula": f, "dataset": dataset, "new": newname, "names": list(r.model.exog_names),
            "predict": arr(r.predict(new))}
    if kind == "ols":
        for alpha in (0.05, 0.1):
            sf = r.get_prediction(new).summary_frame(alpha=alpha)
            case["frame_%g" % alpha] = {c: arr(sf[c]) for c in sf.columns}
    fpreds.append(case)

fpred("ols", "progression ~ bmi + C(sex) + I(bmi**2)", diab, "diabetes", dnew, "diabetes_new")
fpred("ols", "progression ~ bmi * bp + np.log(s1) + C(sex) + I(age ** 2)", diab, "diabetes", dnew, "diabetes_new")
fpred("ols", "y ~ x + C(g) + C(h):z", fd, "formula_data", fnew, "formula_new")
fpred("ols", "y ~ C(k) + x + np.log(w)", fd, "formula_data", fnew, "formula_new")
fpred("logit", "yb ~ x + z + C(h)", fd, "formula_data", fnew, "formula_new")
fpred("poisson", "yc ~ x + C(g)", fd, "formula_data", fnew, "formula_new")
fpred("mnlogit", "k3 ~ x + z", fd, "formula_data", fnew, "formula_new")
fpred("mnlogit", "k3 ~ x + C(g)", fd, "formula_data", fnew, "formula_new")

# ---- predictions under a robust covariance: get_prediction uses it, with normal quantiles ------------
robust_preds = []
for cov in ("HC0", "HC1", "HC2", "HC3"):
    for kind, f, data, new, dataset, newname in (
            ("ols", "progression ~ bmi + C(sex) + I(bmi**2)", diab, dnew, "diabetes", "diabetes_new"),
            ("ols", "y ~ x + C(g) + C(h):z", fd, fnew, "formula_data", "formula_new")):
        r = smf.ols(f, data).fit(cov_type=cov)
        assert not r.use_t
        case = {"cov": cov, "formula": f, "dataset": dataset, "new": newname}
        for alpha in (0.05, 0.1):
            sf = r.get_prediction(new).summary_frame(alpha=alpha)
            case["frame_%g" % alpha] = {c: arr(sf[c]) for c in sf.columns}
        robust_preds.append(case)

# ---- missing values: patsy's NA_action="drop" (statsmodels' default for formulas) ----------------------
# The formula data with holes: NaN responses and covariates, an empty category cell, a count and a
# label left blank, and a negative w whose np.log(w) is NaN (patsy drops that row too, after evaluating).
fna = fd.copy()
fna.loc[[3, 17], "y"] = np.nan
fna.loc[8, "x"] = np.nan
fna.loc[12, "g"] = np.nan
fna.loc[20, "w"] = -1.0
fna.loc[25, "yb"] = np.nan
fna.loc[30, "k3"] = np.nan
fna.loc[33, "h"] = np.nan
fna.to_csv(os.path.join(RES, "golden", "formula_missing.csv"), index=False)
fna = pd.read_csv(os.path.join(RES, "golden", "formula_missing.csv"))
wts = np.round(np.linspace(0.5, 2.0, n), 3)
na_designs = []
for f in ["y ~ x + C(g) + np.log(w)", "y ~ C(h):z + x", "yb ~ x + C(g)", "k3 ~ z + C(h)"]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # np.log(-1)
        yv, Xv = patsy.dmatrices(f, fna, eval_env=patsy.EvalEnvironment([env]), return_type="dataframe")
    na_designs.append({"formula": f, "rows": [int(i) for i in Xv.index], "names": list(Xv.columns),
                       "y": arr(yv.values[:, 0]), "X": arr(Xv.values)})
na_fits = []
def nafit(kind, f):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        if kind == "ols":
            r = smf.ols(f, fna).fit()
        elif kind == "wls":
            r = smf.wls(f, fna, weights=wts).fit()
        elif kind == "logit":
            r = smf.logit(f, fna).fit(method="newton", tol=1e-12, maxiter=100, disp=0)
        elif kind == "poisson":
            r = smf.glm(f, fna, family=sm.families.Poisson()).fit(tol=1e-12, maxiter=100)
        else:
            r = smf.mnlogit(f, fna).fit(method="newton", tol=1e-12, maxiter=100, disp=0)
        case = {"kind": kind, "formula": f, "names": list(r.model.exog_names), "nobs": float(r.nobs),
                "params": arr(r.params), "bse": arr(r.bse), "llf": r.llf}
        if kind in ("ols", "wls"):
            case["weights"] = arr(wts) if kind == "wls" else None
            case["predict_new"] = arr(r.predict(fnew_na))
            sf = r.get_prediction(fnew_na).summary_frame(alpha=0.05)
            case["frame_0.05"] = {c: arr(sf[c]) for c in sf.columns}
        elif kind in ("logit", "poisson"):
            case["predict_new"] = arr(r.predict(fnew_na))
        else:
            case["predict_new"] = arr(r.predict(fnew_na))
    na_fits.append(case)

# new rows with holes: statsmodels predicts NaN for a row with a missing input (it reindexes the
# predictions to the new table's rows)
fnew_na = fnew.copy()
fnew_na.loc[2, "x"] = np.nan
fnew_na.loc[5, "g"] = np.nan
fnew_na.loc[6, "h"] = np.nan
fnew_na.to_csv(os.path.join(RES, "golden", "formula_new_missing.csv"), index=False)
fnew_na = pd.read_csv(os.path.join(RES, "golden", "formula_new_missing.csv"))
nafit("ols", "y ~ x + C(g) + np.log(w)")
nafit("wls", "y ~ x + C(g) + z")
nafit("logit", "yb ~ x + C(g)")
nafit("poisson", "yc ~ x + C(h)")
nafit("mnlogit", "k3 ~ z + C(h)")

# ---- GLM predictions with intervals: get_prediction(new).summary_frame(alpha) ---------------------------
# (the mean's standard error by the delta method, its interval the linear predictor's normal interval
# mapped through the inverse link)
glm_preds = []
for fam, f, new, newname in (("Binomial", "yb ~ x + z + C(h)", fnew, "formula_new"),
                             ("Poisson", "yc ~ x + C(g)", fnew, "formula_new"),
                             ("Poisson", "yc ~ x + C(h)", fnew_na, "formula_new_missing")):
    family = sm.families.Binomial() if fam == "Binomial" else sm.families.Poisson()
    r = smf.glm(f, fd, family=family).fit(tol=1e-12, maxiter=100)
    case = {"family": fam, "formula": f, "new": newname, "cov_params": arr(r.cov_params())}
    for alpha in (0.05, 0.1):
        pr = r.get_prediction(new)
        sf = pr.summary_frame(alpha=alpha)
        case["frame_%g" % alpha] = {c: arr(sf[c]) for c in sf.columns}
        case["linpred"] = arr(pr.linpred.predicted_mean)
        case["linpred_se"] = arr(pr.linpred.se_mean)
    glm_preds.append(case)

out = {"versions": {"numpy": np.__version__, "statsmodels": statsmodels.__version__, "patsy": patsy.__version__,
                    "pandas": pd.__version__},
       "mnlogit": mn, "iris_sepal_separated": iris_separated, "glm_summaries": glms, "hc": hc,
       "designs": designs, "formula_fits": ffits,
       "formula_predictions": fpreds, "formula_missing": {"designs": na_designs, "fits": na_fits},
       "robust_predictions": robust_preds, "glm_predictions": glm_preds}
with open(os.path.join(RES, "golden", "models_goldens.json"), "w") as fh:
    json.dump(out, fh, indent=1, allow_nan=False)
print("ok", len(mn), len(glms), len(hc), len(designs), len(ffits), len(fpreds))
