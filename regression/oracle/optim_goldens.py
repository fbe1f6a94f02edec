"""Generates the SciPy / scikit-learn / statsmodels goldens for the optimisers, the linear SVM and
exponential regression (strix-regression's optimise tests, LinearSvmTest, ExponentialTest).

Run with Debian's python (NumPy 1.24, SciPy 1.10, scikit-learn 1.2.1, statsmodels 0.13):
    /usr/bin/python3 regression/oracle/optim_goldens.py
Deterministic: fixed seeds. Writes src/test/resources/golden/optim_goldens.json. The build never runs this.
"""
import json, os, warnings
import numpy as np
import scipy, sklearn, statsmodels
from scipy.optimize import minimize, curve_fit, rosen, rosen_der
from sklearn.svm import LinearSVC
import statsmodels.api as sm

def arr(a):
    a = np.asarray(a, dtype=float)
    return {"shape": list(a.shape), "data": [float(v) for v in a.ravel()]}

out = {"versions": {"numpy": np.__version__, "scipy": scipy.__version__, "sklearn": sklearn.__version__,
                    "statsmodels": statsmodels.__version__}}

# ---- classical test functions: SciPy's L-BFGS-B (no bounds), run to its floor -------------------
def beale(x):
    a, b = x
    return (1.5 - a + a * b) ** 2 + (2.25 - a + a * b ** 2) ** 2 + (2.625 - a + a * b ** 3) ** 2
def beale_der(x):
    a, b = x
    t1, t2, t3 = 1.5 - a + a * b, 2.25 - a + a * b ** 2, 2.625 - a + a * b ** 3
    return np.array([2 * t1 * (b - 1) + 2 * t2 * (b ** 2 - 1) + 2 * t3 * (b ** 3 - 1),
                     2 * t1 * a + 2 * t2 * 2 * a * b + 2 * t3 * 3 * a * b ** 2])
def booth(x):
    return (x[0] + 2 * x[1] - 7) ** 2 + (2 * x[0] + x[1] - 5) ** 2
def booth_der(x):
    r1, r2 = x[0] + 2 * x[1] - 7, 2 * x[0] + x[1] - 5
    return np.array([2 * r1 + 4 * r2, 4 * r1 + 2 * r2])

rng = np.random.default_rng(20261126)
n_q = 30
lam = np.logspace(0, 6, n_q)                       # condition number 1e6
Q, _ = np.linalg.qr(rng.normal(size=(n_q, n_q)))
A = (Q * lam) @ Q.T
A = 0.5 * (A + A.T)
c = np.linspace(-1, 2, n_q)
def quad(x):
    r = x - c
    return 0.5 * r @ A @ r
def quad_der(x):
    return A @ (x - c)

problems = [
    ("rosenbrock2", rosen, rosen_der, [-1.2, 1.0], [1.0, 1.0]),
    ("rosenbrock10", rosen, rosen_der, [-1.2, 1.0] * 5, [1.0] * 10),
    ("beale", beale, beale_der, [1.0, 1.0], [3.0, 0.5]),
    ("booth", booth, booth_der, [0.0, 0.0], [1.0, 3.0]),
    ("quadratic_cond1e6", quad, quad_der, [0.0] * n_q, list(c)),
]
funcs = []
for name, f, g, x0, known in problems:
    r = minimize(f, np.array(x0), jac=g, method="L-BFGS-B",
                 options={"maxiter": 100000, "maxfun": 1000000, "ftol": 1e-300, "gtol": 1e-14, "maxcor": 10})
    err = np.max(np.abs(r.x - np.array(known)))
    assert err < 1e-5, (name, err, r)
    case = {"name": name, "x0": x0, "known_minimum": known, "x_star": list(map(float, r.x)), "f_star": float(r.fun),
            "scipy_grad_norm": float(np.linalg.norm(g(r.x))), "scipy_nit": int(r.nit), "scipy_message": str(r.message)}
    if name.startswith("quadratic"):
        case["A"] = arr(A)
        case["c"] = list(map(float, c))
        case["eigenvalues"] = list(map(float, lam))
    funcs.append(case)
out["functions"] = funcs

# ---- logistic loss: statsmodels Logit (Newton to 1e-12) on generated data -----------------------
n = 400
X = rng.normal(size=(n, 3)) * np.array([1.0, 2.0, 0.5])
beta = np.array([0.4, 1.1, -0.6, 1.5])
eta = beta[0] + X @ beta[1:]
y = (rng.uniform(size=n) < 1 / (1 + np.exp(-eta))).astype(float)
lr = sm.Logit(y, sm.add_constant(X)).fit(method="newton", tol=1e-14, maxiter=100, disp=0)
out["logistic"] = {"X": arr(X), "y": arr(y), "params": arr(lr.params), "llf": float(lr.llf)}

