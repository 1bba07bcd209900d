package com.ledgerflow.accounting.qbo.web;

import com.ledgerflow.accounting.qbo.QboWebhooks;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Intuit's webhook deliveries: no login (the signature is the authentication, see SecurityConfiguration); 200 when
 * stored (or ignored as another company's: Intuit must not retry those), 401 on a wrong signature, 400 on a malformed body. The raw bytes are signed, so the body is read as bytes.
 */
@RestController
class QboWebhookController {

	private final QboWebhooks webhooks;

	QboWebhookController(QboWebhooks webhooks) {
		this.webhooks = webhooks;
	}

	@PostMapping("/webhooks/qbo")
	ResponseEntity<Void> receive(@RequestBody(required = false) byte @Nullable [] body,
			@RequestHeader(name = "intuit-signature", required = false) @Nullable String signature) {
		return switch (webhooks.receive(body == null ? new byte[0] : body, signature)) {
			case ACCEPTED -> ResponseEntity.ok().build();
			case BAD_SIGNATURE -> ResponseEntity.status(401).build();
			case MALFORMED -> ResponseEntity.badRequest().build();
		};
	}

}
