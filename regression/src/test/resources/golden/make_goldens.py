"""Generates the statsmodels / scikit-learn golden files for strix-regression's tests.

Run from this folder with Debian's python (not a pyenv without numpy):
    sudo apt-get install -y python3-statsmodels python3-sklearn
    /usr/bin/python3 make_goldens.py
Deterministic: fixed seeds. Versions are recorded in manifest.json. The build never runs this.
"""
import json, sys, platform
class Enc(json.JSONEncoder):
    def default(self, o):
        return o.item() if hasattr(o, "item") else super().default(o)
import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels, sklearn, scipy
from sklearn.linear_model import ElasticNet

def arr(a):
    a = np.asarray(a, dtype=float)
    return {"shape": list(a.shape), "data": [float(v) for v in a.ravel()]}

def ols_case(name, X, y, names, yname, weights=None, Xnew=None):
    m = sm.WLS(y, X, weights=weights) if weights is not None else sm.OLS(y, X)
    r = m.fit()
    from statsmodels.stats.stattools import jarque_bera, omni_normtest, durbin_watson
    jb, jbp, skew, kurt = jarque_bera(r.wresid)
    om, omp = omni_normtest(r.wresid)
    case = {"name": name, "names": names, "yname": yname,
            "X": arr(X), "y": arr(y),
            "weights": arr(weights) if weights is not None else None,
            "params": arr(r.params), "bse": arr(r.bse), "tvalues": arr(r.tvalues),
            "pvalues": arr(r.pvalues), "conf_int": arr(r.conf_int(0.05)),
            "rsquared": r.rsquared, "rsquared_adj": r.rsquared_adj,
            "fvalue": float(r.fvalue) if np.isfinite(r.fvalue) else "NaN",
            "f_pvalue": float(r.f_pvalue) if np.isfinite(r.f_pvalue) else "NaN",
            "llf": r.llf, "aic": r.aic, "bic": r.bic, "ssr": r.ssr, "scale": r.scale,
            "df_model": r.df_model, "df_resid": r.df_resid, "rank": int(np.linalg.matrix_rank(X)),
            "durbin_watson": durbin_watson(r.wresid), "jarque_bera": jb, "jb_pvalue": jbp,
            "skew": skew, "kurtosis": kurt, "omnibus": om, "omnibus_pvalue": omp,
            "condition_number": r.condition_number,
            "summary": str(r.summary(yname=yname, xname=names))}
    if Xnew is not None:
        f = r.get_prediction(Xnew).summary_frame(alpha=0.05)
        case["Xnew"] = arr(Xnew)
        for c in ["mean", "mean_se", "mean_ci_lower", "mean_ci_upper", "obs_ci_lower", "obs_ci_upper"]:
            case["pred_" + c] = arr(f[c].values)
    return case

df = pd.read_csv("../diabetes.csv")
feats = ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"]
Xd = df[feats].values.astype(float)
yd = df["progression"].values.astype(float)
cases = []
cases.append(ols_case("diabetes_full", sm.add_constant(Xd), yd, ["const"] + feats, "progression",
                      Xnew=sm.add_constant(Xd[:5])))
sub = ["bmi", "bp", "s5"]
Xs = df[sub].values.astype(float)
cases.append(ols_case("diabetes_bmi_bp_s5", sm.add_constant(Xs), yd, ["const"] + sub, "progression",
                      Xnew=sm.add_constant(Xs[10:14])))
cases.append(ols_case("diabetes_noint", Xs, yd, sub, "progression", Xnew=Xs[:3]))
w = 1.0 / (1.0 + df["age"].values / 50.0)
cases.append(ols_case("diabetes_wls", sm.add_constant(Xs), yd, ["const"] + sub, "progression", weights=w))
rng = np.random.default_rng(9)
for k, (n, p) in enumerate([(30, 3), (12, 5), (200, 8)]):
    X = rng.normal(size=(n, p)) * rng.uniform(0.1, 10, size=p)
    b = rng.normal(size=p)
    y = 1.5 + X @ b + rng.normal(size=n)
    names = ["const"] + ["x%d" % (j + 1) for j in range(p)]
    cases.append(ols_case("random_%d" % k, sm.add_constant(X), y, names, "y", Xnew=sm.add_constant(X[:2])))
