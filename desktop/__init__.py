"""GDPR Desk: the customer-service desk for a shop's data-subject requests."""

APP_NAME = "GDPR Desk"
APP_ID = "gdpr-desk"
ORG = "GDPR Desk"
__version__ = "0.1.0"
