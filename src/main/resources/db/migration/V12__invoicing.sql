-- Per-project billing settings: time rounding per entry at invoice time, and how time lines are grouped.
alter table project add column time_rounding varchar(16) not null default 'NONE';
alter table project add column time_grouping varchar(24) not null default 'PER_TASK';

create table invoice (
    id            uuid           primary key,
    project_id    uuid           not null references project (id),
    client_id     uuid           not null references client (id),
    period_start  date           not null,
    period_end    date           not null,
    currency      varchar(3)     not null,
    status        varchar(16)    not null,
    -- null until approved; gapless per year (invoice_number_counter), never reused
    number        varchar(40)    unique,
    issue_date    date           not null,
    due_date      date           not null,
    payment_terms_days integer   not null,
    tax_rate      numeric(6, 3)  not null,
    subtotal      numeric(14, 2) not null,
    tax           numeric(14, 2) not null,
    total         numeric(14, 2) not null,
    created_at    timestamptz    not null,
    approved_at   timestamptz,
    version       bigint         not null,
    check (period_end >= period_start),
    check (due_date >= issue_date),
    check (total = subtotal + tax),
    check (status in ('DRAFT', 'REJECTED') or number is not null)
);
create index invoice_project_idx on invoice (project_id, period_end);
create index invoice_client_idx on invoice (client_id, period_end);
create index invoice_status_idx on invoice (status);

create table invoice_line (
    id             uuid           primary key,
    invoice_id     uuid           not null references invoice (id),
    position       integer        not null,
    kind           varchar(16)    not null,
    description    varchar(2000)  not null,
    quantity       numeric(18, 8) not null,
    unit_price     numeric(14, 2) not null,
    amount         numeric(14, 2) not null,
    -- time lines: the minutes billed (after rounding) and worked
    billed_minutes integer,
    actual_minutes integer,
    -- checked at commit: recomputing the time lines renumbers lines that are still there
    constraint invoice_line_position_uq unique (invoice_id, position) deferrable initially deferred
);

-- What each invoice bills. The unique key is the claim: an item is on one invoice at most, whoever drafts at the
-- same time (insert ... on conflict do nothing). The foreign key is checked at commit so that a draft claims its
-- items before it knows whether it exists at all (nothing claimed, no invoice).
create table invoice_item (
    item_type          varchar(16)   not null,
    item_id            uuid          not null,
    invoice_id         uuid          not null references invoice (id) deferrable initially deferred,
    written_off_reason varchar(2000),
    primary key (item_type, item_id)
);
create index invoice_item_invoice_idx on invoice_item (invoice_id);

-- One row per year: the last invoice number handed out, locked for update by the approving transaction.
create table invoice_number_counter (
    year       integer primary key,
    last_value integer not null check (last_value >= 0)
);
