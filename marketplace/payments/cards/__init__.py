"""Saved cards: a Stripe Customer per person, cards kept with SetupIntents, listed, removed, and used to pay."""
