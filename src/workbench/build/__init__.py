"""Building and publishing: kernels, runs, export, safety scan, atomic publication, the batch."""
