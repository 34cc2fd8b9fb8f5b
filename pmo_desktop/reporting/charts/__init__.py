"""The pack's charts, one module per kind: a pure function that turns read models into the series to draw
(tested on its own), and a painter that draws them with matplotlib's `Figure` on the Agg backend (never
pyplot) and returns a PNG at `figures.DPI`. The roadmap is drawn natively with ReportLab instead (vector,
text searchable, tiled across pages): `roadmap_layout` is its maths, `roadmap_drawing` its painter."""
