package com.ledgerflow.invoicing.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.ledgerflow.invoicing.BilledItem;
import com.ledgerflow.invoicing.Invoice;
import com.ledgerflow.invoicing.InvoiceItemType;
import com.ledgerflow.invoicing.InvoiceService;
import com.ledgerflow.invoicing.InvoiceStatus;
import com.ledgerflow.shared.InvalidField;
import com.ledgerflow.shared.NotFound;
import com.ledgerflow.shared.StateConflict;
import com.ledgerflow.timetracking.TimeEntry;
import com.ledgerflow.timetracking.TimeEntryService;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A draft's review on its page, the same actions as the invoice API: write a time entry off with a reason, add a
 * discount line (post, redirect, get; a refusal comes back as a message on the page).
 */
@Controller
@RequestMapping("/invoices/{id:" + InvoicePages.UUID_PATTERN + "}")
class DraftReview {

	private final InvoiceService invoices;

	private final TimeEntryService timeEntries;

	DraftReview(InvoiceService invoices, TimeEntryService timeEntries) {
		this.invoices = invoices;
		this.timeEntries = timeEntries;
	}

	/** A time entry the invoice bills (or wrote off, with the reason), for the write-off form. */
	record BilledTime(UUID id, String date, BigDecimal hours, String notes, @Nullable String writtenOffReason) {
	}

	/** The time entries a draft bills and those written off, by date; empty once it is not a draft. */
	List<BilledTime> billedTime(Invoice invoice) {
		if (invoice.status() != InvoiceStatus.DRAFT) {
			return List.of();
		}
		Map<UUID, BilledItem> items = invoices.items(invoice)
			.stream()
			.filter(item -> item.type() == InvoiceItemType.TIME_ENTRY)
			.collect(Collectors.toMap(BilledItem::itemId, Function.identity()));
		return timeEntries.getAll(items.keySet())
			.stream()
			.sorted(Comparator.comparing(TimeEntry::date).thenComparing(TimeEntry::id))
			.map(entry -> new BilledTime(entry.id(), entry.date().toString(),
					BigDecimal.valueOf(entry.minutes()).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP),
					entry.notes(), items.get(entry.id()).writtenOffReason()))
			.toList();
	}

	@PostMapping("/write-offs")
	String writeOff(@PathVariable UUID id, @RequestParam UUID timeEntryId, @RequestParam String reason,
			RedirectAttributes redirect) {
		return act(id, redirect, "Written off.", () -> invoices.writeOffTime(id, timeEntryId, reason));
	}

	@PostMapping("/discounts")
	String discount(@PathVariable UUID id, @RequestParam String description, @RequestParam String amount,
			RedirectAttributes redirect) {
		return act(id, redirect, "Discount added.", () -> {
			if (description.isBlank() || description.length() > 200) {
				throw new InvalidField("description", "is required, at most 200 characters");
			}
			invoices.addDiscount(id, description.strip(), amount(amount));
		});
	}

	@PostMapping("/descriptions")
	String describe(@PathVariable UUID id, @RequestParam int position, @RequestParam String description,
			RedirectAttributes redirect) {
		return act(id, redirect, "Line " + position + " reworded.", () -> {
			if (description.isBlank() || description.length() > 2000) {
				throw new InvalidField("description", "is required, at most 2,000 characters");
			}
			invoices.describeLine(id, position, description.strip());
		});
	}

	private static BigDecimal amount(String text) {
		try {
			BigDecimal amount = new BigDecimal(text.strip());
			if (amount.signum() > 0 && amount.scale() <= 2) {
				return amount;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new InvalidField("amount", "must be a positive amount with at most two decimals, not " + text);
	}

	private static String act(UUID id, RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("message", done);
		}
		catch (InvalidField ex) {
			redirect.addFlashAttribute("reviewError", capitalized(ex.field()) + ": " + ex.reason());
		}
		catch (NotFound | StateConflict ex) {
			redirect.addFlashAttribute("reviewError", ex.getMessage());
		}
		return "redirect:/invoices/" + id;
	}

	private static String capitalized(String field) {
		return field.isEmpty() ? field : Character.toUpperCase(field.charAt(0)) + field.substring(1);
	}

}
