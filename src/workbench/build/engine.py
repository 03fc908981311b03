"""Papermill's engine for a warm kernel (:class:`~workbench.build.kernel.WarmKernel`), registered on import.

Only a run that executes a notebook imports this module (and with it Papermill): a batch with nothing to build
never does. The engine is registered here, not through an entry point, so no import order can find it half made.
"""

from __future__ import annotations

from papermill.engines import NBClientEngine, papermill_engines

from workbench.build.kernel import WarmKernel

ENGINE = "workbench-warm"


class WarmKernelEngine(NBClientEngine):
    """Papermill's nbclient engine, run on a :class:`WarmKernel` given as ``kernel``."""

    @classmethod
    def execute_managed_notebook(cls, nb_man, kernel_name, kernel: WarmKernel, **kwargs):
        """Execute on the warm kernel (started, or restarted after a death, as needed)."""
        km = kernel.ready()
        kernel.used = True
        return super().execute_managed_notebook(nb_man, kernel_name, km=km, **kwargs)


papermill_engines.register(ENGINE, WarmKernelEngine)
