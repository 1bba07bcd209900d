-- What the sync page shows of a change QuickBooks reported: read from QBO when the change is processed (a webhook
-- carries only the id). For a Payment: its total and the first transaction it pays (QBO's LinkedTxn, an Invoice).
alter table qbo_inbound_change add column amount numeric(19, 2);
alter table qbo_inbound_change add column currency text;
alter table qbo_inbound_change add column linked_entity text;
alter table qbo_inbound_change add column linked_external_id text;
-- the sync page lists the most recent changes
create index qbo_inbound_change_received_idx on qbo_inbound_change (received_at desc);

-- The batch a time activity went out in (AccountingSync): pushed again before its push was committed, it goes out in
-- the same batch under the same key, so QBO replays the first answer instead of booking it twice
alter table external_link add column batch_key text;
