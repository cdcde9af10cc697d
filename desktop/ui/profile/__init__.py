"""The customer profile's parts: the record table model, a purpose's section, the reveal dialog.

The view that puts them together is desktop/ui/profile_view.py.
"""
