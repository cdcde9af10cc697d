"""The request screen's fulfilment panels, one module per kind of request (see request_view.py)."""
