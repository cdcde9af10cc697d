"""Deterministic, realistic demo data: a register the desk can be shown, tested and benchmarked on.

Every person is invented; identity numbers come from the synthetic series only, e-mail addresses
from the reserved example.* domains and IP addresses from the documentation ranges, so nothing in
a demo database can point at a real person.
"""

from desktop.demo.generator import DEMO_TODAY, DemoReport, add_heavy_customer, generate_demo_data

__all__ = ["DEMO_TODAY", "DemoReport", "add_heavy_customer", "generate_demo_data"]
