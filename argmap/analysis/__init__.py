"""Read-only reasoning over maps: free functions that take the map first (no Qt)."""
