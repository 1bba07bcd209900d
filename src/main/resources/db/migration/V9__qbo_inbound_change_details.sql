-- What the sync page shows of a change QuickBooks reported: read from QBO when the change is processed (a webhook
-- carries only the id). For a Payment: its total and the first transaction it pays (QBO's LinkedTxn, an Invoice).
alter table qbo_inbound_change add column amount numeric(19, 2);
alter table qbo_inbound_change add column currency text;
alter table qbo_inbound_change add column linked_entity text;
alter table qbo_inbound_change add column linked_external_id text;
-- the sync page lists the most recent changes
create index qbo_inbound_change_received_idx on qbo_inbound_change (received_at desc);
