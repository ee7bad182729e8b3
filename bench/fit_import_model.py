"""Refit the importer's line model on the development half of tests/import_corpus/ (never the held-out half).

    python bench/fit_import_model.py            # print the fitted weights, as model.py keeps them
    python bench/fit_import_model.py --check    # exit 1 if model.py's numbers differ from a fresh fit

Each non-blank line of a development page's copied text is labelled from the page's truth (with the documented
corrections of tests/import_corpus/corrections.json):

  body      1 for a line between the article's first and last sentence (both included) whose words are mostly
            words of the true body; 0 for every other line (menus, captions, teasers, comments, footers)
  headline  1 for the line that is the true headline (or it with a site name after a dash or bar); 0 for the
            other candidate lines the importer weighs (the title-like lines before the article)

and a logistic regression (L2 penalty 1.0, Newton's method, deterministic) is fitted to the body labels; the headline,
the first line and the last line are each fitted as a conditional logit, one choice among each page's candidates
(fit_choice). The features are generator/editor/importer/features.py's, headline.py's and boundary.py's.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from generator.editor.importer import model  # noqa: E402
from generator.editor.importer.article import normalise, split_site  # noqa: E402
from generator.editor.importer.boundary import BOUNDARY_FEATURES, end_candidates, rows, start_candidates  # noqa: E402
from generator.editor.importer.features import FEATURE_NAMES, LINE_FEATURES, line_features  # noqa: E402
from generator.editor.importer.headline import HEADLINE_FEATURES, candidates, headline_features, headline_index  # noqa: E402
from generator.editor.importer.language import detect_language  # noqa: E402
from generator.editor.importer.locate import anchored_run  # noqa: E402
from import_score import body_span, corrected, corrections, headline_right, score_page, selection, words  # noqa: E402

CORPUS = ROOT / "tests" / "import_corpus"


def body_labels(lines: list[str], page: dict) -> np.ndarray | None:
    span = body_span(lines, page)
    if span is None:
        return None
    body = words(page["body"])
    labels = np.zeros(len(lines))
    for index in range(span[0], span[1] + 1):
        found = words(lines[index])
        total = sum(found.values())
        if total and sum((found & body).values()) >= 0.8 * total:
            labels[index] = 1.0
    return labels


def fit(x: np.ndarray, y: np.ndarray, weight: np.ndarray | None = None, penalty: float = 1.0, rounds: int = 30) -> np.ndarray:
    """Logistic regression by Newton's method, each row counted weight times; the bias (column 0) is not penalised."""
    weight = np.ones(len(y)) if weight is None else weight * len(y) / weight.sum()
    w = np.zeros(x.shape[1])
    ridge = np.eye(x.shape[1]) * penalty
    ridge[0, 0] = 0.0
    for _ in range(rounds):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        gradient = x.T @ (weight * (p - y)) + ridge @ w
        hessian = (x * (weight * p * (1 - p))[:, None]).T @ x + ridge
        w -= np.linalg.solve(hessian, gradient)
    return w


def choice_loss(groups: list[tuple[np.ndarray, np.ndarray]], w: np.ndarray, penalty: float) -> float:
    """The conditional logit's negative log-likelihood (each group's right candidates' share of the softmax), plus
    the penalty."""
    total = 0.5 * penalty * float(w @ w)
    for x, y in groups:
        score = x @ w
        top = score.max()
        total -= float(np.log((np.exp(score - top) * y).sum() / y.sum()) - np.log(np.exp(score - top).sum()))
    return total


def fit_choice(groups: list[tuple[np.ndarray, np.ndarray]], penalty: float = 1.0, rounds: int = 30) -> np.ndarray:
    """A conditional logit by damped Newton's method: in each group (one page's candidates) the softmax of the
    scores should put its weight on the right candidates, as the importer takes the best-scored one. The bias
    cancels out within a group (the penalty keeps it at 0)."""
    w = np.zeros(groups[0][0].shape[1])
    ridge = np.eye(len(w)) * penalty
    for _ in range(rounds):
        gradient, hessian = ridge @ w, ridge.copy()
        for x, y in groups:
            score = x @ w
            p = np.exp(score - score.max())
            p /= p.sum()
            mean = p @ x
            gradient += mean - (y / y.sum()) @ x
            hessian += (x * p[:, None]).T @ x - np.outer(mean, mean)
        step, loss = np.linalg.solve(hessian, gradient), choice_loss(groups, w, penalty)
        while np.abs(step).max() > 1e-9 and choice_loss(groups, w - step, penalty) > loss:
            step = step / 2  # a full step that overshoots is halved
        w = w - step
    return w


