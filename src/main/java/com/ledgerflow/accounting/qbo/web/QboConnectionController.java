package com.ledgerflow.accounting.qbo.web;

import java.security.Principal;
import java.time.ZoneId;
import java.util.regex.Pattern;

import com.ledgerflow.accounting.qbo.QboConnections;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Connect to QuickBooks (finance and administrators, see SecurityConfiguration): the connection's state, Connect
 * (OAuth 2.0 authorization-code flow with a {@code state} kept in the session), Intuit's callback, Disconnect.
 */
@Controller
@RequestMapping("/accounting/qbo")
class QboConnectionController {

	static final String STATE = QboConnectionController.class.getName() + ".state";

	/** Intuit's company ids are digits; anything else is not from Intuit. */
	private static final Pattern REALM_ID = Pattern.compile("[0-9A-Za-z]{1,40}");

	private static final Logger log = LoggerFactory.getLogger(QboConnectionController.class);

	private final QboConnections connections;

	private final ZoneId zone;

	QboConnectionController(QboConnections connections, @Value("${ledgerflow.company.time-zone:UTC}") ZoneId zone) {
		this.connections = connections;
		this.zone = zone;
	}

	@ModelAttribute("zone")
	ZoneId zone() {
		return zone;
	}

	@GetMapping
	String page(Model model) {
		model.addAttribute("connection", connections.connection().orElse(null));
		model.addAttribute("providerActive", connections.providerActive());
		return "accounting/qbo";
	}

	@PostMapping("/connect")
	String connect(HttpSession session) {
		String state = connections.newState();
		session.setAttribute(STATE, state);
		return "redirect:" + connections.authorizeUri(state);
	}

	@GetMapping("/callback")
	String callback(@RequestParam(required = false) @Nullable String code,
			@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String realmId,
			@RequestParam(required = false) @Nullable String error, HttpSession session, Principal user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		String expected = (String) session.getAttribute(STATE);
		session.removeAttribute(STATE); // one attempt per state
		if (!QboConnections.stateMatches(expected, state)) {
			log.warn("QuickBooks callback for {} with a state that is not the session's: ignored", user.getName());
			return failed(model, response, HttpStatus.BAD_REQUEST,
					"This answer from QuickBooks does not belong to a connection you started (state mismatch), so "
							+ "nothing was stored. Start again with Connect to QuickBooks.");
		}
		if (error != null) {
			redirect.addFlashAttribute("message", "QuickBooks was not connected: " + error);
			return "redirect:/accounting/qbo";
		}
		if (!StringUtils.hasText(code) || realmId == null || !REALM_ID.matcher(realmId).matches()) {
			return failed(model, response, HttpStatus.BAD_REQUEST,
					"QuickBooks answered without an authorization code or company (realmId); nothing was stored.");
		}
		try {
			connections.connect(code, realmId, user.getName());
		}
		catch (RestClientException ex) {
			log.warn("Exchanging the QuickBooks authorization code failed: {}", ex.toString());
			return failed(model, response, HttpStatus.BAD_GATEWAY,
					"Intuit did not accept the authorization code; nothing was stored. Try Connect to QuickBooks again.");
		}
		redirect.addFlashAttribute("message", "QuickBooks company " + realmId + " connected.");
		return "redirect:/accounting/qbo";
	}

	@PostMapping("/disconnect")
	String disconnect(RedirectAttributes redirect) {
		boolean revoked = connections.disconnect();
		redirect.addFlashAttribute("message", revoked ? "QuickBooks disconnected."
				: "QuickBooks disconnected here, but Intuit could not be told: remove the app in QuickBooks too.");
		return "redirect:/accounting/qbo";
	}

	private static String failed(Model model, HttpServletResponse response, HttpStatus status, String message) {
		response.setStatus(status.value());
		model.addAttribute("message", message);
		return "accounting/qbo-callback-failed";
	}

}
