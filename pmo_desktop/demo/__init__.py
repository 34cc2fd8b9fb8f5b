"""The deterministic demo portfolio and the synthetic large portfolio for benchmarks, as plain data.

`build_demo` tells the story of a mid-size logistics firm's change portfolio; `build_large` is a bulk
portfolio for benchmarks. Both return `DemoData`, one list of column dicts per table, which the storage
layer inserts table by table in `INSERT_ORDER`. Nothing here touches a database: the same seed and day
always give the same rows.
"""

from pmo_desktop.demo.large import build_large
from pmo_desktop.demo.names import HOTSPOT_PEOPLE, IDLE_PEOPLE
from pmo_desktop.demo.realistic import build_demo
from pmo_desktop.demo.rows import INSERT_ORDER, DemoData

__all__ = ["HOTSPOT_PEOPLE", "IDLE_PEOPLE", "INSERT_ORDER", "DemoData", "build_demo", "build_large"]
