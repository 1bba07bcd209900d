package com.ledgerflow.accounting.qbo;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.ledgerflow.accounting.AccountingChange;
import com.ledgerflow.accounting.AccountingPerson;
import com.ledgerflow.accounting.AccountingRejected;
import com.ledgerflow.accounting.AccountingSystem;
import com.ledgerflow.accounting.BillableExpenseEntry;
import com.ledgerflow.accounting.ChangesPage;
import com.ledgerflow.accounting.ExternalPayment;
import com.ledgerflow.accounting.ExternalPurchase;
import com.ledgerflow.accounting.ExternalRef;
import com.ledgerflow.accounting.ExternalTimeActivity;
import com.ledgerflow.accounting.InvoiceDraft;
import com.ledgerflow.accounting.InvoiceStatus;
import com.ledgerflow.accounting.InvoiceWriteOff;
import com.ledgerflow.accounting.Money;
import com.ledgerflow.accounting.PaymentEntry;
import com.ledgerflow.accounting.PostedInvoice;
import com.ledgerflow.accounting.PushOutcome;
import com.ledgerflow.accounting.TimeActivityEntry;
import com.ledgerflow.client.Address;
import com.ledgerflow.client.Client;
import com.ledgerflow.project.Project;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * QuickBooks Online as the book of record: a client is a {@code Customer}, a project a sub-customer job under it
 * ({@code Job=true}, {@code ParentRef}, {@code BillWithParent}). Creates carry a {@code requestid} derived from the
 * local record, so a push repeated after a crash returns the customer created the first time. Time becomes
 * {@code TimeActivity} (many at once through {@code /batch}, 30 per request), expenses a {@code Purchase} on the job,
 * invoices an {@code Invoice} with {@code SalesItemLineDetail} lines and its {@code InvoiceLink}, a write-off a
 * {@code CreditMemo} on the bad-debt item applied to the invoice by a {@code Payment} of 0, a payment recorded in
 * Ledgerflow a {@code Payment} linked to its invoice; changes come from
 * {@code /cdc}.
 */
@Component
@ConditionalOnProperty(name = "ledgerflow.accounting.provider", havingValue = "qbo")
class QboAccountingSystem implements AccountingSystem {

	private static final List<String> CDC_ENTITIES = List.of(AccountingChange.PAYMENT, AccountingChange.INVOICE,
			AccountingChange.TIME_ACTIVITY, AccountingChange.PURCHASE);

	/** QBO answers changes of the last 30 days at most (an hour of margin for clock skew). */
	private static final Duration MAX_CDC_LOOKBACK = Duration.ofDays(30).minusHours(1);

	private static final String OBJECT_NOT_FOUND = "610";

	private static final Map<String, String> INCLUDE_LINK = Map.of("include", "invoiceLink");

	private final QboClient qbo;

	QboAccountingSystem(QboClient qbo) {
		this.qbo = qbo;
	}

	@Override
	public String name() {
		return "qbo";
	}

	@Override
	public ExternalRef pushCustomer(Client client, Optional<ExternalRef> existing) {
		return pushCustomer(client, existing, 0);
	}

	// requestid: the same for a repeated push (QBO replays the original answer), a new one after each refusal
	@Override
	public ExternalRef pushCustomer(Client client, Optional<ExternalRef> existing, int rejectedBefore) {
		String key = "customer:" + compact(client.id()) + generation(rejectedBefore);
		QboCustomer.EmailAddress email = email(client);
		QboCustomer.PhysicalAddress address = address(client.address());
		String displayName = displayName(client.name());
		if (existing.isEmpty()) {
			QboCustomer created = qbo.create(QboCustomer.ENTITY,
					new QboCustomer(null, null, null, displayName, email, address,
							QboCustomer.Ref.to(client.currency().getCurrencyCode()), null, null, null, null),
					key + ":create", QboCustomer.class);
			return ref(created);
		}
		return ref(qbo.update(QboCustomer.ENTITY, existing.get().value(),
				key + ":v" + client.version(), QboCustomer.class,
				current -> Objects.equals(current.displayName(), displayName)
						&& Objects.equals(current.primaryEmailAddr(), email)
						&& Objects.equals(current.billAddr(), address) ? Optional.empty()
								: Optional.of(QboCustomer.sparseUpdateOf(current)
									.withDisplayName(displayName)
									.withContact(email, address))));
	}