def pages(manifest: dict, selections: bool = False) -> list[tuple[dict, list[str], np.ndarray, np.ndarray]]:
    """Each development page with a labelled body: its truth, lines, line features and body labels; with selections,
    also the page as a reader copies it who selects the article alone (its truth marked "selected")."""
    found = []
    fixes = corrections()  # plainly wrong truth, corrected with a reason (tests/import_corpus/corrections.json)
    for page in manifest["pages"]:
        if page["split"] != "dev":
            continue
        page = corrected(page, fixes)
        lines = normalise((CORPUS / page["text"]).read_text(encoding="utf-8"))
        copies = [(page, lines)]
        if selections and (selected := selection(lines, page)) is not None:
            copies.append(({**page, "selected": True}, normalise("\n".join(selected))))
        for truth, text in copies:
            labels = body_labels(text, truth)
            if labels is not None:
                found.append((truth, text, line_features(text, detect_language("\n".join(text))[0]), labels))
    return found


def body_data(found: list) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every non-blank line, weighed by its length to the power SPREAD as the run adds lines up: a long line
    taken wrongly costs the text more than a short one."""
    present = [[i for i, line in enumerate(lines) if line] for _, lines, _, _ in found]
    x = np.vstack([features[rows] for (_, _, features, _), rows in zip(found, present, strict=True)])
    y = np.concatenate([labels[rows] for (_, _, _, labels), rows in zip(found, present, strict=True)])
    length = np.asarray([len(lines[i]) for (_, lines, _, _), rows in zip(found, present, strict=True) for i in rows], dtype=float)
    return x, y, length**model.SPREAD


def headline_data(found: list) -> list[tuple[np.ndarray, np.ndarray]]:
    """Each page's headline candidates (whose truth is among them) and which of them are right."""
    groups = []
    for page, lines, features, labels in found:
        begin = int(np.flatnonzero(labels)[0])
        picked = candidates(lines, begin)
        if not any(right(lines[i], page["headline"]) for i in picked):
            continue
        labels = np.asarray([1.0 if right(lines[i], page["headline"]) else 0.0 for i in picked])
        groups.append((headline_features(lines, picked, begin, features), labels))
    return groups


def right(line: str, truth: str) -> bool:
    return headline_right(line, truth) or headline_right(split_site(line)[0], truth)


def rounded(w: np.ndarray) -> tuple[float, ...]:
    return tuple(round(float(v), 3) for v in w)


FEATURES = {
    "BODY_WEIGHTS": FEATURE_NAMES,
    "OWN_WEIGHTS": LINE_FEATURES,
    "HEADLINE_WEIGHTS": HEADLINE_FEATURES,
    "START_WEIGHTS": BOUNDARY_FEATURES,
    "END_WEIGHTS": BOUNDARY_FEATURES,
}


def source(name: str, weights: tuple[float, ...]) -> str:
    """A tuple of weights as model.py keeps it: one a line, with its feature's name."""
    body = "".join(f"    {value!r},  # {feature}\n" for feature, value in zip(FEATURES[name], weights, strict=True))
    return f"{name}: tuple[float, ...] = (\n{body})"


def write(fitted: dict[str, tuple[float, ...]]) -> None:
    path = Path(model.__file__)
    text = path.read_text(encoding="utf-8")
    for name, weights in fitted.items():
        text = re.sub(rf"{name}: tuple\[float, \.\.\.\] = \([^)]*\)", lambda _m, n=name, w=weights: source(n, w), text)
    path.write_text(text, encoding="utf-8")


def boundary_data(found: list) -> tuple[list, list]:
    """Each page's candidates for the first and the last line, as the importer meets them (after the fitted run and
    headline), and which of them is right."""
    sx, sy, ex, ey = [], [], [], []
    for page, lines, features, _labels in found:
        truth = body_span(lines, page)
        run = anchored_run(features, lines)
        headline = headline_index(lines, run[0], features)
        starts = start_candidates(lines, run, headline)
        if truth[0] in starts:
            sx.append(rows(lines, starts, run, run[0], features, headline))
            sy.append(np.asarray([1.0 if i == truth[0] else 0.0 for i in starts]))
        ends = end_candidates(lines, run)
        if truth[1] in ends:
            ex.append(rows(lines, ends, run, run[1] - 1, features, headline))
            ey.append(np.asarray([1.0 if i == truth[1] else 0.0 for i in ends]))
    return list(zip(sx, sy, strict=True)), list(zip(ex, ey, strict=True))


