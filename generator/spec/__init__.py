"""Reading a vendor's document: bytes in, a checked ``Document`` and its diagnostics out.

load.py parses a file into plain data with a source map (JSON pointer -> file:line:col);
overlay.py applies Overlay 1.0 actions; readings.py reads unambiguous vendor quirks as what
they mean, with located warnings; validate.py runs openapi-spec-validator
(openapi_validator.py) and our own checks. media.py and operation_names.py are the readings
of media types and operation names that validation and the IR share.
"""