# rank deficient: x3 = x1 + x2
X = rng.normal(size=(25, 2)); X = np.column_stack([X, X[:, 0] + X[:, 1]])
y = 0.5 + X[:, 0] - 2 * X[:, 1] + rng.normal(size=25)
cases.append(ols_case("rank_deficient", sm.add_constant(X), y, ["const", "x1", "x2", "x3"], "y"))

# GLMs
glms = []
def glm_case(name, family, fam, X, y, names):
    r = sm.GLM(y, X, family=family).fit(tol=1e-12, maxiter=100)
    glms.append({"name": name, "family": fam, "names": names, "X": arr(X), "y": arr(y),
                 "params": arr(r.params), "bse": arr(r.bse), "deviance": r.deviance,
                 "null_deviance": r.null_deviance, "llf": r.llf, "aic": r.aic,
                 "pearson_chi2": r.pearson_chi2, "df_resid": r.df_resid, "df_model": r.df_model,
                 "iterations": int(r.fit_history["iteration"]), "summary": str(r.summary(xname=names))})
yb = (yd > np.median(yd)).astype(float)
glm_case("diabetes_logit", sm.families.Binomial(), "binomial", sm.add_constant(Xs), yb, ["const"] + sub)
X = rng.normal(size=(300, 3))
eta = -0.3 + X @ np.array([0.8, -1.2, 0.4])
yl = (rng.uniform(size=300) < 1 / (1 + np.exp(-eta))).astype(float)
glm_case("random_logit", sm.families.Binomial(), "binomial", sm.add_constant(X), yl, ["const", "x1", "x2", "x3"])
X = rng.normal(size=(250, 3))
mu = np.exp(0.5 + X @ np.array([0.3, -0.2, 0.1]))
yp = rng.poisson(mu).astype(float)
glm_case("random_poisson", sm.families.Poisson(), "poisson", sm.add_constant(X), yp, ["const", "x1", "x2", "x3"])
yc = np.round(yd / 10.0)
glm_case("diabetes_poisson", sm.families.Poisson(), "poisson", sm.add_constant(Xs), yc, ["const"] + sub)

# Elastic net: sklearn on X standardised with the population sd; our fits standardise internally
# and report coefficients on the original scale (= sklearn's / sd).
nets = []
mu_x = Xd.mean(0); sd_x = Xd.std(0)
Z = (Xd - mu_x) / sd_x
for l1, lam in [(1.0, 0.5), (1.0, 5.0), (0.5, 1.0), (0.0, 2.0), (1.0, 0.05)]:
    if l1 == 0.0:
        from sklearn.linear_model import Ridge
        n = len(yd)
        mdl = Ridge(alpha=lam * n, tol=1e-12).fit(Z, yd)   # Ridge: ||y-Xb||^2 + a||b||^2 -> a = n*lam
    else:
        mdl = ElasticNet(alpha=lam, l1_ratio=l1, tol=1e-14, max_iter=1000000).fit(Z, yd)
    coef = mdl.coef_ / sd_x
    icpt = mdl.intercept_ - np.sum(mdl.coef_ * mu_x / sd_x)
    nets.append({"l1_ratio": l1, "lambda": lam, "coef": arr(coef), "intercept": float(icpt)})

out = {"ols": cases, "glm": glms, "elasticnet": {"dataset": "diabetes", "features": feats, "fits": nets}}
json.dump(out, open("statsmodels_goldens.json", "w"), indent=1, allow_nan=False, cls=Enc)
json.dump({"python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__,
           "statsmodels": statsmodels.__version__, "sklearn": sklearn.__version__,
           "pandas": pd.__version__}, open("manifest.json", "w"), indent=1)
print("ok", len(cases), len(glms), len(nets))
