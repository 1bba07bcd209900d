-- What clients paid against posted or sent invoices. applied_amount is the part that lowered the invoice's balance
-- (open balance = invoice total - sum(applied_amount)); the rest of amount, an overpayment, is credited to the client.
create table payment (
    id             uuid           primary key,
    invoice_id     uuid           not null references invoice (id),
    client_id      uuid           not null references client (id),
    amount         numeric(14, 2) not null check (amount > 0),
    applied_amount numeric(14, 2) not null check (applied_amount >= 0 and applied_amount <= amount),
    currency       varchar(3)     not null,
    payment_date   date           not null,
    method         varchar(16)    not null,
    reference      varchar(200),
    origin         varchar(8)     not null check (origin in ('MANUAL', 'API', 'QBO')),
    -- the payment's id in the accounting system (QBO); one QBO payment may pay several invoices: one row each
    external_id    varchar(100),
    recorded_at    timestamptz    not null,
    recorded_by    varchar(100)   not null,
    check (origin <> 'QBO' or external_id is not null)
);
-- a webhook and the CDC poll delivering the same QBO payment record it once
create unique index payment_external_uq on payment (origin, external_id, invoice_id) where external_id is not null;
create index payment_invoice_idx on payment (invoice_id);
create index payment_recorded_idx on payment (recorded_at desc);

-- The clients' credit ledger: a client's credit is the sum of its entries per currency; entries are only added
-- (an overpayment adds a positive one; using the credit later adds a negative one).
create table client_credit (
    id          uuid           primary key,
    client_id   uuid           not null references client (id),
    currency    varchar(3)     not null,
    amount      numeric(14, 2) not null check (amount <> 0),
    payment_id  uuid           references payment (id),
    description varchar(500)   not null,
    created_at  timestamptz    not null
);
create index client_credit_client_idx on client_credit (client_id, currency);
