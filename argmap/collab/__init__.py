"""Live shared maps on Yjs (pycrdt): the shared document, the room server and its clients.

Qt-free: the editor's windows use it through :mod:`argmap.ui.collab`.
"""
