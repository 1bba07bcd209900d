package com.ledgerflow.mail.outbox;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading and retrying outbox messages, for the outbox page. */
@Service
public class OutboxMessages {

	private final OutboxMessageRepository repository;

	private final Clock clock;

	OutboxMessages(OutboxMessageRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	/** The {@code limit} newest messages, newest first, without attachments. */
	@Transactional(readOnly = true)
	public List<OutboxMessage> newest(int limit) {
		return repository.findByOrderByCreatedAtDesc(Limit.of(limit));
	}

	/** One message with its attachments loaded. */
	@Transactional(readOnly = true)
	public Optional<OutboxMessage> findWithAttachments(UUID id) {
		return repository.findWithAttachmentsById(id);
	}

	/**
	 * Puts a failed message back in the queue.
	 * @return empty for an unknown id, else whether the message was failed and is pending now
	 */
	@Transactional
	public Optional<Boolean> retry(UUID id) {
		return repository.findById(id).map((message) -> message.retry(clock.instant()));
	}

}
