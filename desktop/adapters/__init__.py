"""One adapter per outside system (mail, SMS): each takes a plain config and knows nothing of settings.

The composition root reads the settings and hands each adapter its config; services see only the
small protocols (`Mailer`, `AttachmentMailer`, `SmsGateway`), so tests pass a real local server
or a file.
"""
