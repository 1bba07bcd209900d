-- Leakage's written-off time per invoice (reporting.LeakageReport): the few written-off entries and the invoice items
-- that say why, read from two small partial indexes instead of scanning all time and all invoice items.
create index time_entry_written_off_idx on time_entry (id) include (project_id, work_date, minutes, bill_rate)
    where status = 'WRITTEN_OFF';
create index invoice_item_written_off_idx on invoice_item (item_id) include (invoice_id, written_off_reason)
    where item_type = 'TIME_ENTRY' and written_off_reason is not null;
