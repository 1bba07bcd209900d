-- the built-in ledger of the 'local' accounting provider, beyond customers and jobs (V2): service items, employees,
-- vendors, time activities, expenses, invoices. Every row takes a number from local_ledger_change_seq when it is
-- written; "changes since" reads rows whose change_seq is above the caller's cursor.
create sequence local_ledger_change_seq;

create table local_ledger_item (
    id                 varchar(40)  primary key,
    name               varchar(100) not null unique,
    income_account_ref varchar(40)  not null,
    created_at         timestamp with time zone not null
);

create table local_ledger_employee (
    id           varchar(40)  primary key,
    display_name varchar(200) not null unique,
    email        varchar(200),
    created_at   timestamp with time zone not null
);

create table local_ledger_vendor (
    id           varchar(40)  primary key,
    display_name varchar(200) not null unique,
    created_at   timestamp with time zone not null
);

-- ids derive from the pushing record (T-{localId}): a repeated push finds the row it wrote
create table local_ledger_time_activity (
    id            varchar(40)   primary key,
    customer_id   varchar(40)   not null references local_ledger_customer (id),
    employee_id   varchar(40)   not null references local_ledger_employee (id),
    item_id       varchar(40)   not null references local_ledger_item (id),
    txn_date      date          not null,
    minutes       int           not null check (minutes > 0),
    hourly_rate   numeric(19,2) not null,
    billable      boolean       not null,
    description   varchar(4000) not null,
    change_seq    bigint        not null,
    updated_at    timestamp with time zone not null
);

create table local_ledger_expense (
    id                  varchar(40)   primary key,
    job_id              varchar(40)   not null references local_ledger_customer (id),
    vendor_id           varchar(40)   not null references local_ledger_vendor (id),
    txn_date            date          not null,
    amount              numeric(19,2) not null check (amount > 0),
    currency            char(3)       not null,
    expense_account_ref varchar(40)   not null,
    payment_account_ref varchar(40)   not null,
    billable            boolean       not null,
    description         varchar(4000) not null,
    change_seq          bigint        not null,
    updated_at          timestamp with time zone not null
);

-- invoice numbers until the invoicing module brings gapless numbering: {year}-{n}, n from this table per year
create table local_ledger_invoice_number (
    year int primary key,
    last int not null
);

create table local_ledger_invoice (
    id          varchar(40)   primary key,
    local_id    uuid          not null unique,
    doc_number  varchar(40)   not null unique,
    customer_id varchar(40)   not null references local_ledger_customer (id),
    issue_date  date          not null,
    due_date    date          not null,
    currency    char(3)       not null,
    total       numeric(19,2) not null,
    balance     numeric(19,2) not null,
    voided      boolean       not null default false,
    change_seq  bigint        not null,
    updated_at  timestamp with time zone not null
);

create table local_ledger_invoice_line (
    invoice_id  varchar(40)   not null references local_ledger_invoice (id),
    line_no     int           not null,
    description varchar(4000) not null,
    quantity    numeric(19,4) not null,
    unit_price  numeric(19,4) not null,
    amount      numeric(19,2) not null,
    item_id     varchar(40)   not null references local_ledger_item (id),
    taxable     boolean       not null,
    primary key (invoice_id, line_no)
);

-- payments received against local invoices (the payment issue records them; changes-since reports them)
create table local_ledger_payment (
    id          varchar(40)   primary key,
    invoice_id  varchar(40)   not null references local_ledger_invoice (id),
    amount      numeric(19,2) not null check (amount > 0),
    received_on date          not null,
    change_seq  bigint        not null,
    updated_at  timestamp with time zone not null
);
