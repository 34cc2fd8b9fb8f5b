"""The board pack: a PDF a PMO can hand to a board unchanged, built with ReportLab and matplotlib.

`export.export_board_pack` is the one entry point (the CLI's `boardpack` command and the GUI's export worker
call it). It reads the portfolio through the services' read models only (`pack_data`), then
`renderer.BoardPackRenderer` turns them into a story of flowables, one module per section (`sections`),
with charts drawn by matplotlib's `Figure` on the Agg backend (`charts`). Nothing here touches storage.

ReportLab and matplotlib are imported inside functions, never at module level, so that importing this
package (or anything in the core) stays fast and free of heavy libraries.
"""
