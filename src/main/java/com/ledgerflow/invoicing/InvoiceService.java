package com.ledgerflow.invoicing;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import com.ledgerflow.project.ProjectService;
import com.ledgerflow.shared.InvalidField;
import com.ledgerflow.shared.NotFound;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** A drafted invoice's review and life: write-offs, discounts, approval with its number, rejection, void. */
@Service
public class InvoiceService {

	private static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);

	private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

	private final InvoiceRepository invoices;

	private final BillableItems items;

	private final InvoiceNumbers numbers;

	private final ProjectService projects;

	private final Clock clock;

	private final ZoneId zone;

	InvoiceService(InvoiceRepository invoices, BillableItems items, InvoiceNumbers numbers, ProjectService projects,
			Clock clock, @Value("${ledgerflow.company.time-zone}") ZoneId zone) {
		this.invoices = invoices;
		this.items = items;
		this.numbers = numbers;
		this.projects = projects;
		this.clock = clock;
		this.zone = zone;
	}

	/** The invoice with its lines. */
	@Transactional(readOnly = true)
	public Invoice get(UUID id) {
		return invoices.findWithLinesById(id).orElseThrow(() -> new NotFound("invoice", id));
	}

	/**
	 * The invoice, its row locked until the caller's transaction ends: whoever records a payment against it holds
	 * this lock, so two payments at once never both see the old balance. Needs a running transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Invoice lockForPayment(UUID id) {
		return invoices.findLockedById(id).orElseThrow(() -> new NotFound("invoice", id));
	}

	/**
	 * What the invoice bills, by the owning modules' ids (time entries, expenses, milestones, the retainer), written-off
	 * time included with its reason: the review picks time entries to write off from here. A rejected invoice bills
	 * nothing but its written-off time.
	 */
	@Transactional(readOnly = true)
	public List<BilledItem> items(UUID id) {
		return items(get(id));
	}

	/** {@link #items(UUID)} of an invoice already at hand. */
	@Transactional(readOnly = true)
	public List<BilledItem> items(Invoice invoice) {
		return items.billedBy(invoice.id());
	}

	/** Whether any time entry on the invoice was written off (the approval routing asks finance then). */
	@Transactional(readOnly = true)
	public boolean hasWriteOff(UUID id) {
		return items.anyWrittenOff(id);
	}

	/** The invoice whose client-facing page has this token, if the client may see it (approved or later). */
	@Transactional(readOnly = true)
	public Optional<Invoice> issuedWithToken(String publicToken) {
		return invoices.findWithLinesByPublicToken(publicToken).filter(Invoice::isIssued);
	}

	/** The numbers of the invoices, by id, read in one query; a draft (no number yet) or an unknown id is left out. */
	@Transactional(readOnly = true)
	public Map<UUID, String> numbers(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return invoices.findNumbersByIdIn(ids)
			.stream()
			.collect(Collectors.toMap(InvoiceRepository.Numbered::getId, InvoiceRepository.Numbered::getNumber));
	}

	/** Invoices matching every filter given (null: any); the period filter keeps invoices overlapping it. */
	@Transactional(readOnly = true)
	public List<Invoice> list(@Nullable UUID clientId, @Nullable UUID projectId, @Nullable InvoiceStatus status,
			@Nullable LocalDate periodFrom, @Nullable LocalDate periodTo) {
		return invoices.search(clientId, projectId, status, periodFrom == null ? FIRST_DAY : periodFrom,
				periodTo == null ? LAST_DAY : periodTo);
	}

	/**
	 * DRAFT → APPROVED: numbered (gapless per year of issue, in this transaction), issued today, due after the
	 * client's terms. Publishes {@link InvoiceApproved}. Returns the number.
	 */
	@Transactional
	public String approve(UUID id) {
		Invoice invoice = get(id);
		invoice.ensureApprovable();
		LocalDate today = LocalDate.now(clock.withZone(zone));
		String number = numbers.next(today.getYear());
		invoice.approve(number, today, clock.instant());
		invoices.saveAndFlush(invoice);
		return number;
	}

	/** DRAFT → REJECTED; everything it billed is released (approved, completed, unclaimed) for the next run. */
	@Transactional
	public Invoice reject(UUID id) {
		Invoice invoice = get(id);
		invoice.reject();
		items.release(id);
		return invoices.save(invoice);
	}

	/**
	 * Writes a time entry on the draft off (reason required): the entry becomes WRITTEN_OFF, never billed, and the
	 * time lines are recomputed without it.
	 */
	@Transactional
	public Invoice writeOffTime(UUID id, UUID timeEntryId, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidField("reason", "is required to write time off");
		}
		Invoice invoice = get(id);
		invoice.ensureDraft();
		if (!items.writeOffTime(id, timeEntryId, reason.strip())) {
			throw new NotFound("time entry on invoice " + id, timeEntryId, "timeEntryId");
		}
		invoice.replaceTimeLines(items.timeLines(id, projects.get(invoice.projectId())));
		return invoices.save(invoice);
	}

	/** Adds a discount line of {@code amount} (positive, at most the subtotal) to the draft. */
	@Transactional
	public Invoice addDiscount(UUID id, String description, BigDecimal amount) {
		Invoice invoice = get(id);
		invoice.addDiscount(description, amount);
		return invoices.save(invoice);
	}

	/** Rewords a draft's line (review): the description the client reads on the invoice. */
	@Transactional
	public Invoice describeLine(UUID id, int position, String description) {
		Invoice invoice = get(id);
		invoice.describeLine(position, description);
		return invoices.save(invoice);
	}

	/** APPROVED → POSTED once booked in accounting, payable at {@code paymentLink} (the first stays); idempotent. */
	@Transactional
	public Invoice markPosted(UUID id, URI paymentLink) {
		Invoice invoice = get(id);
		invoice.posted();
		invoice.payableAt(paymentLink);
		return invoices.save(invoice);
	}

	/** POSTED → SENT once e-mailed; idempotent. */
	@Transactional
	public Invoice markSent(UUID id) {
		Invoice invoice = get(id);
		invoice.sent();
		return invoices.save(invoice);
	}

	/**
	 * POSTED or SENT → PAID, once the payments recorded against it cover its total (the payment module decides that);
	 * idempotent.
	 */
	@Transactional
	public Invoice markPaid(UUID id) {
		Invoice invoice = get(id);
		invoice.paid();
		return invoices.save(invoice);
	}

	/** Voids an approved, posted or sent invoice; it keeps its number and releases nothing. Idempotent. */
	@Transactional
	public Invoice voidInvoice(UUID id) {
		Invoice invoice = get(id);
		invoice.voided();
		return invoices.save(invoice);
	}

}
