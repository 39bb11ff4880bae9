"""Snippets that apps above the directory show in the admin's Directory menu, added from their `AppConfig.ready`
(the directory must not import them): editors think of council direct-payment rates with the council areas."""

directory_extras = []


def add_to_directory(viewset):
    if viewset not in directory_extras:
        directory_extras.append(viewset)
