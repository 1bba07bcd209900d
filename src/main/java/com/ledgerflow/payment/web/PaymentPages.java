package com.ledgerflow.payment.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import com.ledgerflow.accounting.PaymentSyncState;

import com.ledgerflow.payment.PaymentBooking;
import com.ledgerflow.payment.PaymentMethod;
import com.ledgerflow.payment.PaymentService;
import com.ledgerflow.payment.RecordedPayment;
import com.ledgerflow.shared.InvalidField;
import com.ledgerflow.shared.NotFound;
import com.ledgerflow.shared.StateConflict;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The payments page (finance and administrators): recording a payment against an open invoice, the payments recorded
 * last, the open invoices with their balances, the clients' credits. The form posts and redirects back with what was
 * recorded; a refused payment renders the page again with the reason, answered with the status the API would use.
 * A payment whose booking in accounting failed is listed above the recent ones however old it is, and pushed again
 * from its row (post, redirect, get).
 */
@Controller
@RequestMapping("/payments")
class PaymentPages {

	private static final Logger log = LoggerFactory.getLogger(PaymentPages.class);

	private static final Map<String, String> LABELS = Map.of("invoiceId", "Invoice", "amount", "Amount", "date",
			"Date", "method", "Method", "reference", "Reference", "currency", "Currency");

	private final PaymentService payments;

	private final PaymentsView view;

	private final PaymentBooking booking;

	private final Clock clock;

	private final ZoneId zone;

	PaymentPages(PaymentService payments, PaymentsView view, PaymentBooking booking, Clock clock,
			@Value("${ledgerflow.company.time-zone}") ZoneId zone) {
		this.payments = payments;
		this.view = view;
		this.booking = booking;
		this.clock = clock;
		this.zone = zone;
	}

	@GetMapping
	ModelAndView page() {
		return render(PaymentForm.empty(today()), null, HttpStatus.OK);
	}

	@PostMapping
	ModelAndView record(Authentication caller, @ModelAttribute PaymentForm form, RedirectAttributes redirect) {
		try {
			RecordedPayment recorded = payments.record(form.payment(caller.getName()));
			redirect.addFlashAttribute("recorded", view.recorded(recorded));
			return new ModelAndView("redirect:/payments");
		}
		catch (InvalidField ex) {
			return render(form, LABELS.getOrDefault(ex.field(), ex.field()) + ": " + ex.reason(),
					HttpStatus.BAD_REQUEST);
		}
		catch (NotFound ex) {
			return render(form, String.valueOf(ex.getMessage()), HttpStatus.NOT_FOUND);
		}
		catch (StateConflict ex) {
			return render(form, String.valueOf(ex.getMessage()), HttpStatus.CONFLICT);
		}
	}

	@PostMapping("/{id}/accounting/retry")
	String pushAgain(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			PaymentSyncState state = booking.bookAgain(id);
			if (state.state() == PaymentSyncState.State.PUSHED) {
				redirect.addFlashAttribute("booked", "Pushed again: the payment is booked in accounting as "
						+ state.externalId() + ".");
			}
			else {
				redirect.addFlashAttribute("bookingError", "Refused again: " + state.error());
			}
		}
		catch (NotFound | StateConflict ex) {
			redirect.addFlashAttribute("bookingError", ex.getMessage());
		}
		catch (RuntimeException ex) {
			// technical (accounting unreachable, not connected): recorded on the link, the booking retries by itself
			log.warn("Pushing payment {} again failed", id, ex);
			redirect.addFlashAttribute("bookingError", "Still failing: " + ex.getMessage());
		}
		return "redirect:/payments";
	}

	private ModelAndView render(PaymentForm form, @Nullable String error, HttpStatus status) {
		ModelAndView page = new ModelAndView("payment/payments", status);
		page.addObject("form", form);
		page.addObject("error", error);
		page.addObject("today", today());
		page.addObject("methods", PaymentMethod.values());
		Map<UUID, String> names = view.clientNames();
		page.addObject("open", view.openInvoices(today(), names));
		page.addObject("attention", view.needingAttention(zone, names));
		page.addObject("recent", view.recentPayments(zone, names));
		page.addObject("credits", view.credits(names));
		return page;
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

}
