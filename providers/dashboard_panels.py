"""Panels that apps above the directory add to a supplier's dashboard (new enquiries, upcoming visits, payments),
registered from their `AppConfig.ready`: the directory must not import them. A builder takes (supplier, request) and
returns a dict for its template include (`template` and what it reads), or None to show nothing."""

_builders = {}


def register(name, builder):
    _builders[name] = builder


def panels(supplier, request):
    built = ((name, builder(supplier, request)) for name, builder in _builders.items())
    return [dict(panel, name=name) for name, panel in built if panel]