	@Override
	public ExternalRef pushProject(Project project, ExternalRef customer, Optional<ExternalRef> existing) {
		return pushProject(project, customer, existing, 0);
	}

	@Override
	public ExternalRef pushProject(Project project, ExternalRef customer, Optional<ExternalRef> existing,
			int rejectedBefore) {
		String key = "job:" + compact(project.id()) + generation(rejectedBefore);
		String displayName = displayName(project.code() + " " + project.name());
		if (existing.isEmpty()) {
			QboCustomer created = qbo.create(QboCustomer.ENTITY,
					new QboCustomer(null, null, null, displayName, null, null, null, true,
							QboCustomer.Ref.to(customer.value()), true, null),
					key + ":create", QboCustomer.class);
			return ref(created);
		}
		return ref(qbo.update(QboCustomer.ENTITY, existing.get().value(),
				key + ":v" + project.version(), QboCustomer.class,
				current -> Objects.equals(current.displayName(), displayName) ? Optional.empty()
						: Optional.of(QboCustomer.sparseUpdateOf(current).withDisplayName(displayName))));
	}

	@Override
	public void closeProject(ExternalRef project) {
		qbo.update(QboCustomer.ENTITY, project.value(), "job:" + project.value() + ":close", QboCustomer.class,
				current -> Boolean.FALSE.equals(current.active()) ? Optional.empty()
						: Optional.of(QboCustomer.sparseUpdateOf(current).withActive(false)));
	}

	@Override
	public ExternalRef upsertServiceItem(String name, String incomeAccountRef) {
		String clean = displayName(name);
		return qbo.query(QboItem.ENTITY, "Name = " + QboClient.quote(clean), QboItem.class)
			.stream()
			.findFirst()
			.map(QboAccountingSystem::ref)
			.orElseGet(() -> ref(qbo.create(QboItem.ENTITY, QboItem.service(clean, incomeAccountRef),
					"item:" + clean + ":create", QboItem.class)));
	}

	@Override
	public ExternalRef upsertEmployee(AccountingPerson person) {
		String clean = displayName(person.displayName());
		return qbo.query(QboEmployee.ENTITY, "DisplayName = " + QboClient.quote(clean), QboEmployee.class)
			.stream()
			.findFirst()
			.map(QboAccountingSystem::ref)
			.orElseGet(() -> ref(qbo.create(QboEmployee.ENTITY,
					new QboEmployee(null, null, person.givenName(), person.familyName(), clean,
							person.email() == null ? null : new QboCustomer.EmailAddress(person.email())),
					"employee:" + clean + ":create", QboEmployee.class)));
	}

	@Override
	public ExternalRef upsertVendor(String displayName) {
		String clean = displayName(displayName);
		return qbo.query(QboVendor.ENTITY, "DisplayName = " + QboClient.quote(clean), QboVendor.class)
			.stream()
			.findFirst()
			.map(QboAccountingSystem::ref)
			.orElseGet(() -> ref(qbo.create(QboVendor.ENTITY, new QboVendor(null, null, clean),
					"vendor:" + clean + ":create", QboVendor.class)));
	}

	@Override
	public ExternalRef pushTimeActivity(TimeActivityEntry entry) {
		return pushTimeActivity(entry, 0);
	}

	@Override
	public ExternalRef pushTimeActivity(TimeActivityEntry entry, int rejectedBefore) {
		return ref(qbo.create(QboTimeActivity.ENTITY, QboTimeActivity.of(entry),
				"time:" + compact(entry.localId()) + generation(rejectedBefore) + ":create", QboTimeActivity.class));
	}

