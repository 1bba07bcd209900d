package com.ledgerflow.accounting;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

import com.ledgerflow.client.Client;
import com.ledgerflow.client.ClientService;
import com.ledgerflow.project.Project;
import com.ledgerflow.project.ProjectService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps clients and projects in the accounting system, exactly once: the external id of every pushed record is kept
 * in {@code external_link}, so a retry updates what exists instead of creating a second one. A failed push is recorded
 * on the link (error, attempts) in its own transaction, so it survives the caller's rollback; a success clears it.
 */
@Service
public class AccountingSync {

	static final String CUSTOMER = "CUSTOMER";

	static final String PROJECT = "PROJECT";

	static final String TIME_ACTIVITY = "TIME_ACTIVITY";

	static final String EXPENSE = "EXPENSE";

	static final String INVOICE = "INVOICE";

	static final String EMPLOYEE = "EMPLOYEE";

	static final String SERVICE_ITEM = "SERVICE_ITEM";

	static final String VENDOR = "VENDOR";

	/** A write-off of an invoice's open balance, keyed by the invoice's id; its ref is what settles the invoice. */
	static final String WRITE_OFF = "WRITE_OFF";

	/** A payment recorded in Ledgerflow and booked in accounting, keyed by the payment's id. */
	static final String PAYMENT = "PAYMENT";

	/** The service item a write-off is booked on (QBO's usual "Bad debt" item). */
	static final String BAD_DEBT_ITEM = "Bad debt";

	private static final Logger log = LoggerFactory.getLogger(AccountingSync.class);

	private final AccountingSystem accounting;

	private final ExternalLinkRepository links;

	private final ClientService clients;

	private final ProjectService projects;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	private final String badDebtAccountRef;

	AccountingSync(AccountingSystem accounting, ExternalLinkRepository links, ClientService clients,
			ProjectService projects, Clock clock, PlatformTransactionManager transactions,
			@Value("${ledgerflow.accounting.bad-debt-account:1}") String badDebtAccountRef) {
		this.accounting = accounting;
		this.links = links;
		this.clients = clients;
		this.projects = projects;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.badDebtAccountRef = badDebtAccountRef;
	}

	/**
	 * Ensures the project's client and the project itself exist in accounting; idempotent. A refusal
	 * ({@link AccountingRejected}) leaves the caller's transaction committable: the process routes on it.
	 */
	@Transactional(noRollbackFor = AccountingRejected.class)
	public ExternalRef setUpProject(UUID projectId) {
		Project project = projects.get(projectId);
		Client client = clients.get(project.clientId());
		ExternalRef customer = push(CUSTOMER, client.id(),
				(existing, rejected) -> accounting.pushCustomer(client, existing, rejected));
		return push(PROJECT, project.id(),
				(existing, rejected) -> accounting.pushProject(project, customer, existing, rejected));
	}

	/**
	 * Closes the project's job in accounting (setting it up first if it never was) and the project itself. A failed
	 * close is recorded on the project's link, so the sync page lists a refusal with the system's message.
	 */
	@Transactional(noRollbackFor = AccountingRejected.class)
	public void closeProject(UUID projectId) {
		ExternalRef job = setUpProject(projectId);
		try {
			accounting.closeProject(job);
		}
		catch (AccountingRejected rejected) {
			// this transaction commits (noRollbackFor) with the link setUpProject just saved: recorded in its own
			// transaction instead, the failure would be overwritten by that commit
			link(PROJECT, projectId).ifPresent(link -> link.failed(describe(rejected), true, clock.instant()));
			throw rejected;
		}
		catch (RuntimeException ex) {
			recordFailure(PROJECT, projectId, ex);
			throw ex;
		}
		projects.close(projectId);
	}

	/** Ensures the client exists in accounting as a customer (and is up to date); idempotent. */
	@Transactional(noRollbackFor = AccountingRejected.class)
	public ExternalRef pushClient(UUID clientId) {
		Client client = clients.get(clientId);
		return push(CUSTOMER, client.id(),
				(existing, rejected) -> accounting.pushCustomer(client, existing, rejected));
	}

