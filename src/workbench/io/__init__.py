"""Reading the inputs: CSV as people have it, CBS tables, boundaries, budgets, the region's own files."""
