"""Generate the demonstration Veilig Thuis tables and budgets into data/ (seeded: reruns give identical files).

Usage: python scripts/generate_demo_data.py [--data-dir DIR]
"""

from __future__ import annotations

import argparse

from workbench.demo import regiovisie as demo_regiovisie
from workbench.demo.data import generate, write, write_texts
from workbench.io.inputs import read_inputs
from workbench.paths import data_dir


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default=None, help="data folder (default: the project's data/)")
    args = parser.parse_args()
    for path in write(generate(args.data_dir), args.data_dir):
        print(f"wrote {path}")
    # the example region input files take their baselines from the tables just written
    texts = demo_regiovisie.generate(read_inputs(data_dir(args.data_dir)))
    for path in write_texts(texts, args.data_dir):
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
