-- The client-facing invoice page: an unguessable token per invoice (the page's address), and the payment link kept
-- when the invoice is posted (QBO's InvoiceLink, or that page).
alter table invoice add column public_token varchar(64);
update invoice set public_token = replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
alter table invoice alter column public_token set not null;
alter table invoice add constraint invoice_public_token_uq unique (public_token);
alter table invoice add column payment_link varchar(2000);

-- The PDF as rendered once and e-mailed: downloads serve exactly what the client got. One per invoice; a repeated
-- render keeps the first (insert ... on conflict do nothing).
create table invoice_pdf (
    invoice_id uuid        primary key references invoice (id),
    content    bytea       not null,
    sha256     varchar(64) not null,
    created_at timestamptz not null
);
