"""The report's charts: each function returns a :class:`Chart` (the figure, its alt text and its figures).

The figures a chart draws are shown under it and can be downloaded.
The charts draw only the data they are given (a section's frames); see :mod:`workbench.report.charts.base` for
what they share.
"""

from workbench.report.charts.bars import age_structure, bars, ranges_against_counts, stacked_columns, stacked_shares
from workbench.report.charts.base import PALETTE, Chart, mark_demonstration
from workbench.report.charts.lines import forecast, indicator, trend
from workbench.report.charts.maps import region_map
from workbench.report.charts.planning import timeline
from workbench.report.charts.plot import DEMO_COLOUR
from workbench.report.charts.rates import funnel, rates_with_intervals

__all__ = [
    "DEMO_COLOUR",
    "PALETTE",
    "Chart",
    "age_structure",
    "bars",
    "forecast",
    "funnel",
    "indicator",
    "mark_demonstration",
    "ranges_against_counts",
    "rates_with_intervals",
    "region_map",
    "stacked_columns",
    "stacked_shares",
    "timeline",
    "trend",
]
