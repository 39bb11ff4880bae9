"""Panels that apps add to a person's account page (their enquiries, bookings, visits to approve, who acts for them,
their budget), registered from each app's `AppConfig.ready`: core imports no app. A builder takes (user, request) and
returns a dict for its template include (`template` and what it reads), or None to show nothing."""

_builders = {}


def register(name, builder, order=100):
    _builders[name] = (order, builder)


def panels(user, request):
    ordered = sorted(_builders.items(), key=lambda item: (item[1][0], item[0]))
    built = ((name, builder(user, request)) for name, (_order, builder) in ordered)
    return [dict(panel, name=name) for name, panel in built if panel]
