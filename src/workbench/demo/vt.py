"""Demonstration Veilig Thuis data in the shape of CBS tables 84851NED, 84849NED, 84852NED and 84854NED.

See data/README.md.

The figures are invented, by a seeded random process, so that
- the national totals equal the published ones in ``reference/veilig_thuis_landelijk.csv`` (after CBS's
  rounding, including a year total that is rounded on its own);
- the national 2023 split by melder equals the published one in ``reference/veilig_thuis_verdelingen.csv``,
  and the split by aard van het geweld follows its published shares;
- gemeenten vary plausibly: by population, age structure, urbanity, bijstand and a registration effect per
  Veilig Thuis-region and per gemeente.
Counts are generated per block (a gemeente of 2020, or a village of a gemeente split since) and half-year,
then moved into the gemeenten of each period's year
(as CBS publishes them: Eemsdelta from 2021, Land van Cuijk from 2022, ...); VT-regions, Nederland, parents and
years are sums of those, and every published cell is then rounded on its own by :mod:`workbench.disclosure.rule`.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from workbench.disclosure.rule import round_count
from workbench.io.statline import NATIONAL_REGION, VT_AARD, VT_BEOORDELING, TableSpec
from workbench.stats.indeling import Indeling

YEARS = range(2019, 2025)
HALVES = [f"{y}HJ0{h}" for y in YEARS for h in (1, 2)]
PROVISIONAL_YEARS = {2023, 2024}
MEASURES = ("gestarte_adviezen", "ontvangen_meldingen")

AARD_SHARES = {
    "ontvangen_meldingen": {"AG01": 0.50, "AG02": 0.38, "AG03": 0.02, "AG04": 0.04, "AG05": 0.06},
    "gestarte_adviezen": {"AG01": 0.52, "AG02": 0.20, "AG03": 0.04, "AG04": 0.06, "AG05": 0.18},
}
"""Meldingen: CBS 2024 as quoted (about 50 / 38 / 2 percent); adviezen: Drenthe 2023 (CBS 84851NED)."""

VERVOLG_SHARES_INVENTED = {
    "afgesloten_meldingen": {"VV11": 0.30, "VV12": 0.14, "VV20": 0.21, "VV30": 0.35},
}
"""What follows a melding (84854NED's leaves): **invented proportions**. No published national or regional split
of what follows a melding was found; the data register and every report on these figures say so."""

MELDER_PUBLISHED = {
    "T001": "Totaal",
    "M100": "Beroepsmatig totaal",
    "M200": "Niet beroepsmatig totaal",
    "M110": "Justitie en veiligheid",
    "M120": "Onderwijs",
    "M130": "Gezondheidszorg",
    "M140": "Jeugdzorg",
    "M150": "Kinderopvang",
}
URBANITY_FACTOR = {1: 1.25, 2: 1.10, 3: 1.0, 4: 0.92, 5: 0.85}


def national_half_year_totals(landelijk: pd.DataFrame, measure: str) -> dict[str, int]:
    """Return unrounded national totals per half-year that round to every published figure.

    Parameters
    ----------
    landelijk
        ``reference/veilig_thuis_landelijk.csv`` as strings (``cbs_periodecode`` and the measure columns).
    measure
        ``ontvangen_meldingen`` or ``gestarte_adviezen``.

    Returns
    -------
    dict
        Half-year code -> whole number, for 2019HJ01 … 2024HJ02.
    """
    published = {r.cbs_periodecode: int(r[measure]) for _, r in landelijk.iterrows() if str(r[measure]).strip()}
    halves: dict[str, float] = {k: v for k, v in published.items() if "HJ" in k}
    for code, total in published.items():
        year = code[:4]
        if code.endswith("JJ00") and f"{year}HJ01" not in halves and f"{year}HJ02" not in halves:
            halves[f"{year}HJ01"] = total // 2
            halves[f"{year}HJ02"] = total - total // 2
    index = sorted(set(halves) | set(HALVES))
    known = pd.Series({k: halves.get(k, np.nan) for k in index}, dtype="float64")
    filled = known.interpolate(limit_direction="both").round().astype("int64")
    result = {h: int(filled[h]) for h in HALVES}
    for code, total in published.items():
        if code.endswith("JJ00") and f"{code[:4]}HJ01" in published and f"{code[:4]}HJ02" in published:
            _fit_year_to_halves(result, code[:4], total)
    return result


def _fit_year_to_halves(result: dict[str, int], year: str, year_total: int) -> None:
    """Nudge two published halves (by at most 2) so that their sum rounds to a year total rounded on its own."""
    h1, h2 = result[f"{year}HJ01"], result[f"{year}HJ02"]
    for d1 in (0, -1, 1, -2, 2):
        for d2 in (0, -1, 1, -2, 2):
            if (
                round_count(h1 + d1) == h1
                and round_count(h2 + d2) == h2
                and round_count(h1 + h2 + d1 + d2) == year_total
            ):
                result[f"{year}HJ01"], result[f"{year}HJ02"] = h1 + d1, h2 + d2
                return
    raise ValueError(f"no unrounded halves for {year} round to both the halves and the year total {year_total}")


def gemeente_weights(gemeenten: pd.DataFrame, composition: pd.DataFrame, rng: np.random.Generator) -> pd.Series:
    """Return each gemeente's expected share of all Veilig Thuis contacts (sums to 1)."""
    g = gemeenten.set_index("code")
    vt = composition.set_index("gemeentecode")["vt_code"].reindex(g.index)
    vt_codes = sorted(vt.unique())
    vt_effect = pd.Series(rng.lognormal(0.0, 0.15, len(vt_codes)), index=vt_codes)
    own_effect = pd.Series(rng.lognormal(0.0, 0.20, len(g)), index=g.index)
    bijstand_rate = (g["bijstand"].astype("float64") / g["inwoners"].astype("float64")).clip(lower=1e-4)
    risk = (bijstand_rate / bijstand_rate.median()) ** 0.4
    urban = g["stedelijkheid"].astype("int64").map(URBANITY_FACTOR)
    weight = g["inwoners"].astype("float64") * urban * risk * own_effect * vt.map(vt_effect)
    return weight / weight.sum()


def _category_probabilities(
    gemeenten: pd.DataFrame, spec: TableSpec, national_shares: dict[str, float], rng: np.random.Generator
) -> np.ndarray:
    """Return per gemeente the chance that a contact falls in each leaf category.

    The national share, adjusted for the gemeente's share of children (kindermishandeling) and of 65-plussers
    (ouderenmishandeling), with Dirichlet noise.
    """
    g = gemeenten.set_index("code")
    leaves = spec.leaves()
    base = np.array([national_shares[c] for c in leaves], dtype="float64")
    probs = np.tile(base, (len(g), 1))
    if spec is VT_AARD:
        pop = g["inwoners"].astype("float64")
        child = (g["leeftijd_0_14"].astype("float64") / pop).to_numpy()
        old = (g["leeftijd_65_plus"].astype("float64") / pop).to_numpy()
        probs[:, leaves.index("AG01")] *= child / np.median(child)
        probs[:, leaves.index("AG03")] *= old / np.median(old)
    probs = np.vstack([rng.dirichlet(row / row.sum() * 300.0) for row in probs])
    return probs


def _impose_column_totals(matrix: np.ndarray, targets: np.ndarray, rng: np.random.Generator) -> None:
    """Move units between categories within gemeenten until the column sums equal ``targets`` (same total)."""
    diff = targets - matrix.sum(axis=0)
    while (diff != 0).any():
        give = int(np.argmin(diff))
        take = int(np.argmax(diff))
        k = int(min(-diff[give], diff[take]))
        moved = rng.multivariate_hypergeometric(matrix[:, give], k)
        matrix[:, give] -= moved
        matrix[:, take] += moved
        diff = targets - matrix.sum(axis=0)


def melder_targets_2023(verdelingen: pd.DataFrame, measure: str) -> dict[str, int]:
    """Return the published national 2023 melder split as leaf categories of :data:`VT_MELDER`."""
    rows = verdelingen[
        (verdelingen["periode"] == "2023")
        & (verdelingen["regio"] == "Nederland")
        & (verdelingen["kenmerk"] == "melder")
    ]
    by_label = {r.categorie: int(r[measure]) for _, r in rows.iterrows()}
    pub = {code: by_label[label] for code, label in MELDER_PUBLISHED.items()}
    known_beroeps = sum(pub[c] for c in ("M110", "M120", "M130", "M140", "M150"))
    return {
        "M110": pub["M110"],
        "M120": pub["M120"],
        "M130": pub["M130"],
        "M140": pub["M140"],
        "M150": pub["M150"],
        "M190": pub["M100"] - known_beroeps,
        "M200": pub["M200"],
        "M900": pub["T001"] - pub["M100"] - pub["M200"],
    }


def beoordeling_shares(verdelingen: pd.DataFrame) -> dict[str, dict[str, float]]:
    """The split of meldingen by safety assessment as shares of :data:`VT_BEOORDELING`'s leaf categories.

    The only published split found is one province's (Gelderland 2023, CBS 84852NED, in
    ``reference/veilig_thuis_verdelingen.csv``); every gemeente varies around it.
    """
    rows = verdelingen[verdelingen["kenmerk"] == "veiligheidsbeoordeling"]
    by_label = {r.categorie: int(r.ontvangen_meldingen) for r in rows.itertuples()}
    leaves = {c.code: by_label[c.label] for c in VT_BEOORDELING.categories if c.parent is not None}
    total = sum(leaves.values())
    return {"ontvangen_meldingen": {code: n / total for code, n in leaves.items()}}


def vervolg_totals(totals: dict[str, dict[str, np.ndarray]]) -> dict[str, dict[str, np.ndarray]]:
    """The meldingen closed per gemeente and half-year: in the demonstration, as many as were received."""
    return {"afgesloten_meldingen": totals["ontvangen_meldingen"]}


def melder_shares(targets: dict[str, int]) -> dict[str, float]:
    """Turn leaf counts into shares."""
    total = sum(targets.values())
    return {k: v / total for k, v in targets.items()}


def _split_year(year_targets: dict[str, int], first_half_total: int) -> dict[str, int]:
    """Split leaf year targets into first-half targets summing to ``first_half_total`` (largest remainder)."""
    year_total = sum(year_targets.values())
    exact = {k: v * first_half_total / year_total for k, v in year_targets.items()}
    out = {k: int(np.floor(v)) for k, v in exact.items()}
    for k in sorted(exact, key=lambda k: (out[k] - exact[k], k))[: first_half_total - sum(out.values())]:
        out[k] += 1
    return out


def leaf_counts(
    spec: TableSpec,
    gemeenten: pd.DataFrame,
    totals: dict[str, dict[str, np.ndarray]],
    national_shares: dict[str, dict[str, float]],
    year_targets: dict[str, dict[str, int]],
    rng: np.random.Generator,
) -> pd.DataFrame:
    """Split each gemeente's total per half-year over the table's leaf categories.

    Returns
    -------
    pandas.DataFrame
        ``regio_code, periode, categorie_code, maat, n`` for gemeenten and leaf categories only.
    """
    leaves = spec.leaves()
    codes = gemeenten["code"].to_numpy()
    frames = []
    for measure in spec.topics.values():
        probs = _category_probabilities(gemeenten, spec, national_shares[measure], rng)
        for half in HALVES:
            row_totals = totals[measure][half]
            matrix = np.vstack([rng.multinomial(n, p) for n, p in zip(row_totals, probs, strict=True)])
            year = half[:4]
            if measure in year_targets and year in year_targets[measure]:
                first = int(totals[measure][f"{year}HJ01"].sum())
                target = _split_year(year_targets[measure][year], first)
                if half.endswith("HJ02"):
                    target = {k: year_targets[measure][year][k] - target[k] for k in target}
                _impose_column_totals(matrix, np.array([target[c] for c in leaves]), rng)
            frames.append(
                pd.DataFrame(
                    {
                        "regio_code": np.repeat(codes, len(leaves)),
                        "periode": half,
                        "categorie_code": np.tile(leaves, len(codes)),
                        "maat": measure,
                        "n": matrix.reshape(-1),
                    }
                )
            )
    return pd.concat(frames, ignore_index=True)


def in_own_indeling(leaves: pd.DataFrame, indeling: Indeling) -> pd.DataFrame:
    """Move block × half-year leaf counts into the gemeenten of each period's own year, as CBS publishes them.

    The counts are drawn per block (a gemeente of 2020, or a village of a gemeente split since), so every
    gemeente of every year is a sum of blocks: Eemsdelta from 2021, Boxtel with Esch from 2021, and so on.
    """
    frames = []
    for year, rows in leaves.groupby(leaves["periode"].str[:4].astype(int), sort=True):
        gemeente_of = indeling.lineage(year).set_index("blok")["gemeentecode"]
        frames.append(rows.assign(regio_code=rows["regio_code"].map(gemeente_of)))
    moved = pd.concat(frames, ignore_index=True)
    return moved.groupby(["regio_code", "periode", "categorie_code", "maat"], as_index=False)["n"].sum()


def aggregate(leaves: pd.DataFrame, spec: TableSpec, vt_of: Callable[[int], pd.Series]) -> pd.DataFrame:
    """Add parent categories, whole years, VT-regions and Nederland to gemeente × half-year leaf counts.

    ``vt_of(year)`` gives the VT-region of each gemeente of ``year`` (the leaves are in each year's gemeenten).
    """
    frames = [leaves]
    parents = spec.parents
    level = leaves
    while True:
        up = level[level["categorie_code"].isin(parents)].assign(
            categorie_code=lambda d: d["categorie_code"].map(parents)
        )
        if up.empty:
            break
        up = up.groupby(["regio_code", "periode", "categorie_code", "maat"], as_index=False)["n"].sum()
        frames.append(up)
        level = up
    cells = pd.concat(frames, ignore_index=True)
    cells = cells.groupby(["regio_code", "periode", "categorie_code", "maat"], as_index=False)["n"].sum()
    year = cells["periode"].str[:4].astype(int)
    vt = pd.concat([cells.loc[year == y, "regio_code"].map(vt_of(int(y))) for y in sorted(year.unique())])
    regional = [cells, cells.assign(regio_code=vt.reindex(cells.index)), cells.assign(regio_code=NATIONAL_REGION)]
    cells = (
        pd.concat(regional, ignore_index=True)
        .groupby(["regio_code", "periode", "categorie_code", "maat"], as_index=False)["n"]
        .sum()
    )
    years = (
        cells.assign(periode=cells["periode"].str[:4] + "JJ00")
        .groupby(["regio_code", "periode", "categorie_code", "maat"], as_index=False)["n"]
        .sum()
    )
    return pd.concat([cells, years], ignore_index=True)


def gemeente_totals(
    weights: pd.Series, national: dict[str, dict[str, int]], rng: np.random.Generator
) -> dict[str, dict[str, np.ndarray]]:
    """Draw each gemeente's total per measure and half-year: a multinomial split of the national total."""
    out: dict[str, dict[str, np.ndarray]] = {}
    common = rng.lognormal(0.0, 0.04, (len(HALVES), len(weights)))
    for measure in MEASURES:
        out[measure] = {}
        for i, half in enumerate(HALVES):
            p = weights.to_numpy() * common[i] * rng.lognormal(0.0, 0.03, len(weights))
            out[measure][half] = rng.multinomial(national[measure][half], p / p.sum())
    return out


def to_statline_frame(cells: pd.DataFrame, spec: TableSpec) -> pd.DataFrame:
    """Round every cell on its own and lay the table out as CBS's CSV download (strings, ``.`` for secret)."""
    wide = cells.pivot_table(
        index=["regio_code", "periode", "categorie_code"], columns="maat", values="n", aggfunc="sum"
    ).reset_index()
    order = {c.code: i for i, c in enumerate(spec.categories)}
    wide["_kind"] = wide["regio_code"].str[:2].map({"NL": 0, "VT": 1, "GM": 2})
    wide["_cat"] = wide["categorie_code"].map(order)
    wide = wide.sort_values(["_kind", "regio_code", "periode", "_cat"], ignore_index=True)
    provisional = wide["periode"].str[:4].astype(int).isin(PROVISIONAL_YEARS)
    topic_of = {measure: topic for topic, measure in spec.topics.items()}
    out = pd.DataFrame(
        {
            "ID": range(len(wide)),
            "RegioS": wide["regio_code"].str.ljust(10),
            "Perioden": wide["periode"] + np.where(provisional, "*", ""),
            spec.dimension: wide["categorie_code"],
        }
    )
    for measure in spec.topics.values():
        out[topic_of[measure]] = ["." if (r := round_count(int(n))) is None else str(r) for n in wide[measure]]
    return out