def fit_all(found: list) -> dict[str, tuple[float, ...]]:
    """Each model in turn, as the importer uses them: the line models, then the headline, then the two ends."""
    bx, by, bw = body_data(found)
    model.BODY_WEIGHTS = rounded(fit(bx, by, bw))
    model.OWN_WEIGHTS = rounded(fit(bx[:, : len(LINE_FEATURES)], by, bw))
    model.HEADLINE_WEIGHTS = rounded(fit_choice(headline_data(found)))  # its features include the line models' probability
    starts, ends = boundary_data(found)  # the start's candidates begin after the headline
    # each page's first and last line is one choice among its candidates, as for the headline; the end's model is
    # held closer to 0 (penalty 3, chosen by 3 x 5-fold CV on dev among 0.3, 1, 3, 10: 180, 187, 192, 192 ends of 246)
    model.START_WEIGHTS, model.END_WEIGHTS = rounded(fit_choice(starts)), rounded(fit_choice(ends, 3.0))
    return {name: getattr(model, name) for name in FEATURES}


def site_folds(found: list, folds: int) -> list[int]:
    """Each page's fold, by its site: the sites in the order they first come, dealt in turn. Two pages of one site share
    a layout (its plug, its bio, its headline block), so a fold that holds one and fits on the other scores a layout the
    fit has seen; the held-out half has none of the dev half's sites, and so no fold has any of its fit's sites."""
    sites: dict[str, int] = {}
    for page, *_ in found:
        sites.setdefault(page["site"], len(sites))
    return [sites[page["site"]] % folds for page, *_ in found]


def cross_validate(found: list, folds: int) -> str:
    """Headline, start and end right on each fold of the dev pages, with the models fitted on the other folds:
    how a change does on pages (and sites) its fit has not seen, without looking at the held-out half."""
    right = {copy: {"headline": 0, "start": 0, "end": 0} for copy in ("whole", "selected")}
    fold_of = site_folds(found, folds)
    for fold in range(folds):
        fit_all([page for index, page in enumerate(found) if fold_of[index] != fold and not page[0].get("selected")])
        for page, lines, *_ in (page for index, page in enumerate(found) if fold_of[index] == fold):
            result = score_page(page, "\n".join(lines), page)["corrected"]
            tally = right["selected" if page.get("selected") else "whole"]
            for key in tally:
                tally[key] += result[key]
    count = collections.Counter("selected" if page.get("selected") else "whole" for page, *_ in found)
    return "; ".join(f"{copy}: " + ", ".join(f"{key} {n}/{count[copy]}" for key, n in right[copy].items()) for copy in right)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the numbers in model.py")
    parser.add_argument("--write", action="store_true", help="write the fitted numbers into model.py")
    parser.add_argument("--cv", type=int, metavar="FOLDS", help="cross-validate on the dev pages instead, folds dealt by site (e.g. 5)")
    args = parser.parse_args(argv)
    manifest = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
    kept = {name: getattr(model, name) for name in FEATURES}
    found = pages(manifest)
    if args.cv:
        # the models are fitted on whole pages; each fold is scored on its pages whole and on the article selected alone
        print(f"{args.cv}-fold cross-validation on the dev pages, {cross_validate(pages(manifest, selections=True), args.cv)}")
        return 0
    fitted = fit_all(found)
    if args.check:
        # within rounding: another machine's floating point may move a weight's third decimal
        same = all(len(fitted[n]) == len(kept[n]) and np.allclose(fitted[n], kept[n], atol=0.0015) for n in FEATURES)
        print("model.py matches a fresh fit" if same else "model.py differs from a fresh fit")
        return 0 if same else 1
    if args.write:
        write(fitted)
    print(f"# fitted on the {len(found)} development pages whose first and last sentence are found")
    for name, weights in fitted.items():
        print(source(name, weights))
    return 0


if __name__ == "__main__":
    sys.exit(main())
