"""Computing the figures: rates, estimates, peers, the region composition, budgets, indicators."""
