"""Our rows in Open Referral UK 3.0 shapes: one module per part of a service. Each function returns plain JSON
values (str, int, float, bool, lists, dicts) and leaves out optional fields without a value, as the standard asks."""
