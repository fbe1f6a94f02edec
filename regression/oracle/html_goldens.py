"""Generates src/test/resources/golden/statsmodels_html.json: statsmodels' summary().as_html()
tables, cell by cell, for strix-regression's HTML summary tests (LinearFit.summaryHtml,
GlmFit.summaryHtml: Logit's summary for the logistic cases, GLM's for Poisson, as GlmFit.summary).

Reads the cases (data, names) from statsmodels_goldens.json, written by make_goldens.py, so both
files describe the same fits. Run with Debian's python (statsmodels 0.13.5):
    /usr/bin/python3 regression/oracle/html_goldens.py
Each table is {"caption": str or null, "rows": [[[tag, text], ...], ...]} with tag "th" or "td"
and the text stripped of the padding statsmodels keeps inside its cells. The build never runs this.
"""
import json, os
from html.parser import HTMLParser
import numpy as np
import statsmodels.api as sm


class Tables(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables, self.cell, self.in_caption, self.tail = [], None, False, []

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append({"caption": None, "rows": []})
        elif tag == "tr":
            self.tables[-1]["rows"].append([])
        elif tag in ("th", "td"):
            self.cell = [tag, ""]
        elif tag == "caption":
            self.in_caption, self.tables[-1]["caption"] = True, ""

    def handle_endtag(self, tag):
        if tag in ("th", "td"):
            self.cell[1] = self.cell[1].strip()
            self.tables[-1]["rows"][-1].append(self.cell)
            self.cell = None
        elif tag == "caption":
            self.in_caption = False

    def handle_data(self, data):
        if self.cell is not None:
            self.cell[1] += data
        elif self.in_caption:
            self.tables[-1]["caption"] += data


def parse(html):
    p = Tables()
    p.feed(html)
    return p.tables


def arr(a):
    d = np.asarray(a["data"], dtype=float)
    return d.reshape(a["shape"])


GOLD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "golden")
src = json.load(open(os.path.join(GOLD, "statsmodels_goldens.json")))
ols = []
for c in src["ols"]:
    X, y = arr(c["X"]), arr(c["y"])
    m = sm.WLS(y, X, weights=arr(c["weights"])) if c["weights"] is not None else sm.OLS(y, X)
    s = m.fit().summary(yname=c["yname"], xname=c["names"])
    ols.append({"name": c["name"], "tables": parse(s.as_html())})
glm = []
for c in src["glm"]:
    X, y = arr(c["X"]), arr(c["y"])
    if c["family"] == "binomial":
        s = sm.Logit(y, X).fit(disp=0, method="newton", tol=1e-12, maxiter=100).summary(xname=c["names"])
    else:
        s = sm.GLM(y, X, family=sm.families.Poisson()).fit(tol=1e-12, maxiter=100).summary(xname=c["names"])
    glm.append({"name": c["name"], "tables": parse(s.as_html())})
json.dump({"ols": ols, "glm": glm}, open(os.path.join(GOLD, "statsmodels_html.json"), "w"), indent=1)
print("ok", len(ols), len(glm))
