package com.ledgerflow.accounting.web;

import java.time.ZoneId;
import java.util.UUID;

import com.ledgerflow.accounting.AccountingRejected;
import com.ledgerflow.accounting.AccountingSyncRetry;
import com.ledgerflow.accounting.AccountingSyncStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The accounting sync page (finance and administrators, see SecurityConfiguration): counts per record type, the
 * failures with the accounting system's message, a retry per failure (post, redirect, get), and the changes received
 * from the accounting system (payments made in QuickBooks) with those it could not take over (time or expenses
 * entered in QuickBooks on an unknown job or by an unknown employee).
 */
@Controller
@RequestMapping("/accounting/sync")
class AccountingSyncController {

	private static final Logger log = LoggerFactory.getLogger(AccountingSyncController.class);

	private final AccountingSyncStatus status;

	private final AccountingSyncRetry retry;

	private final ZoneId zone;

	AccountingSyncController(AccountingSyncStatus status, AccountingSyncRetry retry,
			@Value("${ledgerflow.company.time-zone:UTC}") ZoneId zone) {
		this.status = status;
		this.retry = retry;
		this.zone = zone;
	}

	@GetMapping
	String page(Model model) {
		model.addAttribute("system", status.system());
		model.addAttribute("types", status.byType());
		model.addAttribute("failures", status.failures());
		model.addAttribute("maxFailures", AccountingSyncStatus.MAX_FAILURES);
		model.addAttribute("received", status.received());
		model.addAttribute("maxReceived", AccountingSyncStatus.MAX_RECEIVED);
		model.addAttribute("unmatched", status.unmatched());
		model.addAttribute("zone", zone);
		return "accounting/sync";
	}

	@PostMapping("/retry")
	String retry(@RequestParam String entityType, @RequestParam UUID localId, RedirectAttributes redirect) {
		try {
			retry.retry(entityType, localId);
			redirect.addFlashAttribute("message", "Sent again: " + entityType + " " + localId + " is in sync.");
		}
		catch (AccountingRejected rejected) {
			redirect.addFlashAttribute("retryError", "Refused again: " + rejected.getMessage());
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("retryError", ex.getMessage());
		}
		catch (RuntimeException ex) {
			// technical (accounting system unreachable, not connected): already recorded on the link
			log.warn("Retry of {} {} failed", entityType, localId, ex);
			redirect.addFlashAttribute("retryError", "Still failing: " + ex.getMessage());
		}
		return "redirect:/accounting/sync";
	}

}
