"""Pure rules: no Qt, no SQLAlchemy. Everything here is testable with plain values."""
