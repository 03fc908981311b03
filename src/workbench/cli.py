"""The ``workbench`` command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from workbench.contracts import BUILT
from workbench.errors import (
    BatchInterruptedError,
    BuildError,
    InputError,
    UnknownRegionError,
    UserInputError,
    machinery_failure,
)

FIRST_REPORTING_YEAR = 2020
"""The first reporting year: the population and composition the workbench carries forward are of 2020."""
KEPT_REPORT = "Het vorige rapport (als dat er was) staat ongewijzigd op zijn plaats."


def _add_data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        default=None,
        metavar="DIR",
        help="datamap (standaard: data/ van dit project; een relatief pad vanaf de map waarin u werkt)",
    )


def _year(args: argparse.Namespace, name: str = "periode") -> int:
    """The year asked for, or the latest year of the Veilig Thuis data."""
    from workbench.io.gemeenten import latest_year

    given = getattr(args, name)
    latest = latest_year(args.data_dir)
    if given is None:
        return latest
    first = FIRST_REPORTING_YEAR
    if not first <= given <= latest:
        raise UserInputError(
            f"er zijn geen Veilig Thuis-cijfers voor {given}: kies een jaar van {first} tot en met {latest} "
            f"(--{name} {latest} is het laatste jaar met cijfers)"
        )
    return given


def _add_periode(parser: argparse.ArgumentParser, what: str = "verslagjaar") -> None:
    parser.add_argument(
        "--periode", type=int, default=None, help=f"{what} (standaard: het laatste jaar van de Veilig Thuis-cijfers)"
    )


def cmd_regions(args: argparse.Namespace) -> int:
    """Print one line per region: code, name, number of gemeenten, population (tab-separated)."""
    from workbench.io.gemeenten import read_indeling
    from workbench.io.kwb import read_kwb
    from workbench.io.reference import read_composition, regions_summary
    from workbench.paths import data_dir
    from workbench.stats import year_view

    root = data_dir(args.data_dir)
    year = _year(args, "jaar")
    kwb = read_kwb(root)
    indeling, blocks = read_indeling(root, kwb)
    summary = regions_summary(
        year_view.composition_in_year(read_composition(root), blocks, indeling, year),
        year_view.kwb_in_year(kwb, blocks, indeling, year),
    )
    for row in summary.itertuples(index=False):
        print(f"{row.code}\t{row.naam}\t{row.gemeenten}\t{row.inwoners}")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    """Validate every input; exit 1 when anything fails."""
    from workbench.checks.suites import summary, validate_all
    from workbench.checks.summary import suite_cache
    from workbench.io.gemeenten import regions_in
    from workbench.io.regiovisie import problems_by_region
    from workbench.paths import build_dir

    if args.periode is not None:
        _year(args)  # a year without data is answered before the long validation, not after
    results = validate_all(args.data_dir, cache=suite_cache(build_dir()))
    print(summary(results))
    failed = [r for r in results if not r.ok]
    print(f"\n{len(results) - len(failed)} van de {len(results)} bestanden in orde.")
    try:
        composition = regions_in(args.data_dir, _year(args)).composition
    except InputError:  # already listed among the problems above
        print(
            "De invoerbestanden van de regio's zijn niet gecontroleerd: de regio-indeling is niet te lezen (zie boven)."
        )
        return 1
    regions = problems_by_region(composition, args.data_dir)
    for problems in regions.values():
        print("\n".join(f"- {p}" for p in problems))
    total = composition["centrumgemeente_code"].nunique()
    print(f"{total - len(regions)} van de {total} invoerbestanden van regio's in orde (of nog niet gemaakt).")
    return 1 if failed or regions else 0


def cmd_init_region(args: argparse.Namespace) -> int:
    """Write the commented region input template for a region."""
    from workbench.io.gemeenten import regions_in
    from workbench.io.inputs import resolve_region
    from workbench.io.regiovisie import write_template

    regions = regions_in(args.data_dir, _year(args))
    code = resolve_region(args.region, regions.composition)
    members = regions.members(code)
    try:
        path = write_template(
            code,
            members["centrumgemeente_naam"].iloc[0],
            dict(zip(members["gemeentecode"], members["gemeentenaam"], strict=True)),
            args.data_dir,
            args.force,
        )
    except FileExistsError as exc:
        _say_error(f"{exc}")
        return 1
    print(path)
    return 0


def cmd_init_registrations(args: argparse.Namespace) -> int:
    """Write the templates for a region's own Veilig Thuis registrations (one per table)."""
    from workbench.io.gemeenten import regions_in
    from workbench.io.inputs import resolve_region
    from workbench.io.own_registrations import write_template
    from workbench.io.statline import VT_AARD, VT_MELDER
    from workbench.paths import data_dir

    year = _year(args)
    regions = regions_in(args.data_dir, year)
    code = resolve_region(args.region, regions.composition)
    members = regions.members(code)
    gemeenten = dict(zip(members["gemeentecode"], members["gemeentenaam"], strict=True))
    for spec in (VT_AARD, VT_MELDER):
        print(write_template(code, gemeenten, year, spec, data_dir(args.data_dir)))
    return 0


