"""Parts of the public listing page that apps above the directory add (reviews, the local market's prices).

The directory must not import them, so each registers a builder when Django starts (their `AppConfig.ready`); the
page asks every builder for its part. A builder takes (listing, request, terms in the reader's language) and returns
what its template include reads, under the name it registered.
"""

_builders = {}


def register(name, builder):
    _builders[name] = builder


def sections(listing, request, terms):
    return {name: builder(listing, request, terms) for name, builder in _builders.items()}
