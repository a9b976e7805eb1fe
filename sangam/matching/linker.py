"""Score candidate pairs of person records with a Fellegi–Sunter model whose
parameters are estimated from the data itself.

1. Candidate pairs: the union of the blocking rules (``settings.py``), each
   pair once (a rule skips pairs an earlier rule found).
2. Each pair gets a comparison vector: one level per field (name, surname,
   father's name, age against elapsed time, sex, state, district, village,
   language).
3. Expectation–maximisation over the distinct vectors (a few thousand rows,
   not the pairs) estimates, for true and for false pairs, how often each
   level occurs (m and u) and the share of true pairs among candidates.
4. A pair's match weight is the prior log-odds plus, per field, ln(m/u) of
   its level — adjusted for how common an agreeing name is — and its score
   is the probability 1 / (1 + e^-weight). The per-field terms are the
   explanation of a score.

All of it is SQL the engine runs (DuckDB or Spark); Python only holds the
model (a few hundred numbers).
"""

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa

from sangam.matching import records
from sangam.matching import settings as default_settings

SCHEMA = {
    "rid": pa.int64(), "id": pa.string(), "g1": pa.string(), "g2": pa.string(),
    "s1": pa.string(), "s2": pa.string(), "c1": pa.string(), "p2": pa.string(), "fa": pa.string(),
    "fas": pa.string(), "sex": pa.string(), "age": pa.float64(), "day": pa.int64(),
    "st": pa.string(), "di": pa.string(), "vi": pa.string(), "lang": pa.string(),
    "b4": pa.int64(), "b4o": pa.int64(), "r1": pa.string(), "a1": pa.string(),
    "pd": pa.string(), "sd": pa.string(), "df": pa.string(),
}  # fmt: skip
KEY_SCHEMA = {"rid": pa.int64(), "k": pa.string()}
# "l.d1 = r.d1" (or mirrored, within one file) on a several-valued key.
_MULTI = re.compile(rf"\b[lr]\.({'|'.join(records.MULTI_KEYS)}) = [lr]\.\1\b")
TF_CAP = math.log(30)  # a name's rarity moves a weight by at most this much
EM_ITERATIONS = 60
# EM rounds over all candidate pairs after the training blocks (_refine).
REFINE_ITERATIONS = 2
# Fewer records than this on a side: too few true pairs for EM to find.
EM_MIN_RECORDS = 200
# Pairs of a training block EM looks at, at most (a random sample beyond).
TRAINING_PAIRS = 5_000_000
DEFAULT_MODEL = Path(__file__).with_name("default_model.json")


def _real(x):
    """A number as a floating-point SQL literal: a plain 1.25 is a DECIMAL
    in DuckDB, and sums of DECIMALs over millions of pairs are slow."""
    text = repr(float(x))
    return text if "e" in text or "inf" in text or "nan" in text else f"{text}e0"


@dataclass
class Model:
    """Estimated parameters: prior share of true pairs, m and u per level."""

    prior: float
    m: dict[str, list[float]]  # comparison -> probability per level (index = level)
    u: dict[str, list[float]]
    iterations: int = 0

    def weight(self, comparison, level):
        if level < 0:
            return 0.0
        return math.log(self.m[comparison][level] / self.u[comparison][level])

    def explain(self, levels):
        """Per-field contributions (natural log Bayes factors) of one vector."""
        return {name: self.weight(name, lv) for name, lv in levels.items()}

    def fits(self, config=default_settings):
        """Whether this model has a parameter for every level of ``config``'s
        comparisons (a model kept from before the comparisons changed has not)."""
        return all(
            len(getattr(self, side).get(c.name, ())) == len(c.levels) + 1
            for c in config.COMPARISONS
            for side in ("m", "u")
        )

    def as_dict(self):
        return {"prior": self.prior, "m": self.m, "u": self.u, "iterations": self.iterations}


