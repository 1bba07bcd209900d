-- payments recorded in Ledgerflow are booked in the built-in ledger too (local_id: the Ledgerflow payment): the part
-- that pays the invoice (amount; 0 when the ledger's invoice owes nothing) and the rest, the client's credit
-- (unapplied_amount), as QBO keeps a payment's TotalAmt and UnappliedAmt
alter table local_ledger_payment add column unapplied_amount numeric(19,2) not null default 0;
alter table local_ledger_payment add column local_id uuid unique;
alter table local_ledger_payment drop constraint local_ledger_payment_amount_check;
alter table local_ledger_payment add constraint local_ledger_payment_amounts_check
    check (amount >= 0 and unapplied_amount >= 0 and amount + unapplied_amount > 0);
