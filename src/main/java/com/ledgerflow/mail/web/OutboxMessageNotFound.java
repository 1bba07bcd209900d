package com.ledgerflow.mail.web;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No outbox message (or attachment) with the requested id: answered as a 404 problem detail. */
class OutboxMessageNotFound extends ErrorResponseException {

	OutboxMessageNotFound(String what, UUID id) {
		super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No " + what + " " + id),
				null);
	}

}
