"""The map canvas: cards and arrows drawn from an edit session, and the gestures that edit it."""
