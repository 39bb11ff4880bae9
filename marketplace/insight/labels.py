"""Names for the slugs figures are kept by, in the reader's language, in the order editors gave the terms."""

from wagtail.models import Locale

from providers.models import Language, Need, ServiceType
from search.forms import term_choices

from .models import DemandFigure

MODELS = {
    DemandFigure.Dimension.NEED: Need,
    DemandFigure.Dimension.SERVICE: ServiceType,
    DemandFigure.Dimension.LANGUAGE: Language,
}


def names(dimension, locales=None):
    """[(slug, name)] of one taxonomy."""
    return term_choices(MODELS[dimension], locales)


def locales():
    return Locale.get_default(), Locale.get_active()
