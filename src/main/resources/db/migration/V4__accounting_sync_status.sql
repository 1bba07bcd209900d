-- sync status per pushed record: a failed first push leaves a link without an external id
alter table external_link alter column external_id drop not null;
alter table external_link alter column synced_at drop not null;
alter table external_link add column last_error varchar(2000);
alter table external_link add column attempts int not null default 0;
alter table external_link add column last_attempt_at timestamp with time zone;
-- pushes the accounting system refused: each one moves the push to a new idempotency key (see AccountingSystem)
alter table external_link add column rejections int not null default 0;
