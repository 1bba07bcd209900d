-- Changes received from the accounting system that Ledgerflow could not take over (a time activity entered in
-- QuickBooks on a job or by an employee Ledgerflow does not know, or breaking a time rule): listed on the sync page
-- until a later change of the same record is taken over. One row per record: the latest reason wins.
create table accounting_unmatched_change (
    system      text          not null,
    entity      text          not null,
    external_id text          not null,
    reason      varchar(2000) not null,
    recorded_at timestamptz   not null,
    primary key (system, entity, external_id)
);