	// one /batch per 30 entries; its requestid derives from the entries' ids, so a repeated chunk is replayed
	@Override
	public List<PushOutcome> pushTimeActivities(List<TimeActivityEntry> entries) {
		List<PushOutcome> outcomes = new ArrayList<>(entries.size());
		for (int from = 0; from < entries.size(); from += QboClient.MAX_BATCH_ITEMS) {
			List<TimeActivityEntry> chunk = entries.subList(from,
					Math.min(entries.size(), from + QboClient.MAX_BATCH_ITEMS));
			StringBuilder key = new StringBuilder("time-batch");
			chunk.forEach(entry -> key.append(':').append(compact(entry.localId())));
			outcomes.addAll(pushTimeActivities(chunk, key.toString()));
		}
		return outcomes;
	}

	@Override
	public int timeActivityBatchSize() {
		return QboClient.MAX_BATCH_ITEMS;
	}

	// QBO replays a /batch by its requestid alone: the first answer holds an item for every entry sent then (bId)
	@Override
	public List<PushOutcome> pushTimeActivities(List<TimeActivityEntry> entries, String batchKey) {
		if (entries.size() > QboClient.MAX_BATCH_ITEMS) {
			throw new IllegalArgumentException(
					"A QBO batch takes at most " + QboClient.MAX_BATCH_ITEMS + " items, not " + entries.size());
		}
		List<QboClient.BatchOperation> operations = entries.stream()
			.map(entry -> new QboClient.BatchOperation(compact(entry.localId()), "create", QboTimeActivity.ENTITY,
					QboTimeActivity.of(entry)))
			.toList();
		Map<String, QboClient.BatchItem> answers = new HashMap<>();
		qbo.batch(operations, batchKey).forEach(item -> answers.put(item.bId(), item));
		return entries.stream().map(entry -> outcome(entry.localId(), answers.get(compact(entry.localId())))).toList();
	}

	// a deleted time activity reads as QBO's fault 610, Object Not Found
	@Override
	public Optional<ExternalTimeActivity> readTimeActivity(ExternalRef timeActivity) {
		try {
			return Optional.of(qbo.read(QboTimeActivity.ENTITY, timeActivity.value(), QboTimeActivity.class)
				.toExternal());
		}
		catch (AccountingRejected rejected) {
			if (OBJECT_NOT_FOUND.equals(rejected.code())) {
				return Optional.empty();
			}
			throw rejected;
		}
	}

	// a deleted payment reads as QBO's fault 610, Object Not Found
	@Override
	public Optional<ExternalPayment> readPayment(ExternalRef payment) {
		try {
			return Optional.of(qbo.read(QboPayment.ENTITY, payment.value(), QboPayment.class).toExternal());
		}
		catch (AccountingRejected rejected) {
			if (OBJECT_NOT_FOUND.equals(rejected.code())) {
				return Optional.empty();
			}
			throw rejected;
		}
	}

	// a deleted purchase reads as QBO's fault 610, Object Not Found
	@Override
	public Optional<ExternalPurchase> readPurchase(ExternalRef purchase) {
		try {
			return Optional.of(qbo.read(QboPurchase.ENTITY, purchase.value(), QboPurchase.class).toExternal());
		}
		catch (AccountingRejected rejected) {
			if (OBJECT_NOT_FOUND.equals(rejected.code())) {
				return Optional.empty();
			}
			throw rejected;
		}
	}

	@Override
	public ExternalRef pushBillableExpense(BillableExpenseEntry entry) {
		return pushBillableExpense(entry, 0);
	}

	@Override
	public ExternalRef pushBillableExpense(BillableExpenseEntry entry, int rejectedBefore) {
		return ref(qbo.create(QboPurchase.ENTITY, QboPurchase.of(entry),
				"expense:" + compact(entry.localId()) + generation(rejectedBefore) + ":create", QboPurchase.class));
	}

	@Override
	public PostedInvoice createInvoice(InvoiceDraft draft) {
		return createInvoice(draft, 0);
	}

