-- Reports (reporting module) aggregate with plain SQL; these indexes serve their range conditions. Per-project reads
-- use the existing time_entry (project_id, status) and expense (project_id, status) indexes.
-- time by day across the firm (utilization, profitability and budget ranges), covering what the sums read
create index time_entry_work_date_idx on time_entry (work_date)
    include (project_id, person_id, iso_week, minutes, status, billable);
-- invoices by issue date (revenue in a range, DSO's last 90 days)
create index invoice_issue_date_idx on invoice (issue_date);
-- draft invoices waiting for review (leakage: stuck in review)
create index invoice_draft_created_idx on invoice (created_at) where status = 'DRAFT';
