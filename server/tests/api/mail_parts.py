#!/usr/bin/env python3
"""Reads an .eml as a mail program would (Python's email package) and prints its parts as
JSON: subject, text, html, and each attachment (file name, type, content as text).
Usage: mail_parts.py FILE"""
import json
import sys
from email import policy
from email.parser import BytesParser

with open(sys.argv[1], "rb") as f:
    mail = BytesParser(policy=policy.default).parse(f)

text = mail.get_body(preferencelist=("plain",))
html = mail.get_body(preferencelist=("html",))
attachments = [{
    "filename": part.get_filename(),
    "contentType": part.get_content_type(),
    "content": part.get_payload(decode=True).decode("utf-8"),
} for part in mail.iter_attachments()]
print(json.dumps({
    "subject": str(mail["subject"]),
    "contentType": mail.get_content_type(),
    "text": text.get_content() if text else None,
    "html": html.get_content() if html else None,
    "attachments": attachments,
}))