	/** Ensures the person exists in accounting as an employee (QBO: {@code Employee}); pushed once, then reused. */
	@Transactional(noRollbackFor = AccountingRejected.class)
	public ExternalRef pushEmployee(UUID personId, AccountingPerson person) {
		return push(EMPLOYEE, personId,
				(existing, rejected) -> existing.orElseGet(() -> accounting.upsertEmployee(person)));
	}

	/**
	 * Ensures a service item of that name exists (QBO: {@code Item} of type {@code Service} booking to
	 * {@code incomeAccountRef}); one link per name, case-insensitive.
	 */
	@Transactional(noRollbackFor = AccountingRejected.class)
	public ExternalRef pushServiceItem(String name, String incomeAccountRef) {
		UUID id = UUID.nameUUIDFromBytes(("service-item:" + name.strip().toLowerCase(Locale.ROOT))
			.getBytes(StandardCharsets.UTF_8));
		return push(SERVICE_ITEM, id, (existing, rejected) -> existing
			.orElseGet(() -> accounting.upsertServiceItem(name.strip(), incomeAccountRef)));
	}

	/** Ensures a vendor of that display name exists (QBO: {@code Vendor}); one link per name, case-insensitive. */
	@Transactional(noRollbackFor = AccountingRejected.class)
	public ExternalRef pushVendor(String displayName) {
		UUID id = UUID.nameUUIDFromBytes(
				("vendor:" + displayName.strip().toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
		return push(VENDOR, id,
				(existing, rejected) -> existing.orElseGet(() -> accounting.upsertVendor(displayName.strip())));
	}

	/** The external id of the expense, when it is booked in accounting. */
	@Transactional(readOnly = true)
	public Optional<String> syncedExpense(UUID localId) {
		return externalRef(EXPENSE, localId).map(ExternalRef::value);
	}

	/** The external ids of those of the time entries that are booked in accounting. */
	@Transactional(readOnly = true)
	public Map<UUID, String> syncedTimeActivities(Collection<UUID> localIds) {
		return syncedIds(TIME_ACTIVITY, localIds);
	}

	private Map<UUID, String> syncedIds(String entityType, Collection<UUID> localIds) {
		Map<UUID, String> synced = new LinkedHashMap<>();
		if (localIds.isEmpty()) {
			return synced;
		}
		links.findBySystemAndEntityTypeAndLocalIdIn(accounting.name(), entityType, localIds)
			.forEach(link -> link.ref().ifPresent(ref -> synced.put(link.localId(), ref.value())));
		return synced;
	}

	/**
	 * Books the time entries in accounting, each once: entries booked before keep their ref and are not pushed again;
	 * the others go out together (QBO: batches of 30, each entry always in the same batch under the same key, see
	 * {@link #batches}), except entries refused before, which are pushed one by one under a new key. One outcome per entry, in order; a refused entry is recorded on its link (the sync page shows
	 * it) and does not stop the others.
	 */
	@Transactional
	public List<PushOutcome> pushTimeActivities(List<TimeActivityEntry> entries) {
		Map<UUID, PushOutcome> outcomes = new LinkedHashMap<>();
		Map<UUID, TimeActivityEntry> unsynced = new LinkedHashMap<>();
		for (TimeActivityEntry entry : entries) {
			if (outcomes.containsKey(entry.localId()) || unsynced.containsKey(entry.localId())) {
				continue; // the same entry twice in one call is pushed once
			}
			Optional<ExternalLink> link = link(TIME_ACTIVITY, entry.localId());
			Optional<ExternalRef> ref = link.flatMap(ExternalLink::ref);
			if (ref.isPresent()) {
				outcomes.put(entry.localId(), PushOutcome.pushed(entry.localId(), ref.get()));
			}
			else if (link.map(ExternalLink::rejections).orElse(0) > 0) {
				outcomes.put(entry.localId(), pushAgain(entry, link.get().rejections()));
			}
			else {
				unsynced.put(entry.localId(), entry);
			}
		}
		List<TimeActivityEntry> fresh = List.copyOf(unsynced.values());
		for (Map.Entry<String, List<TimeActivityEntry>> batch : batches(fresh).entrySet()) {
			List<PushOutcome> pushed;
			try {
				pushed = accounting.pushTimeActivities(batch.getValue(), batch.getKey());
			}
			catch (RuntimeException ex) {
				fresh.forEach(entry -> recordFailure(TIME_ACTIVITY, entry.localId(), ex));
				throw ex;
			}
			pushed.forEach(outcome -> {
				recorded(TIME_ACTIVITY, outcome);
				outcomes.put(outcome.localId(), outcome);
			});
		}
		return entries.stream().map(entry -> outcomes.get(entry.localId())).toList();
	}

	/**
	 * The batches to send, by key. An entry sent before without a committed answer (a crash, a technical failure
	 * after an earlier batch went through) goes again in its first batch under that batch's key, so the accounting
	 * system answers what it booked then, whatever order or company the entry comes in now. The other entries are
	 * cut into new batches in their order; their keys are stored (own transaction) before anything is sent.
	 */
	private Map<String, List<TimeActivityEntry>> batches(List<TimeActivityEntry> fresh) {
		Map<String, List<TimeActivityEntry>> batches = new LinkedHashMap<>();
		List<TimeActivityEntry> loose = new ArrayList<>();
		for (TimeActivityEntry entry : fresh) {
			Optional<String> key = link(TIME_ACTIVITY, entry.localId()).flatMap(ExternalLink::batchKey);
			if (key.isPresent()) {
				batches.computeIfAbsent(key.get(), k -> new ArrayList<>()).add(entry);
			}
			else {
				loose.add(entry);
			}
		}
		Map<String, List<TimeActivityEntry>> cut = new LinkedHashMap<>();
		int size = accounting.timeActivityBatchSize();
		for (int from = 0; from < loose.size(); from += size) {
			cut.put("time-batch:" + UUID.randomUUID(), List.copyOf(loose.subList(from, Math.min(loose.size(), from + size))));
		}
		if (!cut.isEmpty()) {
			ownTransaction.executeWithoutResult(status -> cut.forEach((key, batch) -> batch.forEach(entry -> {
				ExternalLink link = link(TIME_ACTIVITY, entry.localId())
					.orElseGet(() -> new ExternalLink(accounting.name(), TIME_ACTIVITY, entry.localId()));
				link.inBatch(key);
				links.save(link);
			})));
		}
		batches.putAll(cut);
		return batches;
	}

	/** Books the expense in accounting once (QBO: a {@code Purchase} on the job); returns its ref. */
	@Transactional
	public ExternalRef pushBillableExpense(BillableExpenseEntry entry) {
		return push(EXPENSE, entry.localId(), (existing, rejected) -> existing
			.orElseGet(() -> accounting.pushBillableExpense(entry, rejected)));
	}

	/**
	 * Posts the invoice in accounting exactly once: a posted invoice is read back without posting again (so its payment
	 * link comes along); a post repeated after a crash between the system's answer and the commit reuses the first
	 * post's key, so the system answers the invoice it created then (QBO {@code requestid} replay).
	 */
	@Transactional
	public PostedInvoice postInvoice(InvoiceDraft draft) {
		Optional<ExternalRef> posted = externalRef(INVOICE, draft.localId());
		if (posted.isPresent()) {
			return PostedInvoice.of(accounting.readInvoice(posted.get()));
		}
		PostedInvoice[] created = new PostedInvoice[1];
		push(INVOICE, draft.localId(), (existing, rejected) -> {
			created[0] = accounting.createInvoice(draft, rejected);
			return created[0].id();
		});
		return created[0];
	}

	/** Voids the posted invoice in accounting; a failure is recorded on its link. */
	@Transactional
	public void voidInvoice(UUID localInvoiceId) {
		ExternalRef ref = posted(localInvoiceId);
		try {
			accounting.voidInvoice(localInvoiceId, ref);
		}
		catch (RuntimeException ex) {
			recordFailure(INVOICE, localInvoiceId, ex);
			throw ex;
		}
	}

	/**
	 * Writes {@code amount} off the posted invoice as bad debt, once per invoice: the write-off is linked
	 * ({@code WRITE_OFF}, keyed by the invoice's id), so a repeat books nothing and returns the first write-off; a
	 * failure is recorded on that link like any push. Never more than accounting still holds open (a payment recorded
	 * only in Ledgerflow is not written off there); empty when nothing is left to write off. The bad-debt item
	 * ({@value #BAD_DEBT_ITEM}, booking to {@code ledgerflow.accounting.bad-debt-account}) is created on first use.
	 */
	@Transactional(noRollbackFor = AccountingRejected.class)
	public Optional<ExternalRef> writeOffInvoice(UUID localInvoiceId, BigDecimal amount, LocalDate date,
			String reason) {
		Optional<ExternalLink> attempted = link(WRITE_OFF, localInvoiceId);
		if (attempted.flatMap(ExternalLink::ref).isPresent()) {
			return attempted.flatMap(ExternalLink::ref);
		}
		ExternalRef invoice = posted(localInvoiceId);
		InvoiceStatus status = accounting.readInvoice(invoice);
		BigDecimal open = Money.round(amount.min(status.open()));
		if (open.signum() <= 0 && attempted.isEmpty()) {
			return Optional.empty();
		}
		// tried before (the link exists, stored before the first call): the system may have booked it and lowered the
		// balance without Ledgerflow committing the answer; the same key then replays the first write-off
		BigDecimal writeOff = open.signum() > 0 ? open : Money.round(amount);
		ExternalLink link = reserveLink(WRITE_OFF, localInvoiceId, attempted);
		ExternalRef item = pushServiceItem(BAD_DEBT_ITEM, badDebtAccountRef);
		return Optional.of(push(WRITE_OFF, link, (existing, rejected) -> existing.orElseGet(
				() -> accounting.writeOffInvoice(new InvoiceWriteOff(localInvoiceId, invoice, item, writeOff,
						date, reason)))));
	}

	/**
	 * Books the payment in accounting once, against its posted invoice: a payment booked before answers its ref and
	 * books nothing. The link row is stored (own transaction) before the first call, so the booked payment's echo
	 * from the change feed is recognised as Ledgerflow's own even before this push's answer is committed. A failure is
	 * recorded on the link like every push (the payments and sync pages show it); a refusal leaves the caller's
	 * transaction committable.
	 * @throws AccountingRejected the accounting system refused the payment
	 */
	@Transactional(noRollbackFor = AccountingRejected.class)
	public ExternalRef pushPayment(PaymentEntry payment) {
		Optional<ExternalLink> attempted = link(PAYMENT, payment.localId());
		Optional<ExternalRef> pushed = attempted.flatMap(ExternalLink::ref);
		if (pushed.isPresent()) {
			return pushed.get();
		}
		ExternalLink link = reserveLink(PAYMENT, payment.localId(), attempted);
		return push(PAYMENT, link, (existing, rejected) -> existing
			.orElseGet(() -> accounting.pushPayment(payment, posted(payment.localInvoiceId()), rejected)));
	}

	/** The posted invoice as accounting holds it now (open balance, voided). */
	@Transactional(readOnly = true)
	public InvoiceStatus invoiceStatus(UUID localInvoiceId) {
		return accounting.readInvoice(posted(localInvoiceId));
	}

	/** Payments, invoices, time activities and purchases changed in accounting after {@code cursor}. */
	public ChangesPage changesSince(@Nullable String cursor) {
		return accounting.changesSince(cursor);
	}

	@Transactional(readOnly = true)
	public Optional<ExternalRef> externalRef(String entityType, UUID localId) {
		return links.findBySystemAndEntityTypeAndLocalId(accounting.name(), entityType, localId)
			.flatMap(ExternalLink::ref);
	}

	/** Per record type, how many records are in sync and how many failed their last push (for the sync page). */
	@Transactional(readOnly = true)
	public List<SyncStatusCount> statusCounts() {
		return links.countStatusBySystem(accounting.name());
	}

	private ExternalRef push(String entityType, UUID localId,
			BiFunction<Optional<ExternalRef>, Integer, ExternalRef> call) {
		return push(entityType,
				link(entityType, localId).orElseGet(() -> new ExternalLink(accounting.name(), entityType, localId)),
				call);
	}

	// the push of the record behind {@code link} (stored or new): the call gets its ref so far and how often it was
	// refused; success is stored on the link, a failure recorded on it (own transaction)
	private ExternalRef push(String entityType, ExternalLink link,
			BiFunction<Optional<ExternalRef>, Integer, ExternalRef> call) {
		ExternalRef ref;
		try {
			ref = call.apply(link.ref(), link.rejections());
		}
		catch (RuntimeException ex) {
			recordFailure(entityType, link.localId(), ex);
			throw ex;
		}
		link.synced(ref, clock.instant());
		links.save(link);
		return ref;
	}

	// the link a push is tried under: the one stored by an earlier try, else a new one stored (own transaction) before
	// the first call, so the pushed record's echo from the change feed is recognised as Ledgerflow's own even before
	// the push's answer is committed
	private ExternalLink reserveLink(String entityType, UUID localId, Optional<ExternalLink> attempted) {
		return attempted.orElseGet(() -> ownTransaction
			.execute(tx -> links.save(new ExternalLink(accounting.name(), entityType, localId))));
	}

	private Optional<ExternalLink> link(String entityType, UUID localId) {
		return links.findBySystemAndEntityTypeAndLocalId(accounting.name(), entityType, localId);
	}

	private ExternalRef posted(UUID localInvoiceId) {
		return externalRef(INVOICE, localInvoiceId).orElseThrow(
				() -> new IllegalStateException("Invoice " + localInvoiceId + " was never posted to accounting"));
	}

	private PushOutcome pushAgain(TimeActivityEntry entry, int rejectedBefore) {
		try {
			ExternalRef ref = push(TIME_ACTIVITY, entry.localId(),
					(existing, rejected) -> accounting.pushTimeActivity(entry, rejected));
			return PushOutcome.pushed(entry.localId(), ref);
		}
		catch (AccountingRejected rejected) {
			return PushOutcome.rejected(entry.localId(), rejected);
		}
	}

	private void recorded(String entityType, PushOutcome outcome) {
		if (outcome.rejection() != null) {
			recordFailure(entityType, outcome.localId(), outcome.rejection());
			return;
		}
		ExternalLink saved = link(entityType, outcome.localId())
			.orElseGet(() -> new ExternalLink(accounting.name(), entityType, outcome.localId()));
		saved.synced(Objects.requireNonNull(outcome.ref()), clock.instant());
		links.save(saved);
	}

	// its own transaction: the caller's rolls back with the exception, the sync page must still show the failure
	private void recordFailure(String entityType, UUID localId, RuntimeException failure) {
		try {
			ownTransaction.executeWithoutResult(status -> {
				ExternalLink link = links.findBySystemAndEntityTypeAndLocalId(accounting.name(), entityType, localId)
					.orElseGet(() -> new ExternalLink(accounting.name(), entityType, localId));
				link.failed(describe(failure), failure instanceof AccountingRejected, clock.instant());
				links.save(link);
			});
		}
		catch (RuntimeException ex) {
			log.warn("Could not record the failed push of {} {}", entityType, localId, ex);
			failure.addSuppressed(ex);
		}
	}

	private static String describe(RuntimeException failure) {
		String message = failure.getMessage();
		return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
	}

}
