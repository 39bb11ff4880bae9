"""Errors of a page's forms as (anchor id, message) pairs, in page order, for the GOV.UK error summary."""


def error_list(*forms_and_formsets, extra=()):
    """(anchor id, message) pairs for the GOV.UK error summary, in page order."""
    errors = []
    for item in forms_and_formsets:
        if item is None:
            continue
        forms = getattr(item, "forms", None)
        if forms is not None:  # a formset
            for error in item.non_form_errors():
                errors.append((f"{item.prefix}-table", error))
            for form in forms:
                errors.extend(form_errors(form))
        else:
            errors.extend(form_errors(item))
    errors.extend(extra)
    return errors


def form_errors(form):
    errors = []
    if not form.is_bound:
        return errors
    fields = list(form)
    visible = form.visible_fields()
    first_id = (visible[0].id_for_label or f"{visible[0].auto_id}_0") if visible else ""  # radios: the first option
    for error in form.non_field_errors():
        errors.append((first_id, error))
    for field in fields:
        anchor = field.id_for_label or f"{field.auto_id}_0"  # radios and checkboxes: the first option
        if field.name == "availability":
            anchor = "availability-table"
        for error in field.errors:
            errors.append((anchor, error))
    return errors