	@Override
	public PostedInvoice createInvoice(InvoiceDraft draft, int rejectedBefore) {
		QboInvoice invoice = qbo.write(QboInvoice.ENTITY, QboInvoice.of(draft),
				"invoice:" + compact(draft.localId()) + generation(rejectedBefore) + ":create", INCLUDE_LINK,
				QboInvoice.class);
		InvoiceStatus status = status(invoice);
		return new PostedInvoice(status.id(), status.docNumber(), status.total(), status.balance(),
				status.paymentLink());
	}

	@Override
	public void voidInvoice(UUID localId, ExternalRef invoice) {
		QboInvoice current = qbo.read(QboInvoice.ENTITY, invoice.value(), QboInvoice.class);
		if (current.voided()) {
			return;
		}
		qbo.write(QboInvoice.ENTITY, QboInvoice.voidOf(current), "invoice:" + compact(localId) + ":void",
				Map.of("operation", "void"), QboInvoice.class);
	}

	// the usual QuickBooks bad-debt write-off: a credit memo on the bad-debt item, applied by a payment of 0. Both
	// writes are keyed by the invoice, so a retry after either one replays it instead of booking it twice.
	@Override
	public ExternalRef writeOffInvoice(InvoiceWriteOff writeOff) {
		QboInvoice invoice = qbo.read(QboInvoice.ENTITY, writeOff.invoice().value(), QboInvoice.class);
		String key = "writeoff:" + compact(writeOff.localId());
		QboCreditMemo memo = qbo.create(QboCreditMemo.ENTITY, QboCreditMemo.writeOff(writeOff, invoice),
				key + ":memo", QboCreditMemo.class);
		QboPayment applied = qbo.write(QboPayment.ENTITY,
				QboCreditApplication.of(invoice, memo, Money.round(writeOff.amount()), writeOff.date()),
				key + ":apply", Map.of(), QboPayment.class);
		return ref(applied);
	}

	// the applied part pays what the invoice still owes in QuickBooks (nothing once written off or voided there), the
	// rest stays the customer's unapplied credit; keyed by the Ledgerflow payment, so a retry replays the first booking
	@Override
	public ExternalRef pushPayment(PaymentEntry payment, ExternalRef invoice, int rejectedBefore) {
		QboInvoice current = qbo.read(QboInvoice.ENTITY, invoice.value(), QboInvoice.class);
		BigDecimal open = status(current).open().max(BigDecimal.ZERO);
		BigDecimal applied = Money.exact(payment.appliedAmount()).min(open);
		return ref(qbo.write(QboPayment.ENTITY,
				QboCustomerPayment.of(new PaymentEntry(payment.localId(), payment.localInvoiceId(),
						Money.exact(payment.amount()), applied, payment.date(), payment.reference()), current, applied),
				"payment:" + compact(payment.localId()) + generation(rejectedBefore) + ":create", Map.of(),
				QboPayment.class));
	}

	@Override
	public InvoiceStatus readInvoice(ExternalRef invoice) {
		return status(qbo.read(QboInvoice.ENTITY, invoice.value(), INCLUDE_LINK, QboInvoice.class));
	}

	// cursor: QBO's own clock ("time") of the last answer, so the next call misses nothing committed in between
	@Override
	public ChangesPage changesSince(@Nullable String cursor) {
		String changedSince = cursor != null && !cursor.isBlank() ? cursor
				: OffsetDateTime.now(ZoneOffset.UTC).minus(MAX_CDC_LOOKBACK).toString();
		JsonNode root = qbo.changes(CDC_ENTITIES, changedSince);
		List<AccountingChange> changes = new ArrayList<>();
		for (JsonNode cdc : root.path("CDCResponse")) {
			for (JsonNode response : cdc.path("QueryResponse")) {
				for (Iterator<Map.Entry<String, JsonNode>> fields = response.fields(); fields.hasNext();) {
					Map.Entry<String, JsonNode> field = fields.next();
					if (!CDC_ENTITIES.contains(field.getKey())) {
						continue;
					}
					for (JsonNode entity : field.getValue()) {
						changes.add(change(field.getKey(), entity));
					}
				}
			}
		}
		changes.sort(Comparator.comparing(AccountingChange::updatedAt));
		String next = root.path("time").asText("");
		return new ChangesPage(changes, next.isBlank() ? changedSince : next);
	}