def _say_error(text: str) -> None:
    """An error for the user, on standard error, each line prefixed by the command's name."""
    for line in text.splitlines():
        print(f"workbench: {line}", file=sys.stderr)


def build_folder_line() -> str:
    """How large the private build folder is, and that its caches are pruned."""
    from workbench.files import folder_size
    from workbench.paths import build_dir

    size = f"{folder_size(build_dir()) / 1e6:.1f}".replace(".", ",")
    kept = "van de controles en de ingelezen invoer blijven alleen de laatste bewaard"
    return f"bouwmap {build_dir()}: {size} MB ({kept})"


def cmd_report(args: argparse.Namespace) -> int:
    """Build one region's regio-analyse."""
    from workbench.build.report import build_report

    try:
        periode = None if args.periode is None else _year(args)
        built = build_report(args.region, args.data_dir, args.out, periode)
    except BuildError as exc:
        _say_error(f"rapport niet gebouwd: {exc}\n{KEPT_REPORT}")
        return 1
    print(built.html)
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    """Build many regions (all 35 and the index when none are named); exit 1 when any failed, 130 on Ctrl-C.

    Standard output gets a status line per region and the counts; the problems go to standard error.
    """
    from workbench.build.batch import run_batch

    try:
        periode = None if args.periode is None else _year(args)
        result = run_batch(
            args.regions,
            args.jobs,
            args.force,
            args.data_dir,
            args.out,
            periode,
            args.timeout,
            local=not args.zonder_gemeenten,
        )
    except BatchInterruptedError as stop:
        done = stop.result
        built = sum(o.status == BUILT for o in done.regions)
        _say_error(
            f"afgebroken (Ctrl-C): {built} regio's gebouwd voor het afbreken; wat nog niet klaar was, is niet "
            f"gepubliceerd. {KEPT_REPORT}"
        )
        return 130
    except BuildError as exc:
        _say_error(str(exc))
        return 2
    print()
    print(result.counts())
    print(build_folder_line())
    if result.failures:
        _say_error(result.failure_report())
    return 1 if result.failures else 0


