-- Clients, people, projects, tasks, milestones, rate card; the accounting id map and the local ledger.
create table client (
    id                 uuid primary key,
    name               varchar(200)  not null,
    currency           varchar(3)    not null,
    payment_terms_days integer       not null check (payment_terms_days between 0 and 365),
    tax_rate           numeric(6, 3) not null check (tax_rate >= 0 and tax_rate <= 100),
    address_line1      varchar(200),
    address_line2      varchar(200),
    city               varchar(100),
    postal_code        varchar(20),
    region             varchar(100),
    country            varchar(2),
    created_at         timestamp with time zone not null,
    version            bigint        not null
);
create unique index client_name_uq on client (lower(name));

create table client_billing_email (
    client_id uuid         not null references client (id) on delete cascade,
    position  integer      not null,
    email     varchar(320) not null,
    primary key (client_id, position)
);

create table person (
    id                uuid primary key,
    name              varchar(200)   not null,
    email             varchar(320)   not null,
    user_id           varchar(64)    not null,
    cost_rate         numeric(12, 2) not null check (cost_rate >= 0),
    default_bill_rate numeric(12, 2) not null check (default_bill_rate >= 0),
    active            boolean        not null,
    created_at        timestamp with time zone not null,
    version           bigint         not null
);
create unique index person_email_uq on person (lower(email));
create unique index person_user_id_uq on person (user_id);

create table project (
    id              uuid primary key,
    client_id       uuid           not null references client (id),
    code            varchar(30)    not null,
    name            varchar(200)   not null,
    billing_model   varchar(30)    not null,
    billing_cycle   varchar(30)    not null,
    budget_hours    numeric(10, 2) check (budget_hours >= 0),
    budget_amount   numeric(14, 2) check (budget_amount >= 0),
    retainer_amount numeric(14, 2) check (retainer_amount > 0),
    status          varchar(30)    not null,
    manager_id      uuid           not null references person (id),
    created_at      timestamp with time zone not null,
    version         bigint         not null
);
create unique index project_code_uq on project (code);
create index project_client_idx on project (client_id);

create table project_task (
    id             uuid primary key,
    project_id     uuid         not null references project (id),
    name           varchar(200) not null,
    assignee_id    uuid references person (id),
    due_date       date,
    priority       varchar(20)  not null,
    estimate_hours numeric(8, 2) check (estimate_hours >= 0),
    billable       boolean      not null,
    status         varchar(20)  not null,
    created_at     timestamp with time zone not null,
    version        bigint       not null
);
create index project_task_project_idx on project_task (project_id);
create index project_task_assignee_idx on project_task (assignee_id);

create table milestone (
    id           uuid primary key,
    project_id   uuid           not null references project (id),
    name         varchar(200)   not null,
    amount       numeric(14, 2) not null check (amount > 0),
    due_date     date,
    status       varchar(20)    not null,
    completed_on date,
    created_at   timestamp with time zone not null,
    version      bigint         not null
);
create index milestone_project_idx on milestone (project_id);

-- rate card: a project+person rate, or a project-wide rate (person_id null); person default lives on person
create table project_rate (
    id         uuid primary key,
    project_id uuid           not null references project (id),
    person_id  uuid references person (id),
    bill_rate  numeric(12, 2) not null check (bill_rate >= 0),
    version    bigint         not null
);
create unique index project_rate_person_uq on project_rate (project_id, person_id) where person_id is not null;
create unique index project_rate_project_uq on project_rate (project_id) where person_id is null;

-- local <-> external ids per accounting system (idempotency of every push)
create table external_link (
    id            uuid primary key,
    system        varchar(20)  not null,
    entity_type   varchar(30)  not null,
    local_id      uuid         not null,
    external_id   varchar(100) not null,
    synced_at     timestamp with time zone not null,
    unique (system, entity_type, local_id)
);

-- the built-in ledger of the 'local' accounting provider
create table local_ledger_customer (
    id           varchar(40) primary key,
    parent_id    varchar(40) references local_ledger_customer (id),
    display_name varchar(300) not null,
    job          boolean      not null,
    active       boolean      not null,
    created_at   timestamp with time zone not null
);
