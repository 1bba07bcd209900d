-- invoices written off as bad debt in the built-in ledger (the 'local' accounting provider): one per invoice, keyed by
-- the Ledgerflow invoice (W-{localId}); the amount lowers the invoice's balance. Not a payment: the change feed reports
-- the invoice's update only.
create table local_ledger_write_off (
    id         varchar(40)   primary key,
    invoice_id varchar(40)   not null unique references local_ledger_invoice (id),
    item_id    varchar(40)   not null references local_ledger_item (id),
    amount     numeric(19,2) not null check (amount > 0),
    txn_date   date          not null,
    reason     varchar(4000) not null,
    created_at timestamp with time zone not null
);
