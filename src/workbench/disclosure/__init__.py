"""Keeping small counts secret: CBS's rule, bounds of sums with secret cells, the differencing guard."""