# ---- linear SVM: liblinear (LinearSVC) and, as a check, the same primal minimised by SciPy -------
n = 150
labels = np.where(rng.uniform(size=n) < 0.45, 5.0, 2.0)  # two arbitrary label values; 5 is "positive"
Xs = rng.normal(size=(n, 3)) + np.outer(labels == 5.0, [1.2, -0.8, 0.5])
Xs[:, 1] *= 3.0
ypm = np.where(labels == 5.0, 1.0, -1.0)

def primal(wb, X, ypm, C, loss, s):
    w, b = wb[:-1], wb[-1]
    m = 1 - ypm * (X @ w + b * s)
    h = np.maximum(0, m)
    return 0.5 * wb @ wb + C * (np.sum(h ** 2) if loss == "squared_hinge" else np.sum(h))

svms = []
for loss, C, s in [("squared_hinge", 1.0, 1.0), ("hinge", 1.0, 1.0), ("squared_hinge", 0.05, 1.0),
                   ("hinge", 10.0, 1.0), ("squared_hinge", 1.0, 10.0)]:
    with warnings.catch_warnings():
        warnings.simplefilter("error")                 # a ConvergenceWarning would make the golden useless
        m = LinearSVC(loss=loss, C=C, tol=1e-10, max_iter=10 ** 6, intercept_scaling=s, random_state=0).fit(Xs, labels)
    w = m.coef_.ravel()
    b = float(m.intercept_[0])
    wb = np.append(w, b / s)
    # liblinear's primal (the intercept is the weight of a constant feature s, so b = s * w_last)
    ref = minimize(lambda v: primal(v, Xs, ypm, C, loss, s), np.zeros(4), method="Powell",
                   options={"xtol": 1e-12, "ftol": 1e-15, "maxiter": 200000, "maxfev": 2000000})
    obj = primal(wb, Xs, ypm, C, loss, s)
    assert obj <= ref.fun + 1e-7 * abs(ref.fun), (loss, C, obj, ref.fun)
    Xt = Xs[:10] + 0.3
    svms.append({"loss": loss, "C": C, "intercept_scaling": s, "coef": list(map(float, w)), "intercept": b,
                 "objective": float(obj), "scipy_objective": float(ref.fun),
                 "X_test": arr(Xt), "decision_test": list(map(float, m.decision_function(Xt))),
                 "predict_test": list(map(float, m.predict(Xt))), "score_train": float(m.score(Xs, labels)),
                 "n_iter": int(m.n_iter_)})
out["svm"] = {"X": arr(Xs), "y": list(map(float, labels)), "classes": [2.0, 5.0], "cases": svms}

# ---- exponential regression y = a exp(-l x) + c (Owl's Regression.D.exponential), curve_fit ------
def expo(x, a, l, c):
    return a * np.exp(-l * x) + c
exps = []
for name, xs, p, sd in [("decay", np.linspace(0, 4, 50), (2.5, 1.3, 0.7), 0.03),
                        ("growth_negative_a", np.linspace(0, 5, 40), (-1.5, -0.4, 4.0), 0.2),
                        ("slow_decay", np.linspace(1, 30, 60), (10.0, 0.05, -2.0), 0.1)]:
    yv = expo(xs, *p) + rng.normal(scale=sd, size=xs.size)
    popt, pcov = curve_fit(expo, xs, yv, p0=p, ftol=1e-15, xtol=1e-15, gtol=1e-15, maxfev=100000)
    rss = float(np.sum((yv - expo(xs, *popt)) ** 2))
    exps.append({"name": name, "x": list(map(float, xs)), "y": list(map(float, yv)), "true": list(p),
                 "params": list(map(float, popt)), "bse": list(map(float, np.sqrt(np.diag(pcov)))), "rss": rss})
out["exponential"] = exps

HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(HERE, "..", "src", "test", "resources", "golden", "optim_goldens.json"), "w") as fh:
    json.dump(out, fh, indent=1)
for f in funcs:
    print(f["name"], f["f_star"], f["scipy_grad_norm"], f["scipy_nit"], f["scipy_message"])
for s in svms:
    print(s["loss"], s["C"], s["intercept_scaling"], s["objective"], s["scipy_objective"], s["n_iter"], s["coef"], s["intercept"])
for e in exps:
    print(e["name"], e["params"], e["bse"])
