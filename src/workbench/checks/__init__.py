"""Checking the inputs: the Great Expectations suites, the frames they see, the cached summary."""
