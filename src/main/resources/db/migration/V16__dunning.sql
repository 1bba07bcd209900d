-- Payment reminders and escalation (issue 7): the client's reminder settings, the project's hold flag, every reminder
-- sent for an invoice (once per step, at most one per company calendar day) and the follow-up decisions on it.

-- the dunning-policy DMN reads the tier (STANDARD, GENTLE, ... as the analysts' table names them)
alter table client add column reminder_tier varchar(20) not null default 'STANDARD';
-- a thank-you receipt e-mail when an invoice is paid in full
alter table client add column sends_payment_receipt boolean not null default true;

-- set by a final notice: the project's manager talks to the client before more work is done
alter table project add column on_hold boolean not null default false;
alter table project add column on_hold_reason varchar(500);

create table dunning_reminder (
    id           uuid primary key,
    invoice_id   uuid          not null references invoice (id),
    step         varchar(40)   not null,
    action       varchar(20)   not null,
    template     varchar(60)   not null,
    sent_on      date          not null,
    sent_at      timestamp with time zone not null,
    recipients   varchar(2000) not null,
    open_balance numeric(14, 2) not null,
    currency     varchar(3)    not null,
    -- a repeated or late job sends nothing twice, and never two reminders on one day
    constraint dunning_reminder_step_uq unique (invoice_id, step),
    constraint dunning_reminder_day_uq unique (invoice_id, sent_on)
);

create table dunning_follow_up (
    id          uuid primary key,
    invoice_id  uuid          not null references invoice (id),
    outcome     varchar(20)   not null check (outcome in ('PROMISED', 'DISPUTED', 'COLLECTIONS', 'WRITTEN_OFF')),
    promised_by date,
    note        varchar(2000),
    decided_by  varchar(100)  not null,
    decided_at  timestamp with time zone not null
);
create index dunning_follow_up_invoice_idx on dunning_follow_up (invoice_id, decided_at);
