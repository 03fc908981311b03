"""How the centrumregio relates to the region's other regions: which gemeenten they share and which not.

The Veilig Thuis regions come from the shipped composition (every gemeente's VT-region); the other regions
(jeugdregio, Wmo-regio, arbeidsmarktregio, veiligheidsregio, politie-eenheid) from the region's input file.
"""

from __future__ import annotations

import pandas as pd

COLUMNS = ["soort", "naam", "gedeeld", "alleen in de centrumregio", "buiten de centrumregio", "bron"]
FROM_DATA, FROM_INPUT = "gegevens (regio-indeling)", "invoer van de regio"


def _names(codes: list[str], names: dict[str, str]) -> list[str]:
    return [names.get(c, c) for c in codes]


def vt_regions(composition: pd.DataFrame, members: dict[str, str]) -> pd.DataFrame:
    """Every VT-region the region's gemeenten lie in, with the gemeenten shared and those not shared.

    Parameters
    ----------
    composition
        Every gemeente with ``gemeentecode``, ``gemeentenaam``, ``centrumgemeente_naam``, ``vt_code``, ``vt_naam``.
    members
        The region's gemeenten: code → name.

    Returns
    -------
    pandas.DataFrame
        :data:`COLUMNS`; the gemeenten as lists of names (outside ones with their centrumregio).
    """
    own = composition[composition["gemeentecode"].isin(list(members))]
    rows = []
    for vt_code, vt in own.groupby("vt_code", sort=True):
        region = composition[composition["vt_code"] == vt_code]
        outside = region[~region["gemeentecode"].isin(list(members))].sort_values("gemeentenaam")
        rows.append(
            {
                "soort": "Veilig Thuis-regio",
                "naam": str(vt["vt_naam"].iloc[0]),
                "gedeeld": sorted(_names(vt["gemeentecode"].tolist(), members)),
                "alleen in de centrumregio": sorted(
                    _names([c for c in members if c not in set(region["gemeentecode"])], members)
                ),
                "buiten de centrumregio": [
                    f"{n} (regio {r})"
                    for n, r in zip(outside["gemeentenaam"], outside["centrumgemeente_naam"], strict=True)
                ],
                "bron": FROM_DATA,
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)


def declared_regions(items: list[dict], members: dict[str, str], labels: dict[str, str]) -> pd.DataFrame:
    """The regions the input file declares, in the same form as :func:`vt_regions`.

    ``items`` have ``soort``, ``naam``, ``gemeenten`` (codes or ``alle``) and optionally ``buiten_de_regio``
    (names); ``labels`` name each ``soort``.
    """
    rows = []
    for item in items:
        codes = item["gemeenten"] if isinstance(item["gemeenten"], list) else [item["gemeenten"]]
        inside = list(members) if "alle" in codes else [c for c in members if c in codes]
        rows.append(
            {
                "soort": labels[item["soort"]],
                "naam": item["naam"],
                "gedeeld": sorted(_names(inside, members)),
                "alleen in de centrumregio": sorted(_names([c for c in members if c not in inside], members)),
                "buiten de centrumregio": list(item.get("buiten_de_regio") or []),
                "bron": FROM_INPUT,
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)
