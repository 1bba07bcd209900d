/**
 * Outgoing e-mail: modules enqueue a {@link com.ledgerflow.mail.MailMessage} through
 * {@link com.ledgerflow.mail.MailOutbox} in their own transaction; the outbox delivers it over SMTP with retries and
 * shows it on the {@code /outbox} page.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
@org.jspecify.annotations.NullMarked
package com.ledgerflow.mail;
