package com.ledgerflow.mail;

import org.springframework.stereotype.Service;

/** PLACEHOLDER replaced by the mail module merge. */
@Service
public class MailOutbox {

	public void enqueue(MailMessage message) {
		throw new UnsupportedOperationException();
	}

}
