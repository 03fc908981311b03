"""Warm kernels: a kernel kept running between notebooks of a batch, offered to Papermill as an engine.

A :class:`WarmKernel` talks over Unix sockets in a private folder (no TCP ports to clash over, nothing listening
on the network). Each notebook after the first starts with a cell that clears the namespace; after any failure
the kernel is discarded, so the next notebook gets a fresh one. Modules stay imported, which saves every region
the start-up and the imports. Papermill runs a notebook on it through the engine of
:mod:`workbench.build.engine` (``execute_notebook(..., engine_name=ENGINE, kernel=warm)``).
"""

from __future__ import annotations

import contextlib
import os
import queue
import shutil
import subprocess
import tempfile
import threading
from concurrent.futures import Future, ThreadPoolExecutor, wait
from pathlib import Path

PRELOAD = "import workbench.report.regio_analyse, workbench.report.overzicht"
"""What a warm kernel imports before its first notebook."""
NO_OUTPUT_CACHE = "--InteractiveShell.cache_size=0"
"""A warm kernel keeps no history of results (``Out``, ``_1``): a batch never reads it, and it would keep every
region's results alive after the next notebook cleared its names (:data:`workbench.build.runs.CLEAR_NAMESPACE`)."""


KERNEL_NICENESS = 5
"""How much lower a kernel's CPU priority is than the batch's own process (which validates the inputs and exports
and publishes each report: the work every region waits for), so that on a busy machine that work goes first."""


def _yield_to_the_batch(km) -> None:
    """Lower the kernel process's priority by :data:`KERNEL_NICENESS` (where the system allows; else as it is)."""
    pid = getattr(getattr(km, "provisioner", None), "pid", None)
    if pid is not None:
        with contextlib.suppress(OSError, AttributeError):
            os.setpriority(os.PRIO_PROCESS, pid, os.getpriority(os.PRIO_PROCESS, os.getpid()) + KERNEL_NICENESS)


class WarmKernel:
    """A kernel kept running between notebooks (an ``AsyncKernelManager``, so that nbclient notices a death)."""

    def __init__(self) -> None:
        self._sockets = tempfile.mkdtemp(prefix="wb-kernel-")
        self.km = None
        self.used = False

    def ready(self):
        """The running kernel's manager, started when there is none or it died."""
        from jupyter_core.utils import run_sync

        return run_sync(self._ready)()

    async def _ready(self):
        from jupyter_client.manager import AsyncKernelManager

        if self.km is None or not await self.km.is_alive():
            await self._discard()
            self.km = AsyncKernelManager(kernel_name="python3", transport="ipc", ip=os.path.join(self._sockets, "k"))
            # the kernel's own output never reaches the user's terminal (a kernel stopped while it starts, by
            # Ctrl-C or a failure, would print a traceback there); what a cell says is in the executed notebook
            await self.km.start_kernel(
                extra_arguments=[NO_OUTPUT_CACHE], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            _yield_to_the_batch(self.km)
            self.used = False
        return self.km

    def preload(self, code: str = PRELOAD) -> None:
        """Start the kernel and run ``code`` (imports, warming a cache) ahead of the first notebook.

        Nothing it prints or returns reaches the console: the code runs as a statement.
        """
        from jupyter_core.utils import run_sync

        run_sync(self._preload)(code)

    async def _preload(self, code: str) -> None:
        km = await self._ready()
        client = km.client()
        client.start_channels()
        try:
            await client.wait_for_ready(timeout=60)
            await client.execute_interactive(code, timeout=60, store_history=False, silent=True)
        finally:
            client.stop_channels()

    def discard(self) -> None:
        """Shut the kernel down (the next :meth:`ready` starts a fresh one)."""
        from jupyter_core.utils import run_sync

        run_sync(self._discard)()

    async def _discard(self) -> None:
        if self.km is not None and self.km.has_kernel:
            with contextlib.suppress(Exception):  # already gone: nothing left to stop
                await self.km.shutdown_kernel(now=True)
        self.km = None

    def close(self) -> None:
        """Shut down and remove the socket folder."""
        self.discard()
        shutil.rmtree(self._sockets, ignore_errors=True)


class KernelPool:
    """The batch's warm kernels: started in the background, one region at a time each, all stopped at the end.

    The first kernel also parses the inputs into the build cache, once the year is known; Ctrl-C stops them all.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.free: queue.Queue[WarmKernel] = queue.Queue()
        self.started: list[WarmKernel] = []
        self._executor = ThreadPoolExecutor(max_workers=workers)
        self._parse: Future[str] = Future()
        self._preloads: list[Future] = []
        self._taken = 0
        self._changed = threading.Condition()

    def start(self, count: int) -> None:
        """Start ``count`` kernels (importing the package) in the background, unless they were started already."""
        if self.started:
            return

        def first(kernel: WarmKernel) -> None:
            kernel.preload(PRELOAD)
            code = self._parse.result()
            if code:
                kernel.preload(code)

        for i in range(count):
            kernel = self.add(WarmKernel())
            job = self._executor.submit(first, kernel) if i == 0 else self._executor.submit(kernel.preload, PRELOAD)
            self._preloads.append(job)

    def take(self) -> WarmKernel:
        """A free kernel (waiting for one), counted as taken."""
        kernel = self.free.get()
        with self._changed:
            self._taken += 1
            self._changed.notify_all()
        return kernel

    def take_after(self, count: int) -> WarmKernel:
        """A free kernel once ``count`` kernels were taken before (so that it never keeps a region waiting)."""
        with self._changed:
            self._changed.wait_for(lambda: self._taken >= count)
        return self.take()

    def give(self, kernel: WarmKernel) -> None:
        """Hand a kernel back."""
        self.free.put(kernel)

    def add(self, kernel: WarmKernel) -> WarmKernel:
        """Count ``kernel`` as one of the pool's (free to use)."""
        self.started.append(kernel)
        self.free.put(kernel)
        return kernel

    def parse_inputs(self, root: Path, build: Path, periode: int) -> None:
        """Let the first kernel parse the inputs of ``periode`` into the build cache, in its own process."""
        if not self._parse.done():
            self._parse.set_result(
                f"from workbench.io.inputs import load_inputs\nload_inputs({str(root)!r}, {str(build)!r}, {periode})"
            )

    def wait_ready(self) -> None:
        """Wait until every kernel has started and the inputs are parsed."""
        wait(self._preloads)

    def close(self) -> None:
        """Stop every kernel (a running notebook too, so that its thread ends at once)."""
        if not self._parse.done():
            self._parse.set_result("")
        self._executor.shutdown(wait=False, cancel_futures=True)
        for kernel in dict.fromkeys(self.started):
            with contextlib.suppress(Exception):
                kernel.close()
