"""No pages: the scratch shop is only driven through Oscar's models and order code."""

urlpatterns: list[object] = []
