"""Parts of an enquiry's thread page that apps above enquiries add (bookings: offers, the booking, its visits),
without enquiries importing them. Each registers `builder(enquiry, request, side)` from its `AppConfig.ready`; the
builder returns a dict for its template include (`template` and whatever it reads), or None to show nothing."""

_builders = {}


def register(name, builder):
    _builders[name] = builder


def sections(enquiry, request, side):
    built = ((name, builder(enquiry, request, side)) for name, builder in _builders.items())
    return [dict(section, name=name) for name, section in built if section]
