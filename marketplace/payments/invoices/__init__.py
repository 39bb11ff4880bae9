"""Invoices: made from a booking's approved visits for a period, numbered per supplier without gaps, never changed once
issued (credit notes correct them), with VAT only where the supplier charges it, and paid by card."""
