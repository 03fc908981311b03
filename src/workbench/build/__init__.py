"""Building and publishing: kernels, runs, export, safety scan, atomic publication, the batch."""

# Papermill loads its engines' entry points while it is imported, ours (workbench.build.kernel) among them.
# Importing it here, before any module of this package, lets it load that module whole; were the kernel
# module imported first, Papermill would find it half-initialised and fail.
import papermill  # noqa: F401
