"""Files: the native format and the interchange formats, one module each (no Qt)."""
