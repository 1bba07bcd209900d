package com.ledgerflow.expense;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.ledgerflow.shared.InvalidField;
import com.ledgerflow.shared.NotFound;
import com.ledgerflow.shared.StateConflict;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records, changes, submits and decides expenses under {@link ExpenseRules}, with their receipts. Every call is all
 * or nothing: a refused receipt or a broken rule leaves neither an expense nor a receipt behind.
 */
@Service
public class ExpenseService {

	/** A receipt as uploaded: the bytes and the name the uploader gave (kept for download only). */
	public record Upload(String filename, byte[] content) {
	}

	private final ExpenseRepository expenses;

	private final ExpenseReceiptRepository receipts;

	private final ExpenseCategoryRepository categories;

	private final ExpenseRules rules;

	private final ExpenseProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ExpenseService(ExpenseRepository expenses, ExpenseReceiptRepository receipts,
			ExpenseCategoryRepository categories, ExpenseRules rules, ExpenseProperties properties,
			ApplicationEventPublisher events, Clock clock) {
		this.expenses = expenses;
		this.receipts = receipts;
		this.categories = categories;
		this.rules = rules;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/** Records a draft expense, with its receipt when given. */
	@Transactional
	public Expense create(ExpenseDetails details, @Nullable Upload receipt, ExpenseOrigin origin) {
		ExpenseReceipt stored = receipt == null ? null : store(receipt);
		Expense expense = new Expense(rules.resolve(details), origin, null, clock.instant());
		if (stored != null) {
			expense.attachReceipt(stored.id(), clock.instant());
		}
		return expenses.saveAndFlush(expense);
	}

	@Transactional
	public Expense update(UUID id, ExpenseDetails details) {
		return update(id, details, null);
	}

	/** Changes an editable expense and, when given, replaces its receipt, all or nothing. */
	@Transactional
	public Expense update(UUID id, ExpenseDetails details, @Nullable Upload receipt) {
		Expense expense = get(id);
		expense.ensureEditable();
		if (!expense.personId().equals(details.personId())) {
			throw new InvalidField("personId", "an expense stays with the person who paid it");
		}
		expense.change(rules.resolve(details), clock.instant());
		Expense saved = expenses.saveAndFlush(expense);
		return receipt == null ? saved : attachReceipt(id, receipt);
	}

	/** Attaches (or replaces) the receipt of an editable expense; the replaced receipt is removed. */
	@Transactional
	public Expense attachReceipt(UUID id, Upload receipt) {
		Expense expense = get(id);
		expense.ensureEditable();
		UUID previous = expense.receiptId();
		expense.attachReceipt(store(receipt).id(), clock.instant());
		Expense saved = expenses.saveAndFlush(expense);
		if (previous != null) {
			receipts.deleteById(previous);
		}
		return saved;
	}

	@Transactional
	public void delete(UUID id) {
		Expense expense = get(id);
		expense.ensureEditable();
		expenses.delete(expense);
		expenses.flush();
		if (expense.receiptId() != null) {
			receipts.deleteById(expense.receiptId());
		}
	}

	/** Submits a draft or rejected expense for approval ({@link ExpenseSubmitted}). */
	@Transactional
	public Expense submit(UUID id) {
		Expense expense = get(id);
		expense.submit(clock.instant());
		events.publishEvent(new ExpenseSubmitted(id));
		return expenses.save(expense);
	}

	@Transactional
	public Expense approve(UUID id, String approverUserId) {
		Expense expense = get(id);
		expense.approve(approverUserId, clock.instant());
		return expenses.save(expense);
	}

	/** Hands the expense back to its submitter with the approver's comment (required). */
	@Transactional
	public Expense reject(UUID id, String approverUserId, @Nullable String comment) {
		if (comment == null || comment.isBlank()) {
			throw new InvalidField("comment", "is required when an expense is rejected");
		}
		Expense expense = get(id);
		expense.reject(approverUserId, comment.strip(), clock.instant());
		return expenses.save(expense);
	}

	/** The project's approved billable expenses spent up to {@code upTo} (inclusive), by date. */
	@Transactional(readOnly = true)
	public List<Expense> billable(UUID projectId, LocalDate upTo) {
		return expenses.findBillable(projectId, upTo);
	}

	/** The expenses with these ids (unknown ids are left out). */
	@Transactional(readOnly = true)
	public List<Expense> getAll(Collection<UUID> ids) {
		return expenses.findAllById(ids);
	}

	/** APPROVED → INVOICED for each expense (an invoice claimed them); all or none. */
	@Transactional
	public void markInvoiced(Collection<UUID> ids) {
		expenses.findAllById(ids).forEach(expense -> expense.invoiced(clock.instant()));
	}

	/** INVOICED → APPROVED for each expense (its invoice was rejected): billable again on the next run. */
	@Transactional
	public void release(Collection<UUID> ids) {
		expenses.findAllById(ids).forEach(expense -> expense.released(clock.instant()));
	}

	@Transactional(readOnly = true)
	public Expense get(UUID id) {
		return expenses.findById(id).orElseThrow(() -> new NotFound("expense", id));
	}

	@Transactional(readOnly = true)
	public List<Expense> ofPerson(UUID personId) {
		return expenses.findByPersonIdOrderByDateDescCreatedAtDesc(personId);
	}

	@Transactional(readOnly = true)
	public ExpenseReceipt receipt(UUID expenseId) {
		Expense expense = get(expenseId);
		if (expense.receiptId() == null) {
			throw new NotFound("receipt of expense", expenseId);
		}
		return receipts.findById(expense.receiptId()).orElseThrow(() -> new NotFound("receipt", expenseId));
	}

	@Transactional(readOnly = true)
	public List<ExpenseCategory> categories() {
		return categories.findByActiveTrueOrderByName();
	}

	/** The name of a category for people to read, e.g. {@code Travel}; the code itself when it is unknown. */
	@Transactional(readOnly = true)
	public String categoryName(String code) {
		return categories.findById(code).map(ExpenseCategory::name).orElse(code);
	}

	/** Adds a category (finance); its code is upper-case letters, digits and underscores. */
	@Transactional
	public ExpenseCategory addCategory(String code, String name, boolean mileage) {
		String clean = code.strip().toUpperCase(Locale.ROOT);
		if (!clean.matches("[A-Z][A-Z0-9_]{1,39}")) {
			throw new InvalidField("code", "must be 2-40 upper-case letters, digits or underscores");
		}
		if (categories.existsById(clean)) {
			throw new StateConflict("The expense category " + clean + " exists already");
		}
		return categories.save(new ExpenseCategory(clean, name.strip(), mileage));
	}

	private ExpenseReceipt store(Upload upload) {
		byte[] bytes = upload.content();
		long max = properties.maxReceiptSize().toBytes();
		if (bytes.length > max) {
			throw new ReceiptRefused("The receipt has " + bytes.length + " bytes; at most " + max + " ("
					+ properties.maxReceiptSize().toMegabytes() + " MB) are accepted", true);
		}
		ReceiptType type = ReceiptType.sniff(bytes)
			.orElseThrow(() -> new ReceiptRefused("The receipt '" + upload.filename() + "' is "
					+ ReceiptType.describe(bytes) + ", not a PDF, JPEG, PNG or HEIC file", false));
		String filename = upload.filename().isBlank() ? "receipt." + type.extension()
				: upload.filename().strip();
		return receipts.save(new ExpenseReceipt(type, filename.length() > 255 ? filename.substring(0, 255) : filename,
				bytes, sha256(bytes), clock.instant()));
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JVM", ex);
		}
	}

}
