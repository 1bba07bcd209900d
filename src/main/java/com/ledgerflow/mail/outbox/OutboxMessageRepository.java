package com.ledgerflow.mail.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The outbox table; inserts go through {@code MailOutbox} ("on conflict do nothing"), not through this repository. */
public interface OutboxMessageRepository extends JpaRepository<OutboxMessage, UUID> {

	/**
	 * Claims due messages for one delivery pass: the rows stay locked until the caller's transaction ends, and rows
	 * that another node (or thread) has locked are skipped, so no message is delivered by two passes at once.
	 */
	@Query(value = """
			select * from mail_outbox
			where status = 'PENDING' and next_attempt_at <= :now
			order by next_attempt_at, created_at
			limit :limit
			for update skip locked""", nativeQuery = true)
	List<OutboxMessage> lockDue(Instant now, int limit);

	List<OutboxMessage> findByOrderByCreatedAtDesc(Limit limit);

	@EntityGraph(attributePaths = "attachments")
	Optional<OutboxMessage> findWithAttachmentsById(UUID id);

}
