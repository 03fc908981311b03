"""The ``workbench`` command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from workbench.errors import BuildError, InputError, UnknownRegionError


def _add_data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", default=None, metavar="DIR", help="data folder (default: the project's data/)")


def cmd_regions(args: argparse.Namespace) -> int:
    """Print one line per region: code, name, number of gemeenten, population (tab-separated)."""
    from workbench.io.kwb import read_kwb
    from workbench.io.reference import read_composition, regions_summary

    summary = regions_summary(read_composition(args.data_dir), read_kwb(args.data_dir))
    for row in summary.itertuples(index=False):
        print(f"{row.code}\t{row.naam}\t{row.gemeenten}\t{row.inwoners}")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    """Validate every input; exit 1 when anything fails."""
    from workbench.checks.suites import summary, validate_all
    from workbench.io.reference import read_composition
    from workbench.io.regiovisie import problems_by_region

    results = validate_all(args.data_dir)
    print(summary(results))
    failed = [r for r in results if not r.ok]
    print(f"\n{len(results) - len(failed)} of {len(results)} datasets valid.")
    try:
        composition = read_composition(args.data_dir)
    except InputError:  # already listed among the problems above
        print("Region input files not checked: the region composition cannot be read (see above).")
        return 1
    regions = problems_by_region(composition, args.data_dir)
    for problems in regions.values():
        print("\n".join(f"- {p}" for p in problems))
    total = composition["centrumgemeente_code"].nunique()
    print(f"{total - len(regions)} of {total} region input files valid (or not yet made).")
    return 1 if failed or regions else 0


def cmd_init_region(args: argparse.Namespace) -> int:
    """Write the commented region input template for a region."""
    from workbench.io.inputs import resolve_region
    from workbench.io.reference import read_composition
    from workbench.io.regiovisie import write_template

    composition = read_composition(args.data_dir)
    code = resolve_region(args.region, composition)
    members = composition[composition["centrumgemeente_code"] == code]
    try:
        path = write_template(
            code,
            members["centrumgemeente_naam"].iloc[0],
            dict(zip(members["gemeentecode"], members["gemeentenaam"], strict=True)),
            args.data_dir,
            args.force,
        )
    except FileExistsError as exc:
        print(f"workbench: {exc}", file=sys.stderr)
        return 1
    print(path)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """Build one region's regio-analyse."""
    from workbench.build.report import build_report

    try:
        built = build_report(args.region, args.data_dir, args.out, args.periode)
    except BuildError as exc:
        print(f"workbench: report not built: {exc}", file=sys.stderr)
        return 1
    print(built.html)
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    """Build many regions (all 35 and the index when none are named); exit 1 when any failed."""
    from workbench.build.batch import run_batch

    try:
        result = run_batch(args.regions, args.jobs, args.force, args.data_dir, args.out, args.periode, args.timeout)
    except BuildError as exc:
        print(f"workbench: {exc}", file=sys.stderr)
        return 2
    print()
    print(result.summary())
    return 1 if result.failures else 0


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="workbench",
        description="Regio-analyses huiselijk geweld en kindermishandeling for the 35 centrumgemeente regions.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    regions = sub.add_parser("regions", help="list the 35 regions: code, name, gemeenten, population")
    _add_data_dir(regions)
    regions.set_defaults(func=cmd_regions)
    validate = sub.add_parser("validate", help="validate every input file with the expectation suites")
    _add_data_dir(validate)
    validate.set_defaults(func=cmd_validate)
    report = sub.add_parser("report", help="build one region's HTML regio-analyse")
    report.add_argument("region", help="centrumgemeente code (GM0344) or name (utrecht)")
    _add_data_dir(report)
    report.add_argument("--out", default=None, metavar="DIR", help="reports folder (default: the project's reports/)")
    report.add_argument("--periode", type=int, default=2024, help="reporting year (default: 2024)")
    report.set_defaults(func=cmd_report)
    run = sub.add_parser("run", help="build many regions in parallel (all 35 and the national index by default)")
    run.add_argument("regions", nargs="*", metavar="REGION", help="centrumgemeente codes or names (default: all)")
    run.add_argument("--jobs", type=int, default=None, help="regions built at the same time (default: cores)")
    run.add_argument("--force", action="store_true", help="rebuild even what has not changed")
    _add_data_dir(run)
    run.add_argument("--out", default=None, metavar="DIR", help="reports folder (default: the project's reports/)")
    run.add_argument("--periode", type=int, default=2024, help="reporting year (default: 2024)")
    run.add_argument("--timeout", type=int, default=120, help="seconds a cell may run (default: 120)")
    run.set_defaults(func=cmd_run)
    init = sub.add_parser("init-region", help="write the commented regiovisie input template for a region")
    init.add_argument("region", help="centrumgemeente code (GM0344) or name (utrecht)")
    _add_data_dir(init)
    init.add_argument("--force", action="store_true", help="overwrite an existing file")
    init.set_defaults(func=cmd_init_region)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; bad input or an unknown region ends with a one-line message and exit code 2."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except InputError as exc:
        print(f"workbench: {exc.describe()}", file=sys.stderr)
        return 2
    except UnknownRegionError as exc:
        print(f"workbench: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into e.g. head
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
