"""Live shared maps in the editor: File > Share Map…, File > Join Shared Map…, presence."""
