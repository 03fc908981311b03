"""The sections of a lokale analyse: one gemeente's page, read from its region's computed sections and data."""
