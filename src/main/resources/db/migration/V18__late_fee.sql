-- Issue 7: an optional late fee per client, charged on a separate late-fee invoice when a dunning step the
-- dunning-policy DMN marks lateFee = true is sent (fee = fixed + open balance x percent / 100, half-up to the cent).
-- Null or 0 = no fee. The late-fee invoice claims (LATE_FEE, a UUID named from the invoice and step) in invoice_item:
-- one per invoice and step.
alter table client add column late_fee_fixed numeric(14,2) check (late_fee_fixed >= 0);
alter table client add column late_fee_percent numeric(6,3) check (late_fee_percent >= 0);
