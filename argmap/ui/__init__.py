"""Everything Qt: the editor's widgets, the canvas and offscreen rendering."""