class Linker:
    def __init__(self, engine, config=default_settings, progress=print):
        self.engine = engine
        self.config = config
        self.say = progress or (lambda *a: None)
        self.model = None
        self.pairs = 0
        self.rules = []

    # -- steps ---------------------------------------------------------------

    def _load(self, left, right):
        records.complete(left, *([] if right is None else [right]))
        self.dedupe = right is None
        for side, columns in (("l", left), ("r", right))[: 1 if self.dedupe else 2]:
            self.engine.load(f"{side}_raw", columns, SCHEMA)
            for key in self._multi_keys():
                values = [
                    (rid, k)
                    for rid, ks in zip(columns["rid"], columns[key], strict=True)
                    for k in ks
                ]
                rids, ks = zip(*values, strict=True) if values else ((), ())
                self.engine.load(f"{side}_{key}", {"rid": rids, "k": ks}, KEY_SCHEMA)
        self.right = "l_in" if self.dedupe else "r_in"
        self.sizes = (len(left["id"]), len(left["id"] if self.dedupe else right["id"]))

    def _tf_columns(self):
        return sorted({lv.tf for c in self.config.COMPARISONS for lv in c.levels if lv.tf})

    def _term_frequencies(self):
        """How common each record's name values are, kept on the record
        (``tf_<column>``), so that pairs need no join to weigh a rare name."""
        columns = self._tf_columns()
        for column in columns:
            union = f"SELECT {column} AS v FROM l_raw"
            if not self.dedupe:
                union += f" UNION ALL SELECT {column} AS v FROM r_raw"
            self.engine.create(
                f"tf_{column}",
                f"SELECT v, CAST(count(*) AS DOUBLE) / sum(count(*)) OVER () AS tf "
                f"FROM ({union}) t WHERE v IS NOT NULL GROUP BY v",
            )
        for side in ("l", "r")[: 1 if self.dedupe else 2]:
            values = "".join(f", CAST(t_{c}.tf AS FLOAT) AS tf_{c}" for c in columns)
            joins = "".join(f" LEFT JOIN tf_{c} t_{c} ON t_{c}.v = x.{c}" for c in columns)
            self.engine.create(f"{side}_in", f"SELECT x.*{values} FROM {side}_raw x{joins}")

    def _gamma_columns(self):
        return ", ".join(
            f"{c.gamma_sql(self.dedupe)} AS g_{c.name}" for c in self.config.COMPARISONS
        )

    def _multi_keys(self):
        """The several-valued keys (records.MULTI_KEYS) some rule joins on."""
        rules = (*self.config.BLOCKING_RULES, *self.config.BLOCKING_RULES_AT_SCALE)
        return sorted({m.group(1) for rule in rules for m in _MULTI.finditer(rule)})

    def _join(self, rule):
        """FROM and ON of a rule's pairs: a several-valued key is a join of
        its (rid, key) tables, the record tables joined to them."""
        order = " AND l.rid < r.rid" if self.dedupe else ""
        keys = [m.group(1) for m in _MULTI.finditer(rule)]
        if not keys:
            return f"l_in l JOIN {self.right} r ON ({rule}){order}"
        other = "l" if self.dedupe else "r"
        first, *more = keys
        rest = _MULTI.sub("true", rule)
        sql = f"l_{first} lk0 JOIN {other}_{first} rk0 ON lk0.k = rk0.k"
        for i, key in enumerate(more, 1):
            sql += (
                f" JOIN l_{key} lk{i} ON lk{i}.rid = lk0.rid"
                f" JOIN {other}_{key} rk{i} ON rk{i}.rid = rk0.rid AND rk{i}.k = lk{i}.k"
            )
        return (
            f"{sql} JOIN l_in l ON l.rid = lk0.rid "
            f"JOIN {self.right} r ON r.rid = rk0.rid AND ({rest}){order}"
        )

    def rule_pairs_sql(self, rule):
        """(lr, rr) of the pairs one blocking rule gives, each pair once."""
        return f"SELECT DISTINCT l.rid AS lr, r.rid AS rr FROM {self._join(rule)}"

    def _rules(self):
        rules = list(self.config.BLOCKING_RULES)
        # Several-valued keys count a pair once per value shared: an
        # overestimate, which only makes the finer rules come sooner.
        expected = sum(
            self.engine.rows(f"SELECT count(*) FROM {self._join(r)}")[0][0] for r in rules
        )
        if expected > self.config.PAIR_BUDGET:
            self.say(
                f"the blocking rules would give {expected:,} pairs: using the finer rules for scale"
            )
            rules = list(self.config.BLOCKING_RULES_AT_SCALE)
        if self.dedupe:
            # Within one file each pair is taken once (l before r), so an
            # asymmetric rule also needs its mirror image.
            mirrored = [
                re.sub(r"\b([lr])\.", lambda m: "r." if m.group(1) == "l" else "l.", r)
                for r in rules
            ]
            rules += [r for r in mirrored if r not in rules]
        return rules

    def _block(self):
        # Each rule contributes row-number pairs only; the union keeps each
        # pair once, and the comparison vectors are computed once per pair
        # (cheaper than excluding every earlier rule's pairs in each join).
        self.rules = self._rules()
        self.engine.union(
            "candidates",
            [f"SELECT l.rid AS lr, r.rid AS rr FROM {self._join(rule)}" for rule in self.rules],
        )
        # How common the agreeing values are (a rare name counts for more).
        values = "".join(f"l.tf_{column}, " for column in self._tf_columns())
        self.engine.create(
            "gammas",
            f"SELECT p.lr, p.rr, {values}{self._gamma_columns()} "
            f"FROM candidates p JOIN l_in l ON l.rid = p.lr JOIN {self.right} r ON r.rid = p.rr",
        )
        self.pairs = self.engine.rows("SELECT count(*) FROM gammas")[0][0]

    def _table(self, rows):
        """Distinct vectors as an integer array, one column per comparison and
        the count last; the shape is explicit so that no rows is an empty
        table rather than a reshape error."""
        return np.asarray(rows, dtype=np.int64).reshape(len(rows), len(self.config.COMPARISONS) + 1)

    def _marginals(self, rows, weights):
        """Per comparison, the weighted share of each level among ``rows``
        (distinct vectors, their count last)."""
        table = self._table(rows)
        mass = table[:, -1] * np.asarray(weights, dtype=float)
        out = {}
        for k, comparison in enumerate(self.config.COMPARISONS):
            levels = table[:, k]
            known = levels >= 0
            counts = np.bincount(
                levels[known], weights=mass[known], minlength=len(comparison.levels) + 1
            )
            counts = counts + 1e-6  # smoothing: no zero u or m
            out[comparison.name] = (counts / counts.sum()).tolist()
        return out

    def _random_u(self, sample_pairs=1_000_000):
        """Level frequencies among random pairs (almost all false pairs)."""
        a, b = self.sizes
        take_l = min(a, max(2, int(math.sqrt(sample_pairs * a / max(b, 1)))))
        take_r = min(b, max(2, sample_pairs // take_l))
        order = " AND l.rid < r.rid" if self.dedupe else ""
        names = ", ".join(f"g_{c.name}" for c in self.config.COMPARISONS)
        rows = self.engine.rows(
            f"SELECT {names}, count(*) FROM (SELECT {self._gamma_columns()} "
            f"FROM (SELECT * FROM l_in WHERE rid < {take_l}) l "
            f"JOIN (SELECT * FROM {self.right} WHERE rid < {take_r}) r ON 1 = 1{order}) s "
            f"GROUP BY {names}"
        )
        return self._marginals(rows, [1.0] * len(rows))

    def _em(self, rows, u, estimate):
        """m of the comparisons in ``estimate`` and the share of true pairs
        among ``rows`` (distinct vectors with counts), u held at its
        random-pair value."""
        comparisons = [(k, c) for k, c in enumerate(self.config.COMPARISONS) if c.name in estimate]
        m = {}
        for _, c in comparisons:
            top = len(c.levels)
            start = [0.15 / top] * top + [0.85]  # true pairs mostly agree
            m[c.name] = start
        share, iterations = 0.01, 0
        table = self._table(rows)
        counts = table[:, -1].astype(float)
        total = counts.sum() or 1
        for iterations in range(1, EM_ITERATIONS + 1):  # noqa: B007
            log_odds = np.full(len(rows), math.log(share / (1 - share)))
            for k, c in comparisons:
                levels = table[:, k]
                ratio = np.log(np.asarray(m[c.name]) / np.asarray(u[c.name]))
                log_odds += np.where(levels >= 0, ratio[np.maximum(levels, 0)], 0.0)
            posteriors = 1 / (1 + np.exp(-np.clip(log_odds, -700, 700)))
            new_share = float((counts * posteriors).sum() / total)
            new_share = min(max(new_share, 1e-9), 1 - 1e-6)
            estimated = self._marginals(rows, posteriors)
            m = {c.name: estimated[c.name] for _, c in comparisons}
            done = abs(new_share - share) < 1e-6 * share and iterations > 3
            share = new_share
            if done:
                break
        return m, share, iterations

    def _estimate(self):
        """u from random pairs; m by EM within training blocks, each field
        estimated where the block says nothing about it (as Splink does);
        the prior from how many true pairs the first block holds."""
        u = self._random_u()
        names = [c.name for c in self.config.COMPARISONS]
        order = " AND l.rid < r.rid" if self.dedupe else ""
        estimates, sessions = {n: [] for n in names}, []
        for rule, conditioned in self.config.TRAINING:
            estimate = [n for n in names if n not in conditioned]
            # A training block of registers this size can hold hundreds of
            # millions of pairs; EM needs far fewer. Records with a row number
            # below a cut are a random sample (records.number), so the block
            # is taken over a sample of the left side.
            size = self.engine.rows(
                f"SELECT count(*) FROM l_in l JOIN {self.right} r ON ({rule}){order}"
            )[0][0]
            cut = self.sizes[0] * min(1.0, TRAINING_PAIRS / max(size, 1))
            rows = self.engine.rows(
                f"SELECT {', '.join(f'g_{n}' for n in names)}, count(*) FROM ("
                f"SELECT {self._gamma_columns()} FROM (SELECT * FROM l_in WHERE rid < {cut!r}) l "
                f"JOIN {self.right} r ON ({rule}){order}) t "
                f"GROUP BY {', '.join(f'g_{n}' for n in names)}"
            )
            if not rows:
                # No pair in this block (registers sharing no place or name
                # key): it says nothing about m or the prior.
                continue
            m, share, iterations = self._em(rows, u, estimate)
            # The share of true pairs in the sample holds for the whole block.
            sessions.append((share, size, iterations))
            for name, probabilities in m.items():
                estimates[name].append(probabilities)
        if not sessions:
            self._assumed()
            return
        m = {}
        for c in self.config.COMPARISONS:
            found = estimates[c.name] or [[1 / (len(c.levels) + 1)] * (len(c.levels) + 1)]
            m[c.name] = [sum(col) / len(found) for col in zip(*found, strict=True)]
        # True pairs in the first block, over the chance that a true pair
        # falls in it, estimate how many true pairs there are in all.
        share, size, _ = sessions[0]
        caught = 1.0
        for c in self.config.COMPARISONS:
            kept = self.config.PRIOR_LEVELS.get(c.name, ())
            top = len(c.levels)
            if kept:
                caught *= sum(
                    m[c.name][top - i] for i, lv in enumerate(c.levels) if lv.label in kept
                )
        true_pairs = max(share * size / max(caught, 1e-6), 1.0)
        a, b = self.sizes
        all_pairs = a * (a - 1) / 2 if self.dedupe else a * b
        self.model = Model(
            prior=min(true_pairs / all_pairs, 0.5),
            m=m,
            u=u,
            iterations=max(s[-1] for s in sessions),
        )

    def _refine(self):
        """EM once more over every candidate pair, now knowing that a found
        person is one person: a pair's chance of being true is its share of
        her candidates (as scores are), m is re-estimated from those chances
        and the prior from their sum. Training blocks of large registers hold
        many look-alikes that block EM counts as half-true; this corrects m
        and the prior, and with them the calibration of scores."""
        names = ", ".join(f"g_{c.name}" for c in self.config.COMPARISONS)
        for _ in range(REFINE_ITERATIONS):
            self._score()
            rows = self.engine.rows(
                f"SELECT {names}, sum(p) FROM (SELECT g.*, exp({self._weight_sql()}) / "
                f"(t.total + {_real(self._none())}) AS p FROM gammas g JOIN totals t USING (rr)) s "
                f"GROUP BY {names}"
            )
            chances = [row[-1] for row in rows]
            self.model.m = self._marginals([(*row[:-1], 1) for row in rows], chances)
            true_pairs = max(sum(chances), 1.0)
            self.model.prior = min(true_pairs / (self.sizes[0] * self.sizes[1]), 0.5)
            self.model.iterations += 1

    def _none(self):
        """The chance that a found person has no report here: 1 − the share
        of found persons with a report (the prior times the reports)."""
        return 1 - min(0.95, self.model.prior * self.sizes[0])

    def _weight_sql(self):
        """A pair's match weight as SQL over a row of ``gammas``."""
        model = self.model
        terms = [_real(math.log(model.prior / (1 - model.prior)))]
        for c in self.config.COMPARISONS:
            whens = " ".join(
                f"WHEN {lv} THEN {_real(model.weight(c.name, lv))}"
                for lv in range(len(c.levels) + 1)
            )
            terms.append(f"(CASE g_{c.name} {whens} ELSE 0e0 END)")
            tf_levels = [len(c.levels) - i for i, lv in enumerate(c.levels) if lv.tf]
            if tf_levels:
                column = next(lv.tf for lv in c.levels if lv.tf)
                # Agreeing on a value as common as tf: u is tf (Splink's
                # adjustment), against the average chance of agreeing on any
                # value (the levels that share the adjusted column).
                level_u = sum(model.u[c.name][lv] for lv in tf_levels)
                adjust = f"ln({_real(level_u)} / tf_{column})"
                cap = _real(TF_CAP)
                terms.append(
                    f"(CASE WHEN g_{c.name} IN ({', '.join(map(str, tf_levels))}) "
                    f"THEN greatest(-{cap}, least({cap}, coalesce({adjust}, 0e0))) "
                    f"ELSE 0e0 END)"
                )
        return f"least(300e0, {' + '.join(terms)})"

    def _score(self):
        """What scores need beyond each pair's own weight: between files, the
        sum over each found person's candidates."""
        if not self.dedupe:
            self.engine.create(
                "totals",
                f"SELECT rr, sum(exp({self._weight_sql()})) AS total FROM gammas GROUP BY rr",
            )

    def _ranked_sql(self, threshold):
        """(lr, rr, levels…, score, rank) of the pairs scoring at least
        ``threshold``. A pair's score grows with its weight, so only pairs
        whose weight could reach the threshold are ranked: every pair ranked
        above one of them is among them too, and ranks stay exact."""
        gammas = ", ".join(f"g_{c.name}" for c in self.config.COMPARISONS)
        weighted = f"SELECT lr, rr, {gammas}, {self._weight_sql()} AS w FROM gammas"
        if self.dedupe:
            # Someone may be recorded three times: pairs are judged alone.
            score, partition, order, totals = "1e0 / (1e0 + exp(-w))", "lr", "rr", ""
            cutoff = math.log(threshold / (1 - threshold)) if 0 < threshold < 1 else None
        else:
            # A found person is one person: at most one missing record is
            # theirs. Her candidates share the chance that any is, so a
            # strong candidate alone scores higher and two alike share it.
            none = self._none()
            score, partition, order = f"exp(w) / (t.total + {_real(none)})", "rr", "lr"
            totals = "JOIN totals t USING (rr)"
            # score >= threshold needs exp(w) >= threshold * none at least.
            cutoff = math.log(threshold * none) if threshold > 0 else None
        kept = "" if cutoff is None else f" WHERE w >= {_real(cutoff)}"
        return (
            f"SELECT * FROM (SELECT lr, rr, {gammas}, {score} AS score, "
            f"row_number() OVER (PARTITION BY {partition} ORDER BY w DESC, {order}) AS rank "
            f"FROM ({weighted}) s {totals}{kept}) k WHERE score >= {_real(threshold)}"
        )

    # -- entry points ---------------------------------------------------------

    def _assumed(self):
        """For records too few to estimate from: m and u of the model Sangam
        ships (estimated by this engine on synthetic registers, see
        scripts/train-default-linkage-model), with a prior of one true pair
        per record of the larger side."""
        shipped = json.loads(DEFAULT_MODEL.read_text())
        self.model = Model(prior=min(0.5, 1 / max(self.sizes)), m=shipped["m"], u=shipped["u"])

    def run(self, left, right=None, model=None):
        """Link ``left`` (missing) to ``right`` (found), or dedupe ``left``.
        A given ``model`` (from an earlier run over whole registers) is used
        as it is: a few new records cannot estimate one."""
        self._load(left, right)
        self.say(f"records: {self.sizes[0]:,}" + ("" if right is None else f" × {self.sizes[1]:,}"))
        self._term_frequencies()
        self._block()
        self.say(f"candidate pairs: {self.pairs:,}")
        if model is not None:
            self.model = model
            self._score()
            return self
        if min(self.sizes) < EM_MIN_RECORDS:
            self._assumed()
            self._score()
            return self
        self._estimate()
        if not self.dedupe and self.pairs:
            self._refine()
        self.say(
            f"model estimated in {self.model.iterations} EM iterations; "
            f"prior probability of a true pair {self.model.prior:.2e}"
        )
        self._score()
        return self

    def results(self, threshold=0.0, explain=False, batch=100_000):
        """(left id, right id, score, rank[, levels]) above ``threshold``, in batches."""
        right = "l_in" if self.dedupe else "r_in"
        levels = "".join(f", k.g_{c.name}" for c in self.config.COMPARISONS) if explain else ""
        sql = (
            f"SELECT a.id, b.id, k.score, k.rank{levels} FROM ({self._ranked_sql(threshold)}) k "
            f"JOIN l_in a ON a.rid = k.lr JOIN {right} b ON b.rid = k.rr "
            "ORDER BY b.id, k.rank, a.id"
        )
        yield from self.engine.batches(sql, batch)