	private static AccountingChange change(String entity, JsonNode node) {
		String created = node.path("MetaData").path("CreateTime").asText("");
		String updated = node.path("MetaData").path("LastUpdatedTime").asText(created);
		String operation;
		if ("Deleted".equals(node.path("status").asText())) {
			operation = "Delete";
		}
		else if (AccountingChange.INVOICE.equals(entity)
				&& QboInvoice.VOIDED.equals(node.path("PrivateNote").asText())) {
			operation = "Void";
		}
		else {
			operation = created.equals(updated) ? "Create" : "Update";
		}
		Instant at = updated.isBlank() ? Instant.EPOCH : OffsetDateTime.parse(updated).toInstant();
		return new AccountingChange(entity, new ExternalRef(node.path("Id").asText()), operation, at);
	}

	private static PushOutcome outcome(UUID localId, QboClient.@Nullable BatchItem answer) {
		if (answer == null) {
			throw new QboUnavailable("QuickBooks answered the batch without item " + compact(localId));
		}
		if (answer.fault() != null) {
			QboFault.Error fault = answer.fault();
			return PushOutcome.rejected(localId,
					new AccountingRejected(fault.code() == null ? "Fault" : fault.code(),
							fault.message() == null ? "" : fault.message(),
							fault.detail() == null ? "" : fault.detail()));
		}
		JsonNode entity = answer.node().path(QboTimeActivity.ENTITY);
		if (!entity.hasNonNull("Id")) {
			throw new QboUnavailable("QuickBooks answered batch item " + answer.bId() + " without an Id: "
					+ answer.node());
		}
		return PushOutcome.pushed(localId, new ExternalRef(entity.path("Id").asText()));
	}

	private static InvoiceStatus status(QboInvoice invoice) {
		BigDecimal total = amount(invoice.totalAmt());
		BigDecimal balance = amount(invoice.balance());
		URI link = invoice.invoiceLink() == null || invoice.invoiceLink().isBlank() ? null
				: URI.create(invoice.invoiceLink());
		return new InvoiceStatus(ref(invoice), invoice.docNumber() == null ? "" : invoice.docNumber(), total, balance,
				invoice.voided(), link);
	}

	private static BigDecimal amount(@Nullable BigDecimal amount) {
		return Money.round(amount == null ? BigDecimal.ZERO : amount);
	}

	private static ExternalRef ref(QboEntity entity) {
		return new ExternalRef(Objects.requireNonNull(entity.id(), "QuickBooks returned an entity without Id"));
	}

	private static ExternalRef ref(QboCustomer customer) {
		return new ExternalRef(Objects.requireNonNull(customer.id(), "QuickBooks returned a customer without Id"));
	}

	// QBO refuses colons in names (they separate parent and job in FullyQualifiedName)
	private static String displayName(String name) {
		return name.strip().replace(':', '-');
	}

	// QBO takes one address field; several addresses go comma-separated
	private static QboCustomer.@Nullable EmailAddress email(Client client) {
		return client.billingEmails().isEmpty() ? null
				: new QboCustomer.EmailAddress(String.join(",", client.billingEmails()));
	}

	private static QboCustomer.@Nullable PhysicalAddress address(@Nullable Address address) {
		return address == null ? null
				: new QboCustomer.PhysicalAddress(address.line1(), address.line2(), address.city(),
						address.postalCode(), address.region(), address.country());
	}

	private static String generation(int rejectedBefore) {
		return rejectedBefore == 0 ? "" : ":r" + rejectedBefore;
	}

	// requestid holds at most 50 characters: the id without dashes keeps the key readable and short
	private static String compact(java.util.UUID id) {
		return id.toString().replace("-", "");
	}

}
