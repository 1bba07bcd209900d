-- project team: who may book time on a project (besides its manager and task assignees)
create table project_member (
    project_id uuid        not null references project (id),
    person_id  uuid        not null references person (id),
    added_at   timestamptz not null,
    primary key (project_id, person_id)
);

-- one row per person and ISO week once something happened to the week (submitted, approved, rejected)
create table timesheet (
    person_id        uuid         not null references person (id),
    iso_week         varchar(8)   not null,
    status           varchar(16)  not null,
    submitted_at     timestamptz,
    decided_at       timestamptz,
    decided_by       varchar(100),
    rejection_comment varchar(2000),
    version          bigint       not null,
    primary key (person_id, iso_week)
);

create table time_entry (
    id            uuid          primary key,
    person_id     uuid          not null references person (id),
    project_id    uuid          not null references project (id),
    task_id       uuid          references project_task (id),
    work_date     date          not null,
    iso_week      varchar(8)    not null,
    minutes       integer       not null check (minutes > 0 and minutes <= 1440),
    start_time    time,
    end_time      time,
    notes         varchar(4000) not null,
    billable      boolean       not null,
    status        varchar(16)   not null,
    bill_rate     numeric(12, 2),
    cost_rate     numeric(12, 2),
    origin        varchar(8)    not null,
    import_key    varchar(64),
    external_id   varchar(64),
    created_at    timestamptz   not null,
    updated_at    timestamptz   not null,
    version       bigint        not null,
    check (status not in ('APPROVED', 'INVOICED') or (bill_rate is not null and cost_rate is not null))
);
create index time_entry_person_date_idx on time_entry (person_id, work_date);
create index time_entry_person_week_idx on time_entry (person_id, iso_week);
create index time_entry_project_status_idx on time_entry (project_id, status);
-- re-importing the same file, or the same QBO time activity arriving twice, creates nothing new
create unique index time_entry_import_key_uq on time_entry (import_key) where import_key is not null;
create unique index time_entry_external_id_uq on time_entry (external_id) where external_id is not null;

-- at most one running timer per person: the primary key says so
create table running_timer (
    person_id  uuid          primary key references person (id),
    project_id uuid          not null references project (id),
    task_id    uuid          references project_task (id),
    notes      varchar(4000) not null,
    started_at timestamptz   not null
);

-- budget alerts sent, once per project and threshold
create table budget_alert (
    project_id uuid        not null references project (id),
    threshold  integer     not null,
    sent_at    timestamptz not null,
    primary key (project_id, threshold)
);
