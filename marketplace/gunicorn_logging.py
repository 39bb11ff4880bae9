"""gunicorn's own log lines as JSON, like the site's (gunicorn.conf.py picks this class when LOG_FORMAT is json).

The access log, when turned on, has one JSON object per request: method, path (without the query string, which can
hold the postcode someone searched for), status, bytes, duration and the request id the site gave the response.
"""

from gunicorn.glogging import Logger
from pythonjsonlogger.json import JsonFormatter

ERROR_FORMAT = {"fmt": "%(levelname)s %(name)s %(message)s", "rename_fields": {"levelname": "level", "name": "logger"}}


class AccessJsonFormatter(JsonFormatter):
    def __init__(self):
        super().__init__("%(name)s", rename_fields={"name": "logger"}, timestamp="time")

    def add_fields(self, log_data, record, message_dict):
        super().add_fields(log_data, record, message_dict)
        atoms = record.args if isinstance(record.args, dict) else {}
        log_data.update(
            remote_addr=atoms.get("h"),
            method=atoms.get("m"),
            path=atoms.get("U"),
            status=_number(atoms.get("s")),
            bytes=atoms.get("B"),
            duration_ms=round(atoms.get("D", 0) / 1000, 1),
            request_id=atoms.get("{x-request-id}o"),
        )


def _number(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return value


class JsonLogger(Logger):
    def setup(self, cfg):
        super().setup(cfg)
        for handler in self.error_log.handlers:
            handler.setFormatter(JsonFormatter(**ERROR_FORMAT, timestamp="time"))
        for handler in self.access_log.handlers:
            handler.setFormatter(AccessJsonFormatter())