def cmd_fetch(args: argparse.Namespace) -> int:
    """Fetch CBS's Veilig Thuis tables into the data folder (see :mod:`workbench.fetch`)."""
    from workbench.fetch.http import FetchError
    from workbench.fetch.tables import fetch_tables

    try:
        fetch_tables(args.tabellen, args.vanaf, args.data_dir, args.bron, args.api, args.opnieuw)
    except FetchError as exc:
        print(f"workbench: ophalen mislukt: {exc}. De bestanden die er al waren, zijn ongewijzigd.", file=sys.stderr)
        return 1
    return 0


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="workbench",
        description="Regio-analyses huiselijk geweld en kindermishandeling voor de 35 regio's van de centrumgemeenten.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    regions = sub.add_parser("regions", help="toon de 35 regio's: code, naam, aantal gemeenten, inwoners")
    _add_data_dir(regions)
    regions.add_argument(
        "--jaar",
        type=int,
        default=None,
        help="de gemeenten van dit jaar (standaard: het laatste jaar van de Veilig Thuis-cijfers)",
    )
    regions.set_defaults(func=cmd_regions)
    validate = sub.add_parser("validate", help="controleer elk invoerbestand met de regels in expectations/")
    _add_data_dir(validate)
    _add_periode(validate, "verslagjaar waarvan de invoerbestanden de gemeenten noemen")
    validate.set_defaults(func=cmd_validate)
    report = sub.add_parser("report", help="bouw de regio-analyse (HTML) van één regio")
    report.add_argument("region", help="code (GM0344) of naam (utrecht) van de centrumgemeente")
    _add_data_dir(report)
    report.add_argument(
        "--out", default=None, metavar="DIR", help="map voor de rapporten (standaard: reports/ van dit project)"
    )
    _add_periode(report)
    report.set_defaults(func=cmd_report)
    run = sub.add_parser("run", help="bouw meer regio's tegelijk (standaard alle 35 en het landelijk overzicht)")
    run.add_argument(
        "regions", nargs="*", metavar="REGION", help="codes of namen van centrumgemeenten (standaard: alle)"
    )
    run.add_argument("--jobs", type=int, default=None, help="regio's tegelijk (standaard: het aantal kernen)")
    run.add_argument("--force", action="store_true", help="bouw ook wat niet veranderd is")
    _add_data_dir(run)
    run.add_argument(
        "--out", default=None, metavar="DIR", help="map voor de rapporten (standaard: reports/ van dit project)"
    )
    _add_periode(run)
    run.add_argument("--timeout", type=int, default=120, help="seconden dat een cel mag lopen (standaard 120)")
    run.add_argument(
        "--zonder-gemeenten",
        action="store_true",
        help="bouw alleen de regio-analyses, niet de lokale analyse van elke gemeente (sneller)",
    )
    run.set_defaults(func=cmd_run)
    registrations = sub.add_parser(
        "init-registraties", help="schrijf sjablonen voor de eigen Veilig Thuis-registraties van een regio"
    )
    registrations.add_argument("region", help="code (GM0344) of naam (utrecht) van de centrumgemeente")
    _add_data_dir(registrations)
    _add_periode(registrations, "het jaar waarvan de halfjaren in het sjabloon staan")
    registrations.set_defaults(func=cmd_init_registrations)
    from workbench.fetch.choices import API_NAMES, DEFAULT_API, FROM_YEAR, TABLES

    fetch = sub.add_parser("fetch", help="haal de Veilig Thuis-tabellen op bij CBS (open data) naar de datamap")
    fetch.add_argument("--tabellen", nargs="+", default=list(TABLES), metavar="ID", help="CBS-tabellen")
    fetch.add_argument("--vanaf", type=int, default=FROM_YEAR, help=f"eerste jaar (standaard {FROM_YEAR})")
    _add_data_dir(fetch)
    fetch.add_argument("--bron", default=None, metavar="URL", help="andere basis-URL (een spiegel of testserver)")
    fetch.add_argument(
        "--api",
        choices=sorted(API_NAMES),
        default=DEFAULT_API,
        help=f"CBS-API (standaard {DEFAULT_API}, door CBS aanbevolen)",
    )
    fetch.add_argument("--opnieuw", action="store_true", help="ook tabellen ophalen die al actueel zijn")
    fetch.set_defaults(func=cmd_fetch)
    init = sub.add_parser(
        "init-region", help="schrijf het invoersjabloon (met uitleg) voor de regiovisie van een regio"
    )
    init.add_argument("region", help="code (GM0344) of naam (utrecht) van de centrumgemeente")
    _add_data_dir(init)
    init.add_argument("--force", action="store_true", help="overschrijf een bestaand bestand")
    _add_periode(init, "verslagjaar waarvan het sjabloon de gemeenten noemt")
    init.set_defaults(func=cmd_init_region)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line.

    A data file that cannot be used ends with its located problems and exit code 1, an unknown region or a year
    without data with a one-line answer and exit code 2, Ctrl-C with 130; never with a traceback.
    """
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except InputError as exc:  # a data file that cannot be used: the same exit code as a failed validation
        _say_error(exc.describe())
        return 1
    except (UnknownRegionError, UserInputError) as exc:
        _say_error(str(exc))
        return 2
    except BrokenPipeError:  # output piped into e.g. head
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        _say_error(f"afgebroken (Ctrl-C). {KEPT_REPORT}")
        return 130
    except OSError as exc:  # a folder that cannot be written (read-only, full, not a folder)
        _say_error(f"{machinery_failure(exc)}. Kies een andere map (--out) of maak ruimte vrij. {KEPT_REPORT}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
