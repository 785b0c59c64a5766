"""The retry runner's worker threads: a bounded pool, each thread on its own database connection.

Gateway calls spend their time waiting on the network, so a pass keeps many of
them in flight at once. Each thread opens its own connection when it starts and
closes it when the pool closes (one connection per thread, as peewee expects;
never one per item). With a size of one there are no threads: items run on the
caller's thread, in order, on its connection.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
from collections import deque
from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

from models.db import connection

log = logging.getLogger(__name__)

Item = TypeVar("Item")
Result = TypeVar("Result")


class _Raised:
    def __init__(self, error: Exception) -> None:
        self.error = error


class WorkerPool(Generic[Item, Result]):
    """Runs ``run(item)`` on at most ``size`` threads; ``run`` must never raise.

    Only the thread that made the pool submits and collects: ``submit`` hands an item to a free
    thread (starting one while fewer than ``size`` run), ``next_result`` waits for the next item to
    finish, in whatever order they finish.
    """

    def __init__(self, size: int, run: Callable[[Item], Result], name: str = "retry") -> None:
        self.size = size
        self._run = run
        self._name = name
        self._inbox: queue.SimpleQueue[Item | None] = queue.SimpleQueue()
        self._done: queue.SimpleQueue[Result | _Raised] = queue.SimpleQueue()
        self._inline: deque[Result] = deque()
        self._threads: list[threading.Thread] = []
        self.busy = 0  # submitted and not yet collected

    @property
    def free(self) -> int:
        return self.size - self.busy

    def submit(self, item: Item) -> None:
        if self.busy >= self.size:
            raise RuntimeError("every worker is busy; collect a result first")
        self.busy += 1
        if self.size == 1:
            self._inline.append(self._run(item))
            return
        if len(self._threads) < self.busy:
            thread = threading.Thread(target=self._work, name=f"{self._name}-{len(self._threads) + 1}", daemon=True)
            thread.start()
            self._threads.append(thread)
        self._inbox.put(item)

    def next_result(self) -> Result:
        if self.busy == 0:
            raise RuntimeError("nothing was submitted")
        result = self._inline.popleft() if self._inline else self._done.get()
        self.busy -= 1
        if isinstance(result, _Raised):
            raise RuntimeError("a retry worker's run raised") from result.error
        return result

    def close(self) -> None:
        """Let every thread finish what it holds, close its connection and end."""
        for _ in self._threads:
            self._inbox.put(None)
        for thread in self._threads:
            thread.join()
        self._threads.clear()

    def _work(self) -> None:
        with contextlib.ExitStack() as stack:
            try:
                stack.enter_context(connection())
            except Exception:
                # Each item opens (and closes) a connection of its own if it can; its run reports the rest.
                log.exception("a retry worker could not open its database connection")
            while (item := self._inbox.get()) is not None:
                try:
                    self._done.put(self._run(item))
                except Exception as error:  # a bug in ``run``: the caller hears of it, the thread goes on
                    self._done.put(_Raised(error))


@contextlib.contextmanager
def worker_pool(size: int, run: Callable[[Item], Result], name: str = "retry") -> Iterator[WorkerPool[Item, Result]]:
    pool = WorkerPool(size, run, name)
    try:
        yield pool
    finally:
        while pool.busy:  # an error in the caller: let what is in flight finish and be recorded
            with contextlib.suppress(RuntimeError):
                pool.next_result()
        pool.close()
