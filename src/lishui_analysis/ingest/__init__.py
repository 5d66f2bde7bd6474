"""Stage 1 — reading: raw files and saved web pages into text.

``decode`` (bytes → text), ``load`` (the raw folder and ``sources.csv``), ``webpage`` (a saved
page's article and metadata), ``clean`` (widths, scripts, punctuation, layout breaks),
``segment`` (a page → articles → sentences) and ``fetch`` (URLs → saved pages in the raw folder).
Nothing here imports a later stage.
"""
