"""The seminar in the editor: the user's name, authorship colours, positions, compare, merge."""
