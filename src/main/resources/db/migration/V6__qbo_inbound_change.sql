-- Changes QuickBooks reports (webhooks, CDC poll), stored first and processed asynchronously by QboInboundChanges
create table qbo_inbound_change (
    id           uuid                     primary key,
    realm_id     text                     not null,
    -- QBO entity name as in its API: Payment, Invoice, TimeActivity, Purchase, Customer...
    entity       text                     not null,
    entity_id    text                     not null,
    -- Create, Update, Delete, Merge, Void, Emailed
    operation    text                     not null,
    -- truncated to the second, so a webhook (milliseconds) and the CDC poll (seconds) report the same change alike
    last_updated timestamp with time zone not null,
    source       text                     not null,
    received_at  timestamp with time zone not null,
    processed_at timestamp with time zone,
    -- a replayed webhook or a change seen by both webhook and CDC is inserted once ("on conflict do nothing")
    constraint qbo_inbound_change_uk unique (realm_id, entity, entity_id, operation, last_updated),
    constraint qbo_inbound_change_source_ck check (source in ('WEBHOOK', 'CDC'))
);
-- the processing poll: "where processed_at is null order by received_at"
create index qbo_inbound_change_pending_idx on qbo_inbound_change (received_at) where processed_at is null;

-- The CDC poll's cursor per realm: the next poll asks for changes since changed_since
create table qbo_cdc_cursor (
    realm_id      text                     primary key,
    changed_since timestamp with time zone not null,
    polled_at     timestamp with time zone not null
);
