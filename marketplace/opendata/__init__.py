"""The directory as open data in Open Referral UK 3.0: a read-only JSON API and a downloadable data package.

What is published, and what never is:

* Only listings the public can see (``Listing.objects.publicly_visible()``): never drafts, listings waiting for an
  editor, suspended, archived or hidden-stale ones. A listing is an ORUK *service*; its supplier an *organization*.
* An organisation's listing has a *location*: its base as the public map shows it (coordinates only; the base
  postcode is never published, and nor is any address). Its contact phone and email are published as the listing
  page shows them.
* A personal assistant is an organization and services with **no location, no address, no postcode and no
  contact details**. The only position that can be derived is the centre of the ~2 km grid cell the public map
  already shows (a radius service area is a circle around that centre, re-snapped here in case a row was stored
  exactly). Their phone and email are left out: the service's ``url`` leads to the listing page, where people can
  send an enquiry without either side's details showing. Their bio is left out too (free text can name a street);
  the organization description says only that they are a personal assistant and how they work.
* Supplier-level email and phone (used for enquiries once both sides agree) are never published.

Identifiers are UUIDs derived from the deployment's namespace and each row's kind and primary key (``ids``), so they
never change between calls or exports. Nothing imports this app; it reads providers, search and geography.
"""
