"""The editor's debate workflow: motion and sides, presenting, the speech order, the flow."""
