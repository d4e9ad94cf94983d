r"""A LaTeX table of instruments, with the sources as numbered footnotes.

Prints a booktabs table of the defence instruments of the bundled
Russia–Venezuela dataset, narrowed to four columns, as a longtable that
breaks across pages and is fitted to the text width (long cells wrap),
followed by its numbered list of sources. Each
row's footnote marks name its sources; ``*`` marks a row that rests on a
single source and ``\S`` one that rests on state-affiliated media alone.

Write it to a file and ``\input`` it in a paper whose preamble has
``\usepackage{booktabs,longtable,array}``:

    python examples/latex_instruments_table.py > defence.tex
"""

import bilateral
from bilateral.render import tables

venezuela = bilateral.datasets.partnership("russia-venezuela")
defence = tables.instruments(venezuela, area=bilateral.CooperationArea.DEFENCE)
narrow = defence.select("instrument", "status", "signed", "value and quantities")
print(tables.render(narrow, "latex_booktabs", citations="footnotes"))
